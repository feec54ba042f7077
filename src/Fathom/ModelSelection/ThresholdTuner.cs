using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Cross-validated decision-threshold tuning for binary classifiers (the idea of scikit-learn's
/// <c>TunedThresholdClassifierCV</c>): for each fold of <see cref="Cv"/> the estimator is fitted on the training
/// rows and predicts P(<see cref="PositiveClass"/>) on the held-out rows; for each of <see cref="ThresholdCount"/>
/// evenly spaced candidate thresholds between the smallest and largest held-out probability, rows with
/// P ≥ t are predicted positive and scored with the label scorer <see cref="Scoring"/>; the threshold with the
/// best mean fold score wins (the first on ties). Optional <see cref="MinRecall"/> keeps only thresholds whose
/// recall of the positive class reaches it in every fold (e.g. "precision at recall ≥ 0.9"). The estimator is
/// then refitted on all rows. Cost: one fit per fold plus one, and O(thresholds · n) scoring.
/// </summary>
public sealed record ThresholdTuner : IClassifier
{
    /// <summary>The binary classifier whose threshold is tuned (default <see cref="Linear.LogisticRegression"/>).</summary>
    public IClassifier Estimator { get; init; } = new Linear.LogisticRegression();

    /// <summary>What to maximise: "f1", "precision" or "recall" of the positive class, or any label scorer from
    /// <see cref="Scorers"/> such as "balanced_accuracy" (the default, as scikit-learn), "accuracy", "mcc", "f1_macro".
    /// Scorers where smaller is better are minimised.</summary>
    [Hyperparameter("Label scorer to maximise (f1, balanced_accuracy, precision, ...)")]
    public string Scoring { get; init; } = "balanced_accuracy";

    /// <summary>Number of candidate thresholds (default 100, at least 2).</summary>
    [Hyperparameter("Number of candidate thresholds", Min = 2)]
    public int ThresholdCount { get; init; } = 100;

    /// <summary>Only thresholds whose positive-class recall is at least this in every fold are eligible (default null: no constraint).</summary>
    [Hyperparameter("Minimum recall of the positive class", Min = 0, Max = 1, NullMeans = "no constraint")]
    public double? MinRecall { get; init; }

    /// <summary>The positive class; null (default) means the second class in sorted order (scikit-learn's <c>pos_label</c> convention).</summary>
    [Hyperparameter("Positive class label", NullMeans = "the second class")]
    public string? PositiveClass { get; init; }

    /// <summary>Fold strategy; null (default) means <see cref="StratifiedKFold"/> with 5 folds.</summary>
    public ISplitter? Cv { get; init; }

    /// <summary>Sample weights go to the fits (when the estimator takes them) and to the scorer.</summary>
    public EstimatorTags Tags => new() { SupportsSampleWeight = true };

    /// <summary>Tunes the threshold and refits the estimator on all rows.</summary>
    /// <param name="x">Features.</param>
    /// <param name="y">Labels with exactly two classes.</param>
    /// <param name="sampleWeight">Optional non-negative weights.</param>
    /// <param name="context">Passed to the fits.</param>
    /// <exception cref="InvalidInputException">Not two classes, or shapes disagree.</exception>
    /// <exception cref="InvalidHyperparameterException">Unknown or probability-based scorer, unknown positive class,
    /// or no threshold meets <see cref="MinRecall"/>.</exception>
    public ThresholdClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Hyperparameters.Validate(this);
        if (Estimator is null) throw new InvalidHyperparameterException("estimator", "ThresholdTuner needs a base estimator; set Estimator.");
        Scorer? scorer = null;
        bool binaryMetric = Scoring is "f1" or "precision" or "recall";
        if (!binaryMetric && (!Scorers.TryGet(Scoring, out scorer) || scorer!.Task != ScorerTask.Classification || scorer.NeedsProbabilities))
            throw new InvalidHyperparameterException("scoring",
                $"ThresholdTuner: '{Scoring}' is not a label-based classification scorer; use e.g. f1, balanced_accuracy, precision, recall or accuracy.");
        int n = x.Rows;
        if (y.Count != n) throw new InvalidInputException($"ThresholdTuner: X has {n} rows but y has {y.Count} labels.");
        if (sampleWeight is not null && sampleWeight.Length != n)
            throw new InvalidInputException($"ThresholdTuner: X has {n} rows but sample_weight has {sampleWeight.Length}.");
        if (y.ClassCount != 2 || y.ClassCounts().Any(c => c == 0))
            throw new InvalidInputException($"ThresholdTuner handles binary problems; y has {y.ClassCounts().Count(c => c > 0)} classes.");
        int pos = PositiveClass is null ? 1 : y.IndexOf(PositiveClass);
        if (pos < 0) throw new InvalidHyperparameterException("positive_class", $"ThresholdTuner: class '{PositiveClass}' is not among the labels ({string.Join(", ", y.Classes)}).");
        bool baseWeights = sampleWeight is not null && Estimator.Tags.SupportsSampleWeight;
        var folds = (Cv ?? new StratifiedKFold()).Split(n, y);
        var classes = y.Classes;
        var probs = new double[folds.Count][];
        var truth = new string[folds.Count][];
        var weights = new double[]?[folds.Count];
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int f = 0; f < folds.Count; f++)
        {
            var (train, test) = folds[f];
            var model = Estimator.Fit(x.SelectRows(train), y.Subset(train), baseWeights ? train.Select(i => sampleWeight![i]).ToArray() : null, context);
            var p = model.PredictProba(x.SelectRows(test));
            int col = IndexIn(model.Classes, classes[pos]);
            probs[f] = Enumerable.Range(0, test.Length).Select(i => p[i, col]).ToArray();
            truth[f] = test.Select(i => classes[y.Codes[i]]).ToArray();
            weights[f] = sampleWeight is null ? null : test.Select(i => sampleWeight[i]).ToArray();
            foreach (double v in probs[f]) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        }
        var thresholds = new double[ThresholdCount];
        for (int t = 0; t < ThresholdCount; t++) thresholds[t] = lo + (hi - lo) * t / (ThresholdCount - 1);
        var scores = new double[ThresholdCount];
        string posName = classes[pos], negName = classes[1 - pos];
        int best = -1;
        for (int t = 0; t < ThresholdCount; t++)
        {
            double sum = 0;
            bool eligible = true;
            for (int f = 0; f < folds.Count; f++)
            {
                var predicted = probs[f].Select(v => v >= thresholds[t] ? posName : negName).ToArray();
                if (MinRecall is double r && Recall(truth[f], predicted, posName, weights[f]) < r) eligible = false;
                sum += binaryMetric ? BinaryMetric(Scoring, truth[f], predicted, posName, weights[f])
                    : scorer!.Score(truth[f], predicted, null, classes, weights[f]);
            }
            scores[t] = sum / folds.Count;
            if (!eligible) continue;
            if (best < 0 || (scorer?.GreaterIsBetter ?? true ? scores[t] > scores[best] : scores[t] < scores[best])) best = t;
        }
        if (best < 0)
            throw new InvalidHyperparameterException("min_recall", $"ThresholdTuner: no threshold reaches recall {MinRecall} on every fold; lower MinRecall.");
        var full = Estimator.Fit(x, y, baseWeights ? sampleWeight : null, context);
        return new ThresholdClassificationModel(this, full, IndexIn(full.Classes, posName), thresholds[best], scores[best], thresholds, scores);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);

    private static int IndexIn(IReadOnlyList<string> classes, string name)
    {
        for (int i = 0; i < classes.Count; i++) if (classes[i] == name) return i;
        throw new InvalidHyperparameterException("estimator", $"ThresholdTuner: the fitted model has no class '{name}'.");
    }

    /// <summary>Positive-class f1, precision or recall (scikit-learn's binary average; 0 when undefined).</summary>
    private static double BinaryMetric(string name, string[] truth, string[] predicted, string pos, double[]? w)
    {
        double tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            double wi = w?[i] ?? 1;
            bool t = truth[i] == pos, p = predicted[i] == pos;
            if (t && p) tp += wi; else if (p) fp += wi; else if (t) fn += wi;
        }
        double num = name switch { "f1" => 2 * tp, _ => tp };
        double den = name switch { "f1" => 2 * tp + fp + fn, "precision" => tp + fp, _ => tp + fn };
        return den > 0 ? num / den : 0;
    }

    private static double Recall(string[] truth, string[] predicted, string pos, double[]? w)
    {
        double tp = 0, p = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            if (truth[i] != pos) continue;
            double wi = w?[i] ?? 1;
            p += wi;
            if (predicted[i] == pos) tp += wi;
        }
        return p > 0 ? tp / p : 1;
    }
}
