using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Metrics;

/// <summary>
/// Metrics of predicted labels beyond <see cref="ClassificationMetrics"/>, with scikit-learn 1.2's definitions:
/// confusion matrix, per-class and averaged precision / recall / F-beta / Jaccard, specificity and negative
/// predictive value, Matthews correlation, Cohen's kappa and Hamming loss. Labels are compared with equality;
/// unless given, the label set is the sorted union of true and predicted labels (ordinal order for strings).
/// Ratios with a zero denominator count as 0 (scikit-learn's zero_division default). All are O(n + k²).
/// </summary>
public static class LabelMetrics
{
    /// <summary>The sorted union of the true and predicted labels: the row/column order of the other methods.</summary>
    public static IReadOnlyList<T> Labels<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        return MetricInputs.SortedLabels(yTrue.Concat(yPred));
    }

    /// <summary>
    /// Weighted confusion matrix C[i, j] = weight of rows whose true label is labels[i] and predicted label labels[j];
    /// rows whose labels are not listed are ignored (scikit-learn's confusion_matrix).
    /// </summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">Label order; null for <see cref="Labels{T}"/>.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    public static Matrix ConfusionMatrix<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, IReadOnlyList<T>? labels = null,
        double[]? sampleWeight = null) where T : notnull
    {
        Check(yTrue, yPred, sampleWeight, nameof(ConfusionMatrix));
        labels ??= Labels(yTrue, yPred);
        var t = MetricInputs.Positions(yTrue, labels);
        var p = MetricInputs.Positions(yPred, labels);
        var c = new Matrix(labels.Count, labels.Count);
        for (int i = 0; i < t.Length; i++)
            if (t[i] >= 0 && p[i] >= 0) c[t[i], p[i]] += sampleWeight?[i] ?? 1.0;
        return c;
    }

    /// <summary>Precision, recall, F-beta and support of every class (scikit-learn's precision_recall_fscore_support(average=None)).</summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="beta">Weight of recall relative to precision, ≥ 0 (1 for F1).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    public static PerClassScores<T> PerClass<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double beta = 1,
        double[]? sampleWeight = null) where T : notnull
    {
        var labels = Labels(yTrue, yPred);
        var c = ConfusionMatrix(yTrue, yPred, labels, sampleWeight);
        CheckBeta(beta);
        int k = labels.Count;
        var precision = new double[k];
        var recall = new double[k];
        var f = new double[k];
        var support = new double[k];
        for (int a = 0; a < k; a++)
        {
            var (tp, fp, fn) = Counts(c, a);
            precision[a] = Ratio(tp, tp + fp);
            recall[a] = Ratio(tp, tp + fn);
            f[a] = FBetaOf(precision[a], recall[a], beta);
            support[a] = tp + fn;
        }
        return new PerClassScores<T>(labels, precision, recall, f, support);
    }

    /// <summary>Averaged precision tp / (tp + fp).</summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="average">How to combine classes; <see cref="Averaging.Binary"/> needs <paramref name="positiveLabel"/>.</param>
    /// <param name="positiveLabel">The positive class, for binary averaging.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    public static double Precision<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, Averaging average, T? positiveLabel = default,
        double[]? sampleWeight = null) where T : notnull =>
        Averaged(yTrue, yPred, average, positiveLabel, sampleWeight, nameof(Precision), (tp, fp, _) => Ratio(tp, tp + fp));

    /// <summary>Averaged recall tp / (tp + fn). Micro-averaged recall over all labels equals accuracy.</summary>
    /// <inheritdoc cref="Precision{T}(IReadOnlyList{T}, IReadOnlyList{T}, Averaging, T, double[])"/>
    public static double Recall<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, Averaging average, T? positiveLabel = default,
        double[]? sampleWeight = null) where T : notnull =>
        Averaged(yTrue, yPred, average, positiveLabel, sampleWeight, nameof(Recall), (tp, _, fn) => Ratio(tp, tp + fn));

    /// <summary>
    /// Averaged F-beta (1 + β²)·P·R / (β²·P + R): β &lt; 1 favours precision, β &gt; 1 recall. Macro and weighted
    /// averages average the per-class F (not the F of averaged P and R), as scikit-learn.
    /// </summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="beta">Weight of recall relative to precision, ≥ 0.</param>
    /// <param name="average">How to combine classes; <see cref="Averaging.Binary"/> needs <paramref name="positiveLabel"/>.</param>
    /// <param name="positiveLabel">The positive class, for binary averaging.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    public static double FBeta<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double beta, Averaging average, T? positiveLabel = default,
        double[]? sampleWeight = null) where T : notnull
    {
        CheckBeta(beta);
        return Averaged(yTrue, yPred, average, positiveLabel, sampleWeight, nameof(FBeta),
            (tp, fp, fn) => FBetaOf(Ratio(tp, tp + fp), Ratio(tp, tp + fn), beta));
    }

    /// <summary>Averaged F1 (F-beta with β = 1).</summary>
    /// <inheritdoc cref="Precision{T}(IReadOnlyList{T}, IReadOnlyList{T}, Averaging, T, double[])"/>
    public static double F1<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, Averaging average, T? positiveLabel = default,
        double[]? sampleWeight = null) where T : notnull => FBeta(yTrue, yPred, 1, average, positiveLabel, sampleWeight);

    /// <summary>Averaged Jaccard index tp / (tp + fp + fn) (scikit-learn's jaccard_score).</summary>
    /// <inheritdoc cref="Precision{T}(IReadOnlyList{T}, IReadOnlyList{T}, Averaging, T, double[])"/>
    public static double Jaccard<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, Averaging average, T? positiveLabel = default,
        double[]? sampleWeight = null) where T : notnull =>
        Averaged(yTrue, yPred, average, positiveLabel, sampleWeight, nameof(Jaccard), (tp, fp, fn) => Ratio(tp, tp + fp + fn));

    /// <summary>Averaged specificity (true negative rate) tn / (tn + fp).</summary>
    /// <inheritdoc cref="Precision{T}(IReadOnlyList{T}, IReadOnlyList{T}, Averaging, T, double[])"/>
    public static double Specificity<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, Averaging average, T? positiveLabel = default,
        double[]? sampleWeight = null) where T : notnull =>
        AveragedWithNegatives(yTrue, yPred, average, positiveLabel, sampleWeight, nameof(Specificity), (tn, fp, _) => Ratio(tn, tn + fp));

    /// <summary>Averaged negative predictive value tn / (tn + fn).</summary>
    /// <inheritdoc cref="Precision{T}(IReadOnlyList{T}, IReadOnlyList{T}, Averaging, T, double[])"/>
    public static double NegativePredictiveValue<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, Averaging average, T? positiveLabel = default,
        double[]? sampleWeight = null) where T : notnull =>
        AveragedWithNegatives(yTrue, yPred, average, positiveLabel, sampleWeight, nameof(NegativePredictiveValue), (tn, _, fn) => Ratio(tn, tn + fn));

    /// <summary>
    /// Matthews correlation coefficient, multiclass form (scikit-learn's matthews_corrcoef):
    /// (c·s − Σₖ pₖtₖ) / √((s² − Σₖ pₖ²)(s² − Σₖ tₖ²)) with c the weight on the diagonal, s the total, tₖ and pₖ the
    /// true and predicted weight of class k; 0 when the denominator is 0. In [−1, 1], symmetric in its arguments.
    /// </summary>
    public static double MatthewsCorrelation<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? sampleWeight = null) where T : notnull
    {
        var c = ConfusionMatrix(yTrue, yPred, null, sampleWeight);
        int k = c.Rows;
        double correct = 0, total = 0, pt = 0, pp = 0, tt = 0;
        for (int a = 0; a < k; a++)
        {
            double t = 0, p = 0;
            for (int b = 0; b < k; b++) { t += c[a, b]; p += c[b, a]; }
            correct += c[a, a];
            total += t;
            pt += p * t;
            pp += p * p;
            tt += t * t;
        }
        double denominator = (total * total - pp) * (total * total - tt);
        return denominator == 0 ? 0 : (correct * total - pt) / Math.Sqrt(denominator);
    }

    /// <summary>
    /// Cohen's kappa κ = 1 − Σ wᵢⱼ Oᵢⱼ / Σ wᵢⱼ Eᵢⱼ between two raters (scikit-learn's cohen_kappa_score): O the confusion
    /// matrix, E the outer product of its margins over the total, w the disagreement weights (none, linear,
    /// quadratic over sorted label positions). Symmetric in its arguments.
    /// </summary>
    /// <param name="rater1">Labels of the first rater.</param>
    /// <param name="rater2">Labels of the second rater.</param>
    /// <param name="weighting">Disagreement weights; default none.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    public static double CohenKappa<T>(IReadOnlyList<T> rater1, IReadOnlyList<T> rater2, KappaWeighting weighting = KappaWeighting.None,
        double[]? sampleWeight = null) where T : notnull
    {
        var c = ConfusionMatrix(rater1, rater2, null, sampleWeight);
        int k = c.Rows;
        var rows = new double[k];
        var cols = new double[k];
        double total = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) { rows[a] += c[a, b]; cols[b] += c[a, b]; total += c[a, b]; }
        double observed = 0, expected = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                double w = weighting switch
                {
                    KappaWeighting.Linear => Math.Abs(a - b),
                    KappaWeighting.Quadratic => (a - b) * (a - b),
                    _ => a == b ? 0 : 1,
                };
                observed += w * c[a, b];
                expected += w * rows[a] * cols[b] / total;
            }
        return 1 - observed / expected;
    }

    /// <summary>Hamming loss: the (weighted) fraction of rows whose label is wrong, 1 − accuracy for single-label data.</summary>
    public static double HammingLoss<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? sampleWeight = null) where T : notnull =>
        1 - ClassificationMetrics.Accuracy(yTrue, yPred, sampleWeight);

    private static double Averaged<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, Averaging average, T? positive, double[]? w,
        string what, Func<double, double, double, double> score) where T : notnull
    {
        Check(yTrue, yPred, w, what);
        var labels = Labels(yTrue, yPred);
        var c = ConfusionMatrix(yTrue, yPred, labels, w);
        return Combine(c, labels, average, positive, what, a =>
        {
            var (tp, fp, fn) = Counts(c, a);
            return (score(tp, fp, fn), tp, fp, fn);
        }, (tp, fp, fn) => score(tp, fp, fn));
    }

    private static double AveragedWithNegatives<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, Averaging average, T? positive, double[]? w,
        string what, Func<double, double, double, double> score) where T : notnull
    {
        Check(yTrue, yPred, w, what);
        var labels = Labels(yTrue, yPred);
        var c = ConfusionMatrix(yTrue, yPred, labels, w);
        double total = c.AsSpan().ToArray().Sum();
        return Combine(c, labels, average, positive, what, a =>
        {
            var (tp, fp, fn) = Counts(c, a);
            double tn = total - tp - fp - fn;
            return (score(tn, fp, fn), tn, fp, fn);
        }, (tn, fp, fn) => score(tn, fp, fn));
    }

    // Per-class values are (score, a, b, c) where a, b, c are the counts the micro average pools.
    private static double Combine<T>(Matrix c, IReadOnlyList<T> labels, Averaging average, T? positive, string what,
        Func<int, (double Score, double A, double B, double C)> perClass, Func<double, double, double, double> pooled) where T : notnull
    {
        int k = labels.Count;
        switch (average)
        {
            case Averaging.Binary:
            {
                if (positive is null)
                    throw new InvalidInputException($"{what}: binary averaging needs the positive label; pass positiveLabel or choose micro, macro or weighted.");
                if (k > 2)
                    throw new InvalidInputException($"{what}: binary averaging needs two classes, but the labels hold {k} ({string.Join(", ", labels)}); choose micro, macro or weighted.");
                int idx = -1;
                for (int a = 0; a < k; a++) if (EqualityComparer<T>.Default.Equals(labels[a], positive)) idx = a;
                if (idx < 0)
                {
                    if (k < 2) return 0;
                    throw new InvalidInputException($"{what}: the positive label '{positive}' is not one of the labels ({string.Join(", ", labels)}).");
                }
                return perClass(idx).Score;
            }
            case Averaging.Micro:
            {
                double sa = 0, sb = 0, sc = 0;
                for (int a = 0; a < k; a++) { var v = perClass(a); sa += v.A; sb += v.B; sc += v.C; }
                return pooled(sa, sb, sc);
            }
            case Averaging.Macro:
            {
                double sum = 0;
                for (int a = 0; a < k; a++) sum += perClass(a).Score;
                return sum / k;
            }
            case Averaging.Weighted:
            {
                double sum = 0, support = 0;
                for (int a = 0; a < k; a++)
                {
                    double s = 0;
                    for (int b = 0; b < k; b++) s += c[a, b];
                    sum += s * perClass(a).Score;
                    support += s;
                }
                return support > 0 ? sum / support : 0;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(average), average, "Unknown averaging.");
        }
    }

    private static (double Tp, double Fp, double Fn) Counts(Matrix c, int a)
    {
        double predicted = 0, actual = 0;
        for (int b = 0; b < c.Rows; b++) { actual += c[a, b]; predicted += c[b, a]; }
        return (c[a, a], predicted - c[a, a], actual - c[a, a]);
    }

    private static double Ratio(double num, double den) => den > 0 ? num / den : 0;

    private static double FBetaOf(double precision, double recall, double beta)
    {
        double b2 = beta * beta, den = b2 * precision + recall;
        return den > 0 ? (1 + b2) * precision * recall / den : 0;
    }

    private static void CheckBeta(double beta)
    {
        if (!(beta >= 0) || double.IsInfinity(beta))
            throw new InvalidHyperparameterException("beta", $"F-beta needs a finite beta >= 0; {beta} was given.");
    }

    private static void Check<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred, double[]? w, string what)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        MetricInputs.SameLength(yTrue.Count, yPred.Count, what);
        MetricInputs.Weights(w, yTrue.Count, what);
    }
}
