using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Metrics;

/// <summary>
/// Metrics of scores and probabilities, with scikit-learn 1.2's definitions: ROC and precision-recall curves,
/// average precision, one-vs-one multiclass ROC AUC, the Brier score and top-k accuracy. Tied scores form one
/// threshold. (Binary and one-vs-rest ROC AUC and log-loss are in <see cref="ClassificationMetrics"/>.)
/// </summary>
public static class ScoreMetrics
{
    /// <summary>
    /// ROC curve (scikit-learn's roc_curve): X = false positive rate, Y = true positive rate at each distinct score
    /// from high to low, starting at (0, 0) with threshold max + 1; with <paramref name="dropIntermediate"/> the points
    /// on straight segments are dropped. O(n log n).
    /// </summary>
    /// <exception cref="InvalidInputException">Lengths disagree, non-finite scores, or only one class present.</exception>
    public static Curve RocCurve<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> scores, T positiveLabel, double[]? sampleWeight = null,
        bool dropIntermediate = true) where T : notnull
    {
        Check(yTrue, scores, sampleWeight, nameof(RocCurve));
        var (fps, tps, thr) = BinaryCurve.Compute(BinaryCurve.Positives(yTrue, positiveLabel), scores, sampleWeight, nameof(RocCurve));
        if (tps[^1] == 0 || fps[^1] == 0)
            throw new InvalidInputException($"{nameof(RocCurve)}: the true labels hold {(tps[^1] == 0 ? "no" : "only")} positive rows; the ROC curve needs both classes.");
        var keep = new List<int>();
        for (int t = 0; t < tps.Length; t++)
        {
            bool corner = t == 0 || t == tps.Length - 1
                || fps[t - 1] - 2 * fps[t] + fps[t + 1] != 0 || tps[t - 1] - 2 * tps[t] + tps[t + 1] != 0;
            if (!dropIntermediate || corner) keep.Add(t);
        }
        var x = new List<double> { 0 };
        var y = new List<double> { 0 };
        var thresholds = new List<double> { thr[keep[0]] + 1 };
        foreach (int t in keep)
        {
            x.Add(fps[t] / fps[^1]);
            y.Add(tps[t] / tps[^1]);
            thresholds.Add(thr[t]);
        }
        return new Curve(x, y, thresholds);
    }

    /// <summary>
    /// Precision-recall curve (scikit-learn 1.2's precision_recall_curve): X = recall, Y = precision, in order of
    /// increasing threshold (recall decreasing), ending at (recall 0, precision 1) without a threshold. O(n log n).
    /// </summary>
    public static Curve PrecisionRecallCurve<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> scores, T positiveLabel,
        double[]? sampleWeight = null) where T : notnull
    {
        Check(yTrue, scores, sampleWeight, nameof(PrecisionRecallCurve));
        var (fps, tps, thr) = BinaryCurve.Compute(BinaryCurve.Positives(yTrue, positiveLabel), scores, sampleWeight, nameof(PrecisionRecallCurve));
        int m = tps.Length;
        var recall = new double[m + 1];
        var precision = new double[m + 1];
        var thresholds = new double[m];
        for (int t = 0; t < m; t++)
        {
            int r = m - 1 - t;
            double predicted = tps[t] + fps[t];
            precision[r] = predicted != 0 ? tps[t] / predicted : 0;
            recall[r] = tps[^1] == 0 ? 1 : tps[t] / tps[^1];
            thresholds[r] = thr[t];
        }
        precision[m] = 1;
        recall[m] = 0;
        return new Curve(recall, precision, thresholds);
    }

    /// <summary>
    /// Average precision AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over the thresholds of the precision-recall curve (a step function,
    /// not the trapezoid), scikit-learn's average_precision_score. O(n log n).
    /// </summary>
    public static double AveragePrecision<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> scores, T positiveLabel,
        double[]? sampleWeight = null) where T : notnull
    {
        var curve = PrecisionRecallCurve(yTrue, scores, positiveLabel, sampleWeight);
        double ap = 0;
        for (int t = 0; t + 1 < curve.X.Count; t++) ap -= (curve.X[t + 1] - curve.X[t]) * curve.Y[t];
        return ap;
    }

    /// <summary>
    /// One-vs-one multiclass ROC AUC (Hand &amp; Till 2001; scikit-learn's roc_auc_score(multi_class="ovo")): for each
    /// pair of classes (a, b), the mean of AUC(a vs b, scored by column a) and AUC(b vs a, scored by column b) on the
    /// rows of those two classes; averaged over pairs, uniformly (<paramref name="weighted"/> false) or by the pair's
    /// share of rows. O(k² · n log n).
    /// </summary>
    /// <exception cref="InvalidInputException">Shapes disagree, a true label is not a class, or a class has no rows.</exception>
    public static double RocAucOvo<T>(IReadOnlyList<T> yTrue, Matrix probabilities, IReadOnlyList<T> classes, bool weighted = false) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(classes);
        const string what = nameof(RocAucOvo);
        MetricInputs.SameLength(yTrue.Count, probabilities.Rows, what);
        if (probabilities.Columns != classes.Count)
            throw new InvalidInputException($"{what}: the probabilities have {probabilities.Columns} columns but there are {classes.Count} classes.");
        if (classes.Count < 2) throw new InvalidInputException($"{what}: ROC AUC needs at least two classes, got {classes.Count}.");
        var idx = MetricInputs.IndexIn(yTrue, classes, what);
        double sum = 0, totalWeight = 0;
        int k = classes.Count;
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++)
            {
                var rows = Enumerable.Range(0, idx.Length).Where(i => idx[i] == a || idx[i] == b).ToArray();
                var isA = rows.Select(i => idx[i] == a).ToArray();
                var isB = rows.Select(i => idx[i] == b).ToArray();
                double aucA = ClassificationMetrics.BinaryAuc(isA, rows.Select(i => probabilities[i, a]).ToArray(), null, classes[a].ToString());
                double aucB = ClassificationMetrics.BinaryAuc(isB, rows.Select(i => probabilities[i, b]).ToArray(), null, classes[b].ToString());
                double weight = weighted ? rows.Length : 1;
                sum += weight * (aucA + aucB) / 2;
                totalWeight += weight;
            }
        return sum / totalWeight;
    }

    /// <summary>Brier score: the (weighted) mean of (yᵢ − pᵢ)² with yᵢ = 1 for the positive class, pᵢ its predicted probability. Lower is better. O(n).</summary>
    /// <exception cref="InvalidInputException">A probability outside [0, 1], or lengths disagree.</exception>
    public static double BrierScore<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> probabilityPositive, T positiveLabel,
        double[]? sampleWeight = null) where T : notnull
    {
        Check(yTrue, probabilityPositive, sampleWeight, nameof(BrierScore));
        var positive = BinaryCurve.Positives(yTrue, positiveLabel);
        double s = 0, sw = 0;
        for (int i = 0; i < positive.Length; i++)
        {
            double p = probabilityPositive[i];
            if (!(p >= 0 && p <= 1)) throw new InvalidInputException($"{nameof(BrierScore)}: the probability at row {i} is {p}; it must lie in [0, 1].", i);
            double d = (positive[i] ? 1 : 0) - p, w = sampleWeight?[i] ?? 1;
            s += w * d * d;
            sw += w;
        }
        return s / sw;
    }

    /// <summary>
    /// Top-k accuracy (scikit-learn's top_k_accuracy_score): the (weighted) fraction of rows whose true class is among
    /// the k highest-scored columns; among tied scores the later column ranks higher, as scikit-learn's reversed
    /// stable sort. O(n · k log k).
    /// </summary>
    public static double TopKAccuracy<T>(IReadOnlyList<T> yTrue, Matrix scores, IReadOnlyList<T> classes, int k = 2,
        double[]? sampleWeight = null) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(classes);
        const string what = nameof(TopKAccuracy);
        MetricInputs.SameLength(yTrue.Count, scores.Rows, what);
        MetricInputs.Weights(sampleWeight, yTrue.Count, what);
        if (scores.Columns != classes.Count)
            throw new InvalidInputException($"{what}: the scores have {scores.Columns} columns but there are {classes.Count} classes.");
        if (k < 1) throw new InvalidHyperparameterException("k", $"{what}: k must be at least 1; {k} was given.");
        var idx = MetricInputs.IndexIn(yTrue, classes, what);
        double hit = 0, sw = 0;
        for (int i = 0; i < idx.Length; i++)
        {
            var row = scores.Row(i);
            double own = row[idx[i]];
            // Columns ranked above the true one: higher score, or equal score at a later column.
            int above = 0;
            for (int c = 0; c < row.Length; c++)
                if (row[c] > own || (row[c] == own && c > idx[i])) above++;
            double w = sampleWeight?[i] ?? 1;
            if (above < k) hit += w;
            sw += w;
        }
        return hit / sw;
    }

    private static void Check<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> scores, double[]? w, string what)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(scores);
        MetricInputs.SameLength(yTrue.Count, scores.Count, what);
        MetricInputs.Weights(w, yTrue.Count, what);
    }
}
