"""Reference numbers for MultinomialNB, BernoulliNB and ComplementNB.

Made with /usr/bin/python3 (scikit-learn 1.2.1) from samples/digits.csv (pixel intensities 0..16, target 0..9):
    /usr/bin/python3 tests/Fathom.Tests/NaiveBayes/Reference/make_discrete_nb_reference.py
Writes discrete_nb_reference.json beside this script. Weighted cases use weights 1 + (row index mod 3);
"prior" cases pass class_prior = [0.05, 0.15, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1].
"""
import json, os
import numpy as np
import pandas as pd
from sklearn.naive_bayes import MultinomialNB, BernoulliNB, ComplementNB

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "../../../.."))
df = pd.read_csv(os.path.join(root, "samples", "digits.csv"))
X = df.drop(columns="target").to_numpy(dtype=float)
y = df["target"].to_numpy()
w = 1.0 + (np.arange(len(y)) % 3)
prior = [0.05, 0.15, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
probe = list(range(0, len(y), 97))  # rows whose probabilities are stored

cases = []
def add(name, est, weighted=False):
    est.fit(X, y, sample_weight=w if weighted else None)
    cases.append({
        "name": name, "params": {k: v for k, v in est.get_params().items() if k != "force_alpha"},
        "weighted": weighted,
        "class_count": est.class_count_.tolist(), "class_log_prior": est.class_log_prior_.tolist(),
        "feature_log_prob": est.feature_log_prob_.tolist(),
        "predict": est.predict(X).tolist(),
        "probe_rows": probe, "probe_proba": est.predict_proba(X[probe]).tolist(),
        "probe_log_proba": est.predict_log_proba(X[probe]).tolist(),
    })

add("multinomial", MultinomialNB())
add("multinomial_alpha0.01_weighted", MultinomialNB(alpha=0.01), weighted=True)
add("multinomial_uniform", MultinomialNB(fit_prior=False, alpha=0.5))
add("multinomial_prior", MultinomialNB(class_prior=prior))
add("bernoulli", BernoulliNB())
add("bernoulli_binarize4_weighted", BernoulliNB(binarize=4.0, alpha=0.3), weighted=True)
add("bernoulli_prior", BernoulliNB(class_prior=prior, binarize=8.0))
add("complement", ComplementNB())
add("complement_norm_weighted", ComplementNB(norm=True, alpha=0.2), weighted=True)
add("complement_fit_prior", ComplementNB(fit_prior=True))
with open(os.path.join(here, "discrete_nb_reference.json"), "w") as f:
    json.dump({"prior": prior, "cases": cases}, f)
