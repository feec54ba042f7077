using Fathom.Core;

namespace Fathom.Metrics;

/// <summary>
/// Cumulative (weighted) false and true positives at each distinct score, from the highest score down
/// (scikit-learn's <c>_binary_clf_curve</c>): the shared core of ROC and precision-recall curves. O(n log n).
/// </summary>
internal static class BinaryCurve
{
    public static (double[] Fps, double[] Tps, double[] Thresholds) Compute(bool[] positive, IReadOnlyList<double> scores, double[]? w, string what)
    {
        int n = positive.Length;
        var order = new int[n];
        var keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = scores[i];
            if (!double.IsFinite(keys[i])) throw new InvalidInputException($"{what}: the score at row {i} is {keys[i]}; scores must be finite.", i);
        }
        Array.Sort(keys, order);
        var tps = new List<double>(n);
        var fps = new List<double>(n);
        var thresholds = new List<double>(n);
        double tp = 0, fp = 0;
        for (int j = n - 1; j >= 0; j--)
        {
            int i = order[j];
            double wi = w?[i] ?? 1;
            if (positive[i]) tp += wi; else fp += wi;
            if (j == 0 || keys[j - 1] != keys[j]) { tps.Add(tp); fps.Add(fp); thresholds.Add(keys[j]); }
        }
        return (fps.ToArray(), tps.ToArray(), thresholds.ToArray());
    }

    /// <summary>Row flags "label equals the positive label".</summary>
    public static bool[] Positives<T>(IReadOnlyList<T> yTrue, T positiveLabel) where T : notnull
    {
        var cmp = EqualityComparer<T>.Default;
        var positive = new bool[yTrue.Count];
        for (int i = 0; i < positive.Length; i++) positive[i] = cmp.Equals(yTrue[i], positiveLabel);
        return positive;
    }
}
