#!/bin/sh
# Compares `fathom tune --search bayes` with `--search random` at 30 trials each over 10 seeds (issue 5's check).
# Data: samples/breast_cancer.csv; model: decision-tree; 5-fold CV ROC AUC on the training rows.
# Usage (from the repository root): sh bench/scripts/tune-bayes-vs-random.sh
set -e
dotnet build src/Fathom.Cli -c Release -v q -nologo >/dev/null
cli="dotnet src/Fathom.Cli/bin/Release/net10.0/Fathom.Cli.dll"
space="max_depth=1..20, min_samples_leaf=1..60, criterion=gini|entropy, max_features=0.05..1.0"
echo "seed,random_best_cv_auc,bayes_best_cv_auc"
for seed in 0 1 2 3 4 5 6 7 8 9; do
  r=$($cli tune samples/breast_cancer.csv --target target --model decision-tree --space "$space" --search random --trials 30 --metric roc_auc --seed $seed --json | sed -n 's/.*"best_cv_mean": *\([0-9.]*\).*/\1/p')
  b=$($cli tune samples/breast_cancer.csv --target target --model decision-tree --space "$space" --search bayes --trials 30 --metric roc_auc --seed $seed --json | sed -n 's/.*"best_cv_mean": *\([0-9.]*\).*/\1/p')
  echo "$seed,$r,$b"
done
