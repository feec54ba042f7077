using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Bins numeric columns into intervals, like scikit-learn's <c>KBinsDiscretizer</c> (1.2). Edges per column:
/// <list type="bullet">
/// <item>uniform: <c>linspace(min, max, n_bins + 1)</c>;</item>
/// <item>quantile (default): the <c>linspace(0, 100, n_bins + 1)</c> percentiles (NumPy's linear method);</item>
/// <item>kmeans: min, the midpoints between sorted centres of a 1-D Lloyd k-means started from the uniform bin
/// centres (scikit-learn's init; tolerance 1e−4·var, at most 300 iterations), max.</item>
/// </list>
/// For quantile and kmeans, bins narrower than 1e−8 are removed (fewer bins, with a warning). A constant column
/// gets a single bin. A value goes to bin <c>i</c> when edge[i] ≤ x &lt; edge[i+1] (values beyond the fitted
/// range go to the first/last bin). Output: one-hot columns <c>column_0.0, column_1.0, …</c> (default, dense; named as scikit-learn, whose bin categories are floats) or
/// the bin index in a column of the same name. Missing values are rejected (impute first).
/// Fit is O(n log n) per column (kmeans: O(n·k) per iteration).
/// </summary>
public sealed record KBinsDiscretizer : ITransformer
{
    /// <summary>Number of bins per column (default 5).</summary>
    [Hyperparameter("Number of bins per column.", Min = 2)]
    public int NBins { get; init; } = 5;

    /// <summary>Output encoding (default onehot).</summary>
    [Hyperparameter("Output: one_hot (one 0/1 column per bin) or ordinal (the bin index).")]
    public BinEncoding Encode { get; init; } = BinEncoding.OneHot;

    /// <summary>Edge placement (default quantile).</summary>
    [Hyperparameter("Bin edges: uniform (equal width), quantile (equal frequency) or k_means (1-D k-means).")]
    public BinStrategy Strategy { get; init; } = BinStrategy.Quantile;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Learns the bin edges of each column.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; a missing or infinite value.</exception>
    public KBinsDiscretizerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(KBinsDiscretizer), allowMissing: false);
        var edges = new double[names.Length][];
        for (int j = 0; j < names.Length; j++)
        {
            var s = (double[])cols[j].Clone();
            Array.Sort(s);
            double lo = s[0], hi = s[^1];
            if (lo == hi)
            {
                context?.Warn($"KBinsDiscretizer: column '{names[j]}' is constant; it gets a single bin.");
                edges[j] = [double.NegativeInfinity, double.PositiveInfinity];
                continue;
            }
            double[] e = Strategy switch
            {
                BinStrategy.Uniform => Percentiles.Linspace(lo, hi, NBins + 1),
                BinStrategy.Quantile => Percentiles.Linspace(0, 100, NBins + 1).Select(q => Percentiles.Percentile(s, q)).ToArray(),
                _ => KMeansEdges(cols[j], lo, hi, NBins),
            };
            if (Strategy != BinStrategy.Uniform)
            {
                var kept = new List<double> { e[0] };
                for (int t = 1; t < e.Length; t++) if (e[t] - e[t - 1] > 1e-8) kept.Add(e[t]);
                if (kept.Count != e.Length)
                    context?.Warn($"KBinsDiscretizer: column '{names[j]}' has bins narrower than 1e-8; {e.Length - kept.Count} removed (consider fewer bins).");
                e = kept.ToArray();
            }
            edges[j] = e;
        }
        return new KBinsDiscretizerModel(this, names, kinds, edges);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    /// <summary>Edges from a 1-D Lloyd k-means as scikit-learn's KMeans(init = uniform bin centres, n_init = 1): the
    /// data and centres are shifted by the mean, and distances are taken as c² − 2·x·c (the form scikit-learn
    /// compares), so values equidistant from two centres go where scikit-learn sends them. An empty cluster
    /// keeps its centre (scikit-learn moves it to a far point; with fewer distinct values than bins the edges
    /// can then differ, before narrow bins are removed).</summary>
    private static double[] KMeansEdges(double[] v, double lo, double hi, int k)
    {
        var uniform = Percentiles.Linspace(lo, hi, k + 1);
        int n = v.Length;
        double mean = v.Average(), var = 0;
        foreach (double d in v) var += (d - mean) * (d - mean);
        double tol = var / n * 1e-4;
        var xc = v.Select(d => d - mean).ToArray();
        var centers = new double[k];
        for (int c = 0; c < k; c++) centers[c] = (uniform[c + 1] + uniform[c]) * 0.5 - mean;
        var labels = new int[n];
        var old = Enumerable.Repeat(-1, n).ToArray();
        var sums = new double[k];
        var counts = new double[k];
        for (int it = 0; it < 300; it++)
        {
            for (int i = 0; i < n; i++)
            {
                int best = 0;
                double bd = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double d = centers[c] * centers[c] - 2 * (xc[i] * centers[c]);
                    if (d < bd) { bd = d; best = c; }
                }
                labels[i] = best;
            }
            Array.Clear(sums);
            Array.Clear(counts);
            for (int i = 0; i < n; i++) { sums[labels[i]] += xc[i]; counts[labels[i]] += 1; }
            double shift = 0;
            for (int c = 0; c < k; c++)
            {
                double nc = counts[c] > 0 ? sums[c] / counts[c] : centers[c];
                shift += (nc - centers[c]) * (nc - centers[c]);
                centers[c] = nc;
            }
            if (labels.AsSpan().SequenceEqual(old) || shift <= tol) break;
            Array.Copy(labels, old, n);
        }
        for (int c = 0; c < k; c++) centers[c] += mean;
        Array.Sort(centers);
        var edges = new double[k + 1];
        edges[0] = lo;
        edges[k] = hi;
        for (int c = 1; c < k; c++) edges[c] = (centers[c] + centers[c - 1]) * 0.5;
        return edges;
    }
}
