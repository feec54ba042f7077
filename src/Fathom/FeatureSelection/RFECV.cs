using Fathom.Core;
using Fathom.Data;
using Fathom.ModelSelection;

namespace Fathom.FeatureSelection;

/// <summary>
/// Recursive feature elimination with the number of columns chosen by cross-validation, like scikit-learn's
/// <c>RFECV</c>: in each of <see cref="Cv"/> folds (unshuffled k-fold for a regressor, stratified for a
/// classifier) RFE runs on the training rows, and every subset it passes through is scored on the held-out
/// rows (R² or accuracy). The size with the best total score wins (the smallest among equals), and
/// <see cref="RFE"/> is fitted on all rows down to that size. <see cref="FeatureSelectionModel.Scores"/> holds
/// the mean score per size, from all columns down to <see cref="MinFeaturesToSelect"/>.
/// O(cv × rounds × fit).
/// </summary>
public sealed record RFECV : IEstimator
{
    /// <summary>The model refitted at each round (must be set).</summary>
    public IEstimator? Estimator { get; init; }

    /// <summary>Columns removed per round (default 1).</summary>
    [Hyperparameter("Number of columns removed at each round.", Min = 1)]
    public int Step { get; init; } = 1;

    /// <summary>Smallest number of columns considered (default 1).</summary>
    [Hyperparameter("Smallest number of columns considered.", Min = 1)]
    public int MinFeaturesToSelect { get; init; } = 1;

    /// <summary>Cross-validation folds (default 5).</summary>
    [Hyperparameter("Number of cross-validation folds.", Min = 2)]
    public int Cv { get; init; } = 5;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Cross-validates every subset size, then eliminates on all rows down to the best size.</summary>
    /// <exception cref="InvalidHyperparameterException">No estimator, or one without importances/coefficients.</exception>
    /// <exception cref="InvalidInputException">Bad data or target.</exception>
    public FeatureSelectionModel Fit(DataFrame x, double[] y, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (Estimator is null)
            throw new InvalidHyperparameterException("estimator", "RFECV: no estimator; give one with coefficients or feature importances.");
        var (names, kinds, cols) = SelectionInput.Read(x, y, nameof(RFECV));
        int p = names.Length, n = y.Length;
        int min = Math.Min(MinFeaturesToSelect, p);
        var all = ModelImportance.ToMatrix(cols, Enumerable.Range(0, p).ToArray(), n);
        ISplitter splitter = Estimator is IClassifier ? new StratifiedKFold { NSplits = Cv } : new KFold { NSplits = Cv };
        var folds = splitter.Split(n, Estimator is IClassifier ? ClassLabels.FromDoubles(y) : null, null).ToArray();
        List<double>? totals = null;
        foreach (var fold in folds)
        {
            context?.ThrowIfCancellationRequested();
            var scores = new List<double>();
            var trainCols = cols.Select(c => fold.Train.Select(i => c[i]).ToArray()).ToArray();
            var remaining = Enumerable.Range(0, p).ToList();
            while (true)
            {
                var sub = ModelImportance.ToMatrix(cols, remaining, n);
                scores.Add(CvScoring.Holdout(Estimator, sub, y, fold.Train, fold.Test, context));
                if (remaining.Count <= min) break;
                var model = ModelImportance.FitEstimator(Estimator, ModelImportance.ToMatrix(trainCols, remaining, fold.Train.Length), fold.Train.Select(i => y[i]).ToArray(), context);
                var imp = ModelImportance.Of(model, remaining.Count, nameof(RFECV));
                int drop = Math.Min(Step, remaining.Count - min);
                foreach (int j in Enumerable.Range(0, remaining.Count).OrderBy(k => imp[k]).Take(drop).Select(k => remaining[k]).ToArray()) remaining.Remove(j);
            }
            if (totals is null) totals = scores;
            else for (int s = 0; s < totals.Count; s++) totals[s] += scores[s];
        }
        // The smallest size among equal best totals (scikit-learn scans the reversed list).
        int bestIdx = 0;
        for (int s = 0; s < totals!.Count; s++) if (totals[s] >= totals[bestIdx]) bestIdx = s;
        int keep = Math.Max(p - bestIdx * Step, min);
        var rfe = new RFE { Estimator = Estimator, NFeaturesToSelect = keep, Step = Step }.Fit(x, y, context);
        return new FeatureSelectionModel("rfecv", this, names, kinds, rfe.Support.ToArray(),
            totals.Select(t => t / folds.Length).ToArray(), ranking: rfe.Ranking.ToArray());
    }
}
