using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Cluster;
using Fathom.Data;
using Fathom.Numerics;

namespace Fathom.Cli.Tests;

/// <summary><c>fathom cluster --algo hdbscan|optics</c>: the command's labels equal the library's on the standardized data.</summary>
public class DensityClusterTests
{
    /// <summary>Iris without its target, each column standardized (population standard deviation), as the command prepares it.</summary>
    private static Matrix StandardizedIris()
    {
        var x = CsvReader.Read(CliRunner.Sample("iris.csv")).Drop("target").ToMatrix();
        for (int j = 0; j < x.Columns; j++)
        {
            double mean = 0, ss = 0;
            for (int i = 0; i < x.Rows; i++) mean += x[i, j];
            mean /= x.Rows;
            for (int i = 0; i < x.Rows; i++) ss += (x[i, j] - mean) * (x[i, j] - mean);
            double sd = Math.Sqrt(ss / x.Rows);
            for (int i = 0; i < x.Rows; i++) x[i, j] = (x[i, j] - mean) / sd;
        }
        return x;
    }

    private static int[] ReadLabels(string path) =>
        File.ReadAllLines(path).Skip(1).Select(l => (int)double.Parse(l, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void HdbscanFindsTheClusterCountAndNoiseItself()
    {
        using var dir = new TempDir();
        string labels = dir.File("hdbscan.csv");
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "hdbscan", "--param", "min_cluster_size=5", "--out", labels, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal("hdbscan", o["algo"]!.GetValue<string>());
        var expected = new HDBSCAN { MinClusterSize = 5 }.Fit(StandardizedIris());
        var written = ReadLabels(labels);
        Assert.Equal(1.0, Fathom.Metrics.ClusteringMetrics.AdjustedRand(expected.Labels.ToArray(), written), 9);
        Assert.Equal(expected.ClusterCount, o["clusters"]!.GetValue<int>());
        Assert.Equal(expected.NoiseCount, o["noise"]!.GetValue<int>());
        // Setosa apart from the two overlapping species; a few rows are noise.
        Assert.Equal(2, o["clusters"]!.GetValue<int>());
        Assert.Equal(150, o["noise"]!.GetValue<int>() + o["sizes"]!.AsObject().Sum(kv => kv.Value!.GetValue<int>()));
        Assert.True(o["metrics"]!["silhouette"]!.GetValue<double>() > 0.5);
    }

    [Fact]
    public void HdbscanLeafSelectionAndHumanOutput()
    {
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "hdbscan",
            "--param", "cluster_selection_method=leaf", "--param", "min_samples=3");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("hdbscan", r.Out, StringComparison.Ordinal);
        Assert.Contains("noise", r.Out, StringComparison.Ordinal);
        var expected = new HDBSCAN { ClusterSelectionMethod = HdbscanSelection.Leaf, MinSamples = 3 }.Fit(StandardizedIris());
        Assert.Contains($"{expected.NoiseCount} ", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void OpticsBothExtractionsMatchTheLibrary()
    {
        using var dir = new TempDir();
        foreach (var (args, estimator) in new (string[], OPTICS)[]
        {
            ([], new OPTICS()),
            (["--param", "cluster_method=dbscan", "--param", "eps=0.8"], new OPTICS { ClusterMethod = OpticsClusterMethod.Dbscan, Eps = 0.8 }),
        })
        {
            string labels = dir.File($"optics{args.Length}.csv");
            var r = CliRunner.Run(["cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "optics", .. args, "--out", labels, "--json"]);
            Assert.True(r.ExitCode == 0, r.Error);
            var o = JsonNode.Parse(r.Out)!;
            var expected = estimator.Fit(StandardizedIris());
            Assert.Equal(expected.Labels, ReadLabels(labels));
            Assert.Equal(expected.ClusterCount, o["clusters"]!.GetValue<int>());
            Assert.Equal(expected.NoiseCount, o["noise"]!.GetValue<int>());
        }
    }

    [Fact]
    public void TooLargeMinSamplesAndKAreUsageErrors()
    {
        var a = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "hdbscan", "--param", "min_samples=500");
        Assert.Equal(2, a.ExitCode);
        Assert.Contains("min_samples", a.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.Contains("150 rows", a.ErrorLines.Single(), StringComparison.Ordinal);
        var b = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--algo", "optics", "--k", "3");
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("--k", b.ErrorLines.Single(), StringComparison.Ordinal);
        var c = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--algo", "hdbscan", "--param", "min_cluster_size=1");
        Assert.Equal(2, c.ExitCode);
        Assert.Contains("min_cluster_size", c.ErrorLines.Single(), StringComparison.Ordinal);
    }
}
