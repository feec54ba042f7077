using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class ClusterCommandTests
{
    [Fact]
    public void KMeansOnIrisReportsSizesAndScoresAndWritesLabels()
    {
        using var dir = new TempDir();
        string labels = dir.File("labels.csv");
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--k", "3", "--out", labels, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal("kmeans", o["algo"]!.GetValue<string>());
        Assert.Equal(3, o["clusters"]!.GetValue<int>());
        var sizes = o["sizes"]!.AsObject().Select(kv => kv.Value!.GetValue<int>()).ToArray();
        Assert.Equal(150, sizes.Sum());
        Assert.Equal(0, o["noise"]!.GetValue<int>());
        double silhouette = o["metrics"]!["silhouette"]!.GetValue<double>();
        Assert.InRange(silhouette, 0.3, 0.7);
        Assert.True(o["metrics"]!["davies_bouldin"]!.GetValue<double>() > 0);
        var lines = File.ReadAllLines(labels);
        Assert.Equal("cluster", lines[0]);
        Assert.Equal(151, lines.Length);
        // The file's labels reproduce the reported sizes.
        var counts = lines.Skip(1).GroupBy(l => l).Select(g => g.Count()).Order().ToArray();
        Assert.Equal(sizes.Order().ToArray(), counts);
    }

    [Fact]
    public void AutoKPicksTheBestSilhouetteAndReportsBothCurves()
    {
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--k", "auto", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        var search = o["k_search"]!.AsArray();
        Assert.Equal(Enumerable.Range(2, 9), search.Select(s => s!["k"]!.GetValue<int>()));
        var inertia = search.Select(s => s!["inertia"]!.GetValue<double>()).ToArray();
        Assert.True(inertia.Zip(inertia.Skip(1)).All(p => p.Second < p.First), "inertia should fall as k grows");
        var best = search.MaxBy(s => s!["silhouette"]!.GetValue<double>())!;
        Assert.Equal(best["k"]!.GetValue<int>(), o["clusters"]!.GetValue<int>());
        Assert.Equal(best["silhouette"]!.GetValue<double>(), o["metrics"]!["silhouette"]!.GetValue<double>(), 9);
    }

    [Fact]
    public void DbscanReportsNoiseAndScoresWithoutIt()
    {
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "dbscan", "--param", "eps=0.6", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        int noise = o["noise"]!.GetValue<int>();
        int clustered = o["sizes"]!.AsObject().Sum(kv => kv.Value!.GetValue<int>());
        Assert.Equal(150, noise + clustered);
        Assert.True(noise > 0);
        Assert.True(o["clusters"]!.GetValue<int>() >= 2);
    }

    [Fact]
    public void UnknownAlgorithmAndKForDbscanAreUsageErrors()
    {
        var a = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--algo", "spectral");
        Assert.Equal(2, a.ExitCode);
        Assert.Contains("kmeans", a.ErrorLines.Single(), StringComparison.Ordinal);
        var b = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--algo", "dbscan", "--k", "3");
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("--k", b.ErrorLines.Single(), StringComparison.Ordinal);
        var c = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--k", "500");
        Assert.Equal(2, c.ExitCode);
        Assert.Contains("clusters", c.ErrorLines.Single(), StringComparison.Ordinal);
    }
    [Fact]
    public void GaussianMixtureWithKReportsItsComponentsAndWritesLabels()
    {
        using var dir = new TempDir();
        string labels = dir.File("gmm.csv");
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "gmm", "--k", "3",
            "--param", "covariance_type=diag", "--out", labels, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal("gmm", o["algo"]!.GetValue<string>());
        Assert.Equal(3, o["clusters"]!.GetValue<int>());
        Assert.Equal(150, o["sizes"]!.AsObject().Sum(kv => kv.Value!.GetValue<int>()));
        var lines = File.ReadAllLines(labels);
        Assert.Equal(151, lines.Length);
        Assert.Equal(3, lines.Skip(1).Distinct().Count());
        // The reported silhouette is the one of the written labels.
        Assert.InRange(o["metrics"]!["silhouette"]!.GetValue<double>(), 0.2, 1.0);
    }

    [Fact]
    public void AgglomerativeAutoKReportsBothCurvesAndTheirChoices()
    {
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "agglomerative", "--k", "auto", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        var search = o["k_search"]!.AsArray();
        Assert.Equal(Enumerable.Range(2, 9), search.Select(s => s!["k"]!.GetValue<int>()));
        var inertia = search.Select(s => s!["inertia"]!.GetValue<double>()).ToArray();
        Assert.True(inertia.Zip(inertia.Skip(1)).All(p => p.Second <= p.First), "Ward inertia falls as k grows (the cuts are nested)");
        var best = search.MaxBy(s => s!["silhouette"]!.GetValue<double>())!;
        Assert.Equal(best["k"]!.GetValue<int>(), o["k_best_silhouette"]!.GetValue<int>());
        Assert.Equal(best["k"]!.GetValue<int>(), o["clusters"]!.GetValue<int>());
        Assert.InRange(o["k_elbow"]!.GetValue<int>(), 2, 10);
    }

    [Fact]
    public void AgglomerativeDistanceThresholdAndHumanOutput()
    {
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "agglomerative",
            "--param", "clusters=none", "--param", "distance_threshold=10", "--param", "linkage=average");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("agglomerative", r.Out, StringComparison.Ordinal);
        Assert.Contains("silhouette", r.Out, StringComparison.Ordinal);
        var bad = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--algo", "gmm", "--param", "reg_covar=-1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("reg_covar", bad.ErrorLines.Single(), StringComparison.Ordinal);
    }
    [Fact]
    public void MiniBatchKMeansTakesK()
    {
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "minibatch-kmeans", "--k", "3",
            "--param", "batch_size=32", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal(3, o["clusters"]!.GetValue<int>());
        Assert.Equal(150, o["sizes"]!.AsObject().Sum(kv => kv.Value!.GetValue<int>()));
    }
}
