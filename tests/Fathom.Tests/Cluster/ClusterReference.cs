using System.Text.Json.Nodes;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

/// <summary>Reads Reference/cluster_reference.json (made by Reference/make_cluster_reference.py with scikit-learn 1.2.1).</summary>
internal static class ClusterReference
{
    private static readonly Lazy<JsonNode> Root = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Cluster", "Reference", "cluster_reference.json")))!);

    public static JsonNode Get(string key) => Root.Value[key]!;

    public static int[] Ints(JsonNode node) => node.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    /// <summary>Adjusted Rand index of two labelings (noise −1 counts as a label, as scikit-learn's adjusted_rand_score).</summary>
    public static double AdjustedRand(int[] a, int[] b)
    {
        var pairs = new Dictionary<(int, int), long>();
        var ca = new Dictionary<int, long>();
        var cb = new Dictionary<int, long>();
        for (int i = 0; i < a.Length; i++)
        {
            pairs[(a[i], b[i])] = pairs.GetValueOrDefault((a[i], b[i])) + 1;
            ca[a[i]] = ca.GetValueOrDefault(a[i]) + 1;
            cb[b[i]] = cb.GetValueOrDefault(b[i]) + 1;
        }
        static double C2(long v) => v * (v - 1) / 2.0;
        double index = pairs.Values.Sum(C2), sa = ca.Values.Sum(C2), sb = cb.Values.Sum(C2), total = C2(a.Length);
        double expected = sa * sb / total, max = 0.5 * (sa + sb);
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }
}
