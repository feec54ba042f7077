using System.Globalization;
using Fathom.Core;

namespace Fathom.Metrics;

/// <summary>Argument checks and label encoding shared by the metric families.</summary>
internal static class MetricInputs
{
    public static void SameLength(int a, int b, string what)
    {
        if (a != b)
            throw new InvalidInputException($"{what}: the true values have {a} entries but the predictions have {b}; they must match row for row.");
        if (a == 0) throw new InvalidInputException($"{what}: there are no rows to score.");
    }

    public static void Weights(double[]? w, int n, string what)
    {
        if (w is null) return;
        if (w.Length != n) throw new InvalidInputException($"{what}: {w.Length} sample weights were given for {n} rows; give one weight per row.");
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(w[i]) || w[i] < 0)
                throw new InvalidInputException(
                    $"{what}: sample weight {w[i].ToString(CultureInfo.InvariantCulture)} at row {i} is not valid; weights must be finite and non-negative.", i);
            sum += w[i];
        }
        if (!(sum > 0)) throw new InvalidInputException($"{what}: the sample weights sum to zero.");
    }

    /// <summary>Codes for yTrue and yPred over the union of their labels (in order of first appearance).</summary>
    public static (int[] True, int[] Pred, int Labels) Encode<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> yPred) where T : notnull
    {
        var index = new Dictionary<T, int>();
        var t = new int[yTrue.Count];
        var p = new int[yPred.Count];
        for (int i = 0; i < t.Length; i++) t[i] = Code(index, yTrue[i]);
        for (int i = 0; i < p.Length; i++) p[i] = Code(index, yPred[i]);
        return (t, p, index.Count);
    }

    private static int Code<T>(Dictionary<T, int> index, T label) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!index.TryGetValue(label, out int c)) index[label] = c = index.Count;
        return c;
    }

    /// <summary>Weighted confusion matrix C[true, pred].</summary>
    public static double[,] Confusion(int[] t, int[] p, int k, double[]? w)
    {
        var c = new double[k, k];
        for (int i = 0; i < t.Length; i++) c[t[i], p[i]] += w?[i] ?? 1.0;
        return c;
    }

    /// <summary>Index of each true label in <paramref name="classes"/>; unknown labels are rejected.</summary>
    public static int[] IndexIn<T>(IReadOnlyList<T> yTrue, IReadOnlyList<T> classes, string what) where T : notnull
    {
        var index = new Dictionary<T, int>();
        for (int c = 0; c < classes.Count; c++)
            if (!index.TryAdd(classes[c], c)) throw new InvalidInputException($"{what}: class '{classes[c]}' is listed twice.");
        var r = new int[yTrue.Count];
        for (int i = 0; i < r.Length; i++)
            if (!index.TryGetValue(yTrue[i], out r[i]))
                throw new InvalidInputException(
                    $"{what}: label '{yTrue[i]}' at row {i} is not one of the {classes.Count} classes of the probabilities ({string.Join(", ", classes)}).", i);
        return r;
    }

    /// <summary>The distinct labels sorted as numpy sorts them (ordinal for strings, natural order otherwise).</summary>
    public static T[] SortedLabels<T>(IEnumerable<T> labels) where T : notnull
    {
        var distinct = labels.Distinct().ToArray();
        if (distinct is string[] strings) Array.Sort(strings, StringComparer.Ordinal);
        else Array.Sort(distinct, Comparer<T>.Default);
        return distinct;
    }

    /// <summary>Index of each value in <paramref name="labels"/>, or −1 when absent.</summary>
    public static int[] Positions<T>(IReadOnlyList<T> values, IReadOnlyList<T> labels) where T : notnull
    {
        var index = new Dictionary<T, int>();
        for (int c = 0; c < labels.Count; c++) index.TryAdd(labels[c], c);
        var r = new int[values.Count];
        for (int i = 0; i < r.Length; i++) r[i] = index.TryGetValue(values[i], out int c) ? c : -1;
        return r;
    }
}
