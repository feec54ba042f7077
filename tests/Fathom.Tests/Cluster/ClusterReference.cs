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
}
