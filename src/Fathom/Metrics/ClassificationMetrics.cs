using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Metrics;

/// <summary>
/// Classification metrics with scikit-learn 1.2's definitions. Labels may be of any type with equality
/// (strings, ints, …); the label set of the label-based metrics is the union of true and predicted labels,
/// as scikit-learn's <c>unique_labels</c>. Sample weights are optional and non-negative. A ratio with a zero
/// denominator counts as 0 (scikit-learn's zero_division="warn" value).
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Fraction of rows predicted correctly (weighted). O(n).</summary>
    public static double Accuracy<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? sampleWeight = null) where T : notnull
    {
        Check(yTrue, yPred, sampleWeight, nameof(Accuracy));
        double ok = 0, sw = 0;
        var cmp = EqualityComparer<T>.Default;
        for (int i = 0; i < yTrue.Count; i++)
        {
            double w = sampleWeight?[i] ?? 1;
            if (cmp.Equals(yTrue[i], yPred[i])) ok += w;
            sw += w;
        }
        return ok / sw;
    }

    /// <summary>Mean over classes present in <paramref name="yTrue"/> of the (weighted) recall of that class. O(n + k²).</summary>
    public static double BalancedAccuracy<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? sampleWeight = null) where T : notnull
    {
        Check(yTrue, yPred, sampleWeight, nameof(BalancedAccuracy));
        var (t, p, k) = MetricInputs.Encode(yTrue, yPred);
        var c = MetricInputs.Confusion(t, p, k, sampleWeight);
        double sum = 0;
        int count = 0;
        for (int a = 0; a < k; a++)
        {
            double row = 0;
            for (int b = 0; b < k; b++) row += c[a, b];
            if (row == 0) continue; // class only predicted: scikit-learn drops its NaN recall
            sum += c[a, a] / row;
            count++;
        }
        return sum / count;
    }

    /// <summary>Unweighted mean over labels of precision tp / (tp + fp).</summary>
    public static double PrecisionMacro<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? sampleWeight = null) where T : notnull =>
        Macro(yTrue, yPred, sampleWeight, nameof(PrecisionMacro), (pr, _, _) => pr);

    /// <summary>Unweighted mean over labels of recall tp / (tp + fn).</summary>
    public static double RecallMacro<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? sampleWeight = null) where T : notnull =>
        Macro(yTrue, yPred, sampleWeight, nameof(RecallMacro), (_, re, _) => re);

    /// <summary>Unweighted mean over labels of F1 = 2PR / (P + R) (scikit-learn's f1_score(average="macro")).</summary>
    public static double F1Macro<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? sampleWeight = null) where T : notnull =>
        Macro(yTrue, yPred, sampleWeight, nameof(F1Macro), (_, _, f) => f);

    /// <summary>Precision of the class <paramref name="positiveLabel"/> (scikit-learn's average="binary").</summary>
    public static double Precision<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, T positiveLabel, double[]? sampleWeight = null) where T : notnull =>
        Binary(yTrue, yPred, positiveLabel, sampleWeight, nameof(Precision)).Precision;

    /// <summary>Recall of the class <paramref name="positiveLabel"/> (scikit-learn's average="binary").</summary>
    public static double Recall<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, T positiveLabel, double[]? sampleWeight = null) where T : notnull =>
        Binary(yTrue, yPred, positiveLabel, sampleWeight, nameof(Recall)).Recall;

    /// <summary>F1 of the class <paramref name="positiveLabel"/> (scikit-learn's f1_score(pos_label=…)).</summary>
    public static double F1<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, T positiveLabel, double[]? sampleWeight = null) where T : notnull =>
        Binary(yTrue, yPred, positiveLabel, sampleWeight, nameof(F1)).F1;

    /// <summary>
    /// Mean (weighted) negative log-likelihood −log p(true class), scikit-learn 1.2's log_loss: probabilities
    /// are clipped to [ε, 1 − ε] and each row renormalized to sum 1 before the log. ε defaults to the float64
    /// machine epsilon 2.22e-16, which is what scikit-learn 1.2's default eps="auto" uses (older versions used 1e-15). Column c of
    /// <paramref name="probabilities"/> belongs to <paramref name="classes"/>[c] (scikit-learn's labels=).
    /// Lower is better. O(n · k).
    /// </summary>
    /// <exception cref="InvalidInputException">Shapes disagree, fewer than two classes, or a true label is not a class.</exception>
    /// <param name="yTrue">True labels.</param>
    /// <param name="probabilities">n × k class probabilities.</param>
    /// <param name="classes">The class of each probability column.</param>
    /// <param name="sampleWeight">Optional weight per row.</param>
    /// <param name="epsilon">Clipping bound ε, in (0, 0.5).</param>
    public static double LogLoss<T>(IReadOnlyList<T> yTrue, Matrix probabilities, IReadOnlyList<T> classes, double[]? sampleWeight = null,
        double epsilon = 2.220446049250313e-16) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(classes);
        const string what = nameof(LogLoss);
        MetricInputs.SameLength(yTrue.Count, probabilities.Rows, what);
        MetricInputs.Weights(sampleWeight, yTrue.Count, what);
        if (classes.Count < 2) throw new InvalidInputException($"{what}: log-loss needs at least two classes, got {classes.Count}.");
        if (probabilities.Columns != classes.Count)
            throw new InvalidInputException($"{what}: the probabilities have {probabilities.Columns} columns but there are {classes.Count} classes.");
        var idx = MetricInputs.IndexIn(yTrue, classes, what);
        if (!(epsilon > 0 && epsilon < 0.5)) throw new ArgumentOutOfRangeException(nameof(epsilon), "epsilon must be in (0, 0.5).");
        double eps = epsilon;
        double s = 0, sw = 0;
        for (int i = 0; i < idx.Length; i++)
        {
            var row = probabilities.Row(i);
            double total = 0;
            for (int c = 0; c < row.Length; c++) total += Math.Clamp(row[c], eps, 1 - eps);
            double p = Math.Clamp(row[idx[i]], eps, 1 - eps) / total;
            double w = sampleWeight?[i] ?? 1;
            s += w * -Math.Log(p);
            sw += w;
        }
        return s / sw;
    }

    /// <summary>
    /// Area under the ROC curve of a binary problem: rows whose label equals <paramref name="positiveLabel"/> are
    /// positive; a higher score means "more positive". Tied scores form one threshold (the trapezoid through
    /// them, i.e. ties count one half), as scikit-learn's roc_auc_score. O(n log n).
    /// </summary>
    /// <exception cref="InvalidInputException">Only one class present, or lengths disagree.</exception>
    public static double RocAuc<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> scores, T positiveLabel, double[]? sampleWeight = null) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(scores);
        MetricInputs.SameLength(yTrue.Count, scores.Count, nameof(RocAuc));
        MetricInputs.Weights(sampleWeight, yTrue.Count, nameof(RocAuc));
        return BinaryAuc(BinaryCurve.Positives(yTrue, positiveLabel), scores, sampleWeight);
    }

    /// <summary>
    /// One-vs-rest macro ROC AUC of a multiclass problem (scikit-learn's roc_auc_score(multi_class="ovr",
    /// average="macro", labels=classes)): the unweighted mean over classes c of the binary AUC of
    /// "class c vs the rest" scored by column c of <paramref name="probabilities"/>. With two classes this is
    /// the binary AUC of the second column. O(k · n log n).
    /// </summary>
    /// <exception cref="InvalidInputException">Shapes disagree, a true label is not a class, or a class has no
    /// positive (or no negative) row.</exception>
    public static double RocAucOvr<T>(IReadOnlyList<T> yTrue, Matrix probabilities, IReadOnlyList<T> classes, double[]? sampleWeight = null) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(classes);
        const string what = nameof(RocAucOvr);
        MetricInputs.SameLength(yTrue.Count, probabilities.Rows, what);
        MetricInputs.Weights(sampleWeight, yTrue.Count, what);
        if (probabilities.Columns != classes.Count)
            throw new InvalidInputException($"{what}: the probabilities have {probabilities.Columns} columns but there are {classes.Count} classes.");
        if (classes.Count < 2) throw new InvalidInputException($"{what}: ROC AUC needs at least two classes, got {classes.Count}.");
        var idx = MetricInputs.IndexIn(yTrue, classes, what);
        if (classes.Count == 2)
            return BinaryAuc(idx.Select(c => c == 1).ToArray(), probabilities.Column(1), sampleWeight);
        double sum = 0;
        for (int c = 0; c < classes.Count; c++)
        {
            int cc = c;
            sum += BinaryAuc(idx.Select(v => v == cc).ToArray(), probabilities.Column(c), sampleWeight, classes[c]?.ToString());
        }
        return sum / classes.Count;
    }

    /// <summary>Trapezoid area under (FPR, TPR) with one point per distinct score, scanning scores from high to low.</summary>
    internal static double BinaryAuc(bool[] positive, IReadOnlyList<double> scores, double[]? w, string? className = null)
    {
        var (fps, tps, _) = BinaryCurve.Compute(positive, scores, w, nameof(RocAuc));
        double tp = tps[^1], fp = fps[^1];
        if (tp == 0 || fp == 0)
            throw new InvalidInputException(className is null
                ? $"{nameof(RocAuc)}: only one class is present in the true labels; ROC AUC is not defined."
                : $"{nameof(RocAuc)}: class '{className}' has {(tp == 0 ? "no" : "only")} rows in the true labels; ROC AUC is not defined.");
        double area = 0, prevX = 0, prevY = 0;
        for (int t = 0; t < tps.Length; t++)
        {
            double x = fps[t] / fp, y = tps[t] / tp;
            area += (x - prevX) * (y + prevY) / 2;
            prevX = x;
            prevY = y;
        }
        return area;
    }

    private static double Macro<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? w, string what,
        Func<double, double, double, double> pick) where T : notnull
    {
        Check(yTrue, yPred, w, what);
        var (t, p, k) = MetricInputs.Encode(yTrue, yPred);
        var c = MetricInputs.Confusion(t, p, k, w);
        double sum = 0;
        for (int a = 0; a < k; a++)
        {
            double actual = 0, predicted = 0;
            for (int b = 0; b < k; b++) { actual += c[a, b]; predicted += c[b, a]; }
            var (pr, re, f) = Prf(c[a, a], predicted, actual);
            sum += pick(pr, re, f);
        }
        return sum / k;
    }

    private static (double Precision, double Recall, double F1) Binary<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, T positive,
        double[]? w, string what) where T : notnull
    {
        Check(yTrue, yPred, w, what);
        ArgumentNullException.ThrowIfNull(positive);
        var cmp = EqualityComparer<T>.Default;
        double tp = 0, predicted = 0, actual = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            double wi = w?[i] ?? 1;
            bool t = cmp.Equals(yTrue[i], positive), p = cmp.Equals(yPred[i], positive);
            if (t) actual += wi;
            if (p) predicted += wi;
            if (t && p) tp += wi;
        }
        return Prf(tp, predicted, actual);
    }

    private static (double, double, double) Prf(double tp, double predicted, double actual)
    {
        double precision = predicted > 0 ? tp / predicted : 0;
        double recall = actual > 0 ? tp / actual : 0;
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return (precision, recall, f1);
    }

    private static void Check<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? w, string what)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        MetricInputs.SameLength(yTrue.Count, yPred.Count, what);
        MetricInputs.Weights(w, yTrue.Count, what);
    }
}
