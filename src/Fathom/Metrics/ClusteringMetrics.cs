using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Metrics;

/// <summary>
/// Clustering quality, as scikit-learn 1.2's <c>sklearn.metrics</c>: internal scores from the data and the
/// labels (silhouette, Davies–Bouldin, Calinski–Harabasz) and agreement between two labelings (adjusted
/// Rand index). Labels are any integers; −1 is a label like any other (drop noise rows first if it should not be).
/// </summary>
public static class ClusteringMetrics
{
    /// <summary>Rows of distances computed at once by <see cref="SilhouetteSamples"/> (bounds memory to block × n).</summary>
    private const int Block = 256;

    /// <summary>
    /// Silhouette of each row: s = (b − a) / max(a, b), where a is the mean Euclidean distance to the other rows
    /// of its cluster and b the smallest mean distance to the rows of another cluster; 0 for a row alone in its
    /// cluster. O(n² d) time on the shared GEMM distance kernel, O(256 n) memory.
    /// </summary>
    /// <exception cref="InvalidInputException">Lengths differ, or the number of clusters is not in [2, n − 1].</exception>
    public static double[] SilhouetteSamples(Matrix x, IReadOnlyList<int> labels)
    {
        var (codes, k) = Encode(x, labels);
        int n = x.Rows;
        if (k < 2 || k > n - 1)
            throw new InvalidInputException($"The silhouette needs between 2 and {n - 1} clusters (rows − 1); the labels have {k}.");
        var sizes = new int[k];
        foreach (int c in codes) sizes[c]++;
        var norms = Reductions.RowSquaredNorms(x);
        var sums = new double[Block * k];
        var dist = new double[Block * n];
        var s = new double[n];
        for (int start = 0; start < n; start += Block)
        {
            int rows = Math.Min(Block, n - start);
            var block = x.RowRange(start, rows);
            Distances.SquaredEuclidean(block, norms.AsSpan(start, rows), x, norms, dist, n);
            Array.Clear(sums);
            for (int i = 0; i < rows; i++)
            {
                var d = dist.AsSpan(i * n, n);
                var acc = sums.AsSpan(i * k, k);
                d[start + i] = 0.0;
                for (int j = 0; j < n; j++) acc[codes[j]] += Math.Sqrt(d[j]);
                int own = codes[start + i];
                if (sizes[own] == 1) { s[start + i] = 0.0; continue; }
                double a = acc[own] / (sizes[own] - 1);
                double b = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                    if (c != own) b = Math.Min(b, acc[c] / sizes[c]);
                double m = Math.Max(a, b);
                s[start + i] = m > 0 ? (b - a) / m : 0.0;
            }
        }
        return s;
    }

    /// <summary>Mean silhouette over all rows (scikit-learn's <c>silhouette_score</c>); in [−1, 1], higher is better.</summary>
    public static double Silhouette(Matrix x, IReadOnlyList<int> labels) => SilhouetteSamples(x, labels).Average();

    /// <summary>
    /// Davies–Bouldin index: the mean over clusters of max over other clusters of (Sᵢ + Sⱼ) / ‖cᵢ − cⱼ‖, where S is
    /// the mean distance of a cluster's rows to its centroid c; ≥ 0, lower is better. O(n d + k² d).
    /// </summary>
    public static double DaviesBouldin(Matrix x, IReadOnlyList<int> labels)
    {
        var (codes, k) = Encode(x, labels);
        CheckClusterCount(k, x.Rows);
        var centroids = Centroids(x, codes, k, out var sizes);
        var scatter = new double[k];
        for (int i = 0; i < x.Rows; i++)
            scatter[codes[i]] += Math.Sqrt(Distances.SquaredEuclidean(x.Row(i), centroids.Row(codes[i])));
        for (int c = 0; c < k; c++) scatter[c] /= sizes[c];
        double total = 0;
        for (int i = 0; i < k; i++)
        {
            double worst = 0;
            for (int j = 0; j < k; j++)
            {
                if (j == i) continue;
                double sep = Math.Sqrt(Distances.SquaredEuclidean(centroids.Row(i), centroids.Row(j)));
                double r = sep == 0 ? 0.0 : (scatter[i] + scatter[j]) / sep; // coincident centroids count 0, as scikit-learn
                worst = Math.Max(worst, r);
            }
            total += worst;
        }
        return total / k;
    }

    /// <summary>
    /// Calinski–Harabasz index (variance ratio): [B / (k − 1)] / [W / (n − k)] with B the between-cluster and W the
    /// within-cluster sum of squares; higher is better. 1.0 when W = 0, as scikit-learn. O(n d).
    /// </summary>
    public static double CalinskiHarabasz(Matrix x, IReadOnlyList<int> labels)
    {
        var (codes, k) = Encode(x, labels);
        CheckClusterCount(k, x.Rows);
        var centroids = Centroids(x, codes, k, out var sizes);
        var mean = Reductions.ColumnMeans(x);
        double between = 0, within = 0;
        for (int c = 0; c < k; c++) between += sizes[c] * Distances.SquaredEuclidean(centroids.Row(c), mean);
        for (int i = 0; i < x.Rows; i++) within += Distances.SquaredEuclidean(x.Row(i), centroids.Row(codes[i]));
        int n = x.Rows;
        return within == 0 ? 1.0 : between * (n - k) / (within * (k - 1.0));
    }

    /// <summary>
    /// Adjusted Rand index of two labelings of the same rows: 1 for identical partitions (whatever the label
    /// numbers), about 0 for independent ones. O(n). Symmetric in its arguments.
    /// </summary>
    /// <exception cref="InvalidInputException">The labelings have different lengths.</exception>
    public static double AdjustedRand(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var c = Contingency.Of(a, b);
        static double Pairs(long v) => v * (v - 1) / 2.0;
        double index = c.Cells.Values.Sum(Pairs), sa = c.Rows.Sum(Pairs), sb = c.Columns.Sum(Pairs), total = Pairs(c.Total);
        if (total == 0) return 1.0;
        double expected = sa * sb / total, max = 0.5 * (sa + sb);
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    /// <summary>
    /// Dunn index: the smallest distance between rows of different clusters over the largest distance between rows
    /// of one cluster (Euclidean). Higher is better (compact, well-separated clusters). O(n² · p) time through the
    /// GEMM distance kernel, O(n²) memory.
    /// </summary>
    /// <exception cref="InvalidInputException">Fewer than 2 clusters, or labels and rows disagree.</exception>
    public static double Dunn(Matrix x, IReadOnlyList<int> labels)
    {
        var (codes, k) = Encode(x, labels);
        if (k < 2) throw new InvalidInputException($"The Dunn index needs at least 2 clusters; the labels have {k}.");
        var d2 = Distances.SquaredEuclidean(x);
        double minBetween = double.PositiveInfinity, maxWithin = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            var row = d2.Row(i);
            for (int j = i + 1; j < x.Rows; j++)
            {
                double d = Math.Max(row[j], 0);
                if (codes[i] == codes[j]) maxWithin = Math.Max(maxWithin, d);
                else minBetween = Math.Min(minBetween, d);
            }
        }
        return maxWithin == 0 ? double.PositiveInfinity : Math.Sqrt(minBetween) / Math.Sqrt(maxWithin);
    }

    private static (int[] Codes, int Clusters) Encode(Matrix x, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != x.Rows)
            throw new InvalidInputException($"Got {labels.Count} labels for {x.Rows} rows; give one label per row.");
        var index = new Dictionary<int, int>();
        foreach (int l in labels.Distinct().Order()) index[l] = index.Count;
        var codes = new int[labels.Count];
        for (int i = 0; i < codes.Length; i++) codes[i] = index[labels[i]];
        return (codes, index.Count);
    }

    private static void CheckClusterCount(int k, int n)
    {
        if (k < 2 || k > n - 1)
            throw new InvalidInputException($"This score needs between 2 and {n - 1} clusters (rows − 1); the labels have {k}.");
    }

    private static Matrix Centroids(Matrix x, int[] codes, int k, out int[] sizes)
    {
        var c = new Matrix(k, x.Columns);
        sizes = new int[k];
        for (int i = 0; i < x.Rows; i++)
        {
            sizes[codes[i]]++;
            var row = c.Row(codes[i]);
            var xi = x.Row(i);
            for (int j = 0; j < row.Length; j++) row[j] += xi[j];
        }
        for (int g = 0; g < k; g++)
        {
            var row = c.Row(g);
            for (int j = 0; j < row.Length; j++) row[j] /= sizes[g];
        }
        return c;
    }
}
