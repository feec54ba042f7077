namespace Fathom.FeatureSelection;

/// <summary>
/// Mutual information between each feature and the target by the k-nearest-neighbour estimators scikit-learn
/// 1.2 uses (<c>mutual_info_regression</c> / <c>mutual_info_classif</c> with continuous features): features (and a
/// numeric target) are divided by their standard deviation, then
/// <list type="bullet">
/// <item>continuous target (Kraskov, Stögbauer and Grassberger): ε_i = distance (max norm in the (x, y) plane)
/// to the k-th neighbour; n_x, n_y = points strictly closer than ε_i in x alone / y alone;
/// MI = ψ(n) + ψ(k) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩;</item>
/// <item>discrete target (Ross): ε_i = distance to the k-th neighbour of the same class (k = min(k, class size − 1),
/// singleton classes left out); m_i = points of any class strictly closer; MI = ψ(n) + ⟨ψ(k)⟩ − ⟨ψ(n_class)⟩ −
/// ⟨ψ(m_i)⟩ (m_i counting the point itself);</item>
/// </list>
/// clipped at 0, in nats. Difference from scikit-learn: no random noise is added (scikit-learn adds 1e−10-scale
/// noise to break ties), so on data with tied values the two can differ; on continuous data they agree.
/// O(n²) per feature (exact neighbour search and counting).
/// </summary>
public static class MutualInformation
{
    /// <summary>MI of each feature with a continuous target.</summary>
    public static double[] Regression(IReadOnlyList<double[]> columns, double[] y, int nNeighbors = 3)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(y);
        var ys = Scaled(y);
        return columns.Select(c => ContinuousContinuous(Scaled(c), ys, nNeighbors)).ToArray();
    }

    /// <summary>MI of each feature with a discrete target (class labels as numbers).</summary>
    public static double[] Classification(IReadOnlyList<double[]> columns, double[] y, int nNeighbors = 3)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(y);
        return columns.Select(c => ContinuousDiscrete(Scaled(c), y, nNeighbors)).ToArray();
    }

    private static double[] Scaled(double[] v)
    {
        double m = v.Average();
        double sd = Math.Sqrt(v.Sum(a => (a - m) * (a - m)) / v.Length);
        if (sd == 0) sd = 1;
        return v.Select(a => a / sd).ToArray();
    }

    private static double ContinuousContinuous(double[] x, double[] y, int k)
    {
        int n = x.Length;
        var d = new double[n];
        var sx = (double[])x.Clone();
        var sy = (double[])y.Clone();
        Array.Sort(sx);
        Array.Sort(sy);
        double sumX = 0, sumY = 0;
        for (int i = 0; i < n; i++)
        {
            int m = 0;
            for (int j = 0; j < n; j++) if (j != i) d[m++] = Math.Max(Math.Abs(x[i] - x[j]), Math.Abs(y[i] - y[j]));
            double eps = Kth(d, n - 1, k);
            double r = eps > 0 ? Math.BitDecrement(eps) : 0;
            sumX += Digamma(CountWithin(sx, x[i], r) - 1 + 1);
            sumY += Digamma(CountWithin(sy, y[i], r) - 1 + 1);
        }
        double mi = Digamma(n) + Digamma(k) - sumX / n - sumY / n;
        return Math.Max(0, mi);
    }

    private static double ContinuousDiscrete(double[] x, double[] labels, int nNeighbors)
    {
        int n = x.Length;
        var groups = Enumerable.Range(0, n).GroupBy(i => labels[i]).ToDictionary(g => g.Key, g => g.ToArray());
        var radius = new double[n];
        var kAll = new double[n];
        var counts = new double[n];
        var keep = new bool[n];
        foreach (var (_, rows) in groups)
        {
            if (rows.Length < 2) continue;
            int k = Math.Min(nNeighbors, rows.Length - 1);
            var d = new double[rows.Length - 1];
            foreach (int i in rows)
            {
                int m = 0;
                foreach (int j in rows) if (j != i) d[m++] = Math.Abs(x[i] - x[j]);
                double kth = Kth(d, d.Length, k);
                radius[i] = kth > 0 ? Math.BitDecrement(kth) : 0;
                kAll[i] = k;
                counts[i] = rows.Length;
                keep[i] = true;
            }
        }
        var idx = Enumerable.Range(0, n).Where(i => keep[i]).ToArray();
        if (idx.Length == 0) return 0;
        var sorted = idx.Select(i => x[i]).ToArray();
        Array.Sort(sorted);
        double sk = 0, sc = 0, sm = 0;
        foreach (int i in idx)
        {
            sk += Digamma(kAll[i]);
            sc += Digamma(counts[i]);
            sm += Digamma(CountWithin(sorted, x[i], radius[i]));
        }
        int nm = idx.Length;
        double mi = Digamma(nm) + sk / nm - sc / nm - sm / nm;
        return Math.Max(0, mi);
    }

    /// <summary>The k-th smallest (1-based) of the first <paramref name="count"/> values.</summary>
    private static double Kth(double[] d, int count, int k)
    {
        var copy = d.AsSpan(0, count).ToArray();
        Array.Sort(copy);
        return copy[k - 1];
    }

    /// <summary>How many values v satisfy |v − c| ≤ r (including c itself).</summary>
    private static int CountWithin(double[] values, double c, double r)
    {
        int count = 0;
        foreach (double v in values) if (Math.Abs(v - c) <= r) count++;
        return count;
    }

    /// <summary>Digamma ψ(x) for x &gt; 0: recurrence up to x ≥ 14, then the asymptotic series (~1e−15).</summary>
    internal static double Digamma(double x)
    {
        double r = 0;
        while (x < 14) { r -= 1 / x; x += 1; }
        double f = 1 / (x * x);
        return r + Math.Log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
    }
}
