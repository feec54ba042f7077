using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Metrics;

/// <summary>ClusteringMetrics against scikit-learn 1.2.1 (Reference/make_clustering_reference.py) on iris.</summary>
public class ClusteringMetricsTests
{
    private static readonly JsonArray Cases =
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Metrics", "Reference", "clustering_reference.json")))!["cases"]!.AsArray();

    public static TheoryData<string> CaseNames() => new(Cases.Select(c => c!["name"]!.GetValue<string>()));

    private static (Matrix X, int[] Labels, JsonNode Case) Load(string name)
    {
        var c = Cases.First(c => c!["name"]!.GetValue<string>() == name)!;
        return (TestDatasets.Iris().X, c["labels"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray(), c);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void SilhouetteMatchesScikitLearn(string name)
    {
        var (x, labels, c) = Load(name);
        var samples = ClusteringMetrics.SilhouetteSamples(x, labels);
        var expected = c["silhouette_samples"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        for (int i = 0; i < samples.Length; i++) Assert.Equal(expected[i], samples[i], 1e-10);
        Assert.Equal(c["silhouette"]!.GetValue<double>(), ClusteringMetrics.Silhouette(x, labels), 1e-10);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void DaviesBouldinAndCalinskiHarabaszMatchScikitLearn(string name)
    {
        var (x, labels, c) = Load(name);
        Assert.Equal(c["davies_bouldin"]!.GetValue<double>(), ClusteringMetrics.DaviesBouldin(x, labels), 1e-10);
        double ch = c["calinski_harabasz"]!.GetValue<double>();
        Assert.Equal(ch, ClusteringMetrics.CalinskiHarabasz(x, labels), Math.Abs(ch) * 1e-12);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void AdjustedRandMatchesScikitLearnAndIsSymmetric(string name)
    {
        var (_, labels, c) = Load(name);
        var species = Load("species").Labels;
        Assert.Equal(c["adjusted_rand_vs_species"]!.GetValue<double>(), ClusteringMetrics.AdjustedRand(species, labels), 1e-12);
        Assert.Equal(ClusteringMetrics.AdjustedRand(species, labels), ClusteringMetrics.AdjustedRand(labels, species), 15);
    }

    [Fact]
    public void ScoresIgnoreLabelNumbersAndRowOrder()
    {
        var (x, labels, _) = Load("petal_floor");
        var renamed = labels.Select(l => 100 - 7 * l).ToArray();
        Assert.Equal(ClusteringMetrics.Silhouette(x, labels), ClusteringMetrics.Silhouette(x, renamed), 12);
        Assert.Equal(ClusteringMetrics.DaviesBouldin(x, labels), ClusteringMetrics.DaviesBouldin(x, renamed), 12);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(labels, renamed), 12);
        var order = new RandomSource(5).Permutation(x.Rows);
        var xs = x.SelectRows(order);
        var ls = order.Select(i => labels[i]).ToArray();
        Assert.Equal(ClusteringMetrics.Silhouette(x, labels), ClusteringMetrics.Silhouette(xs, ls), 12);
        Assert.Equal(ClusteringMetrics.CalinskiHarabasz(x, labels), ClusteringMetrics.CalinskiHarabasz(xs, ls), 8);
    }

    [Fact]
    public void BadLabelsAreClearErrors()
    {
        var x = TestDatasets.Iris().X;
        var one = new int[x.Rows];
        Assert.Contains("2 and 149", Assert.Throws<InvalidInputException>(() => ClusteringMetrics.Silhouette(x, one)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => ClusteringMetrics.DaviesBouldin(x, new int[3]));
        Assert.Throws<InvalidInputException>(() => ClusteringMetrics.AdjustedRand(new[] { 1, 2 }, new[] { 1 }));
    }
}
