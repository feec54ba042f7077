using System.Text.Json.Nodes;
using Fathom.Numerics;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Manifold;

/// <summary>Loads the scikit-learn reference values under Manifold/Reference.</summary>
internal static class ManifoldReference
{
    private static readonly Lazy<JsonNode> Tsne = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Manifold", "Reference", "tsne_reference.json")))!);

    private static readonly Lazy<JsonNode> IsomapMds = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Manifold", "Reference", "isomap_mds_reference.json")))!);

    private static readonly Lazy<Matrix> DigitsX = new(() => TestDatasets.LoadCsv("digits.csv", "target").X);

    public static JsonNode TsneReference => Tsne.Value;

    public static JsonNode IsomapMdsReference => IsomapMds.Value;

    public static Matrix Digits => DigitsX.Value;

    public static Matrix ToMatrix(JsonNode n) => Matrix.FromRows(n.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray());
}
