namespace Fathom.Bench.Tasks;

/// <summary>Agreement of two labelings for the clustering tasks.</summary>
internal static class ClusterAgreement
{
    /// <summary>Adjusted Rand index (as scikit-learn's adjusted_rand_score; −1 is a label like any other).</summary>
    public static double AdjustedRand(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var pairs = new Dictionary<(int, int), long>();
        var ca = new Dictionary<int, long>();
        var cb = new Dictionary<int, long>();
        for (int i = 0; i < a.Count; i++)
        {
            pairs[(a[i], b[i])] = pairs.GetValueOrDefault((a[i], b[i])) + 1;
            ca[a[i]] = ca.GetValueOrDefault(a[i]) + 1;
            cb[b[i]] = cb.GetValueOrDefault(b[i]) + 1;
        }
        static double C2(long v) => v * (v - 1) / 2.0;
        double index = pairs.Values.Sum(C2), sa = ca.Values.Sum(C2), sb = cb.Values.Sum(C2), total = C2(a.Count);
        double expected = sa * sb / total, max = 0.5 * (sa + sb);
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }
}
