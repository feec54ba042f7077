using System.Globalization;
using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class EmbedCommandTests
{
    [Fact]
    public void PcaOfStandardizedIrisMatchesScikitLearn()
    {
        using var dir = new TempDir();
        string outCsv = dir.File("emb.csv");
        var r = CliRunner.Run("embed", CliRunner.Sample("iris.csv"), "--drop", "target", "--keep", "target", "--out", outCsv, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        var ratio = o["explained_variance_ratio"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        // scikit-learn 1.2.1: PCA(2).fit(StandardScaler().fit_transform(iris.data)).explained_variance_ratio_
        Assert.Equal(0.7296244541329989, ratio[0], 9);
        Assert.Equal(0.2285076178670177, ratio[1], 9);
        var lines = File.ReadAllLines(outCsv);
        Assert.Equal("pca0,pca1,target", lines[0]);
        Assert.Equal(151, lines.Length);
        var first = lines[1].Split(',');
        // First row of sklearn's projection (svd_flip signs): [-2.26470281, 0.4800266]
        Assert.Equal(-2.2647028088, double.Parse(first[0], CultureInfo.InvariantCulture), 8);
        Assert.Equal(0.4800265966, double.Parse(first[1], CultureInfo.InvariantCulture), 8);
        Assert.Equal("setosa", first[2]);
    }

    [Fact]
    public void TooManyDimsAndJsonWithoutOutAreUsageErrors()
    {
        var a = CliRunner.Run("embed", CliRunner.Sample("iris.csv"), "--drop", "target", "--dims", "9");
        Assert.Equal(2, a.ExitCode);
        Assert.Contains("--dims 9", a.ErrorLines.Single(), StringComparison.Ordinal);
        var b = CliRunner.Run("embed", CliRunner.Sample("iris.csv"), "--json");
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("--out", b.ErrorLines.Single(), StringComparison.Ordinal);
        var c = CliRunner.Run("embed", CliRunner.Sample("iris.csv"), "--algo", "sammon");
        Assert.Equal(2, c.ExitCode);
        Assert.Contains("pca", c.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.Contains("tsne", c.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.Contains("umap", c.ErrorLines.Single(), StringComparison.Ordinal);
        var d = CliRunner.Run("embed", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "tsne", "--param", "perplexity=500");
        Assert.Equal(2, d.ExitCode);
        Assert.Contains("perplexity", d.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void TsneEmbedsStandardizedIrisAsTheLibraryDoes()
    {
        using var dir = new TempDir();
        string outCsv = dir.File("emb.csv");
        var r = CliRunner.Run("embed", CliRunner.Sample("iris.csv"), "--drop", "target", "--keep", "target", "--algo", "tsne",
            "--param", "perplexity=20", "--out", outCsv, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal("tsne", o["algo"]!.GetValue<string>());
        Assert.Equal(999, o["n_iter"]!.GetValue<int>());
        var lines = File.ReadAllLines(outCsv);
        Assert.Equal("tsne0,tsne1,target", lines[0]);
        Assert.Equal(151, lines.Length);

        // the same embedding from the library on the standardized features (population standard deviation)
        var frame = Fathom.Data.CsvReader.Read(CliRunner.Sample("iris.csv")).Drop("target");
        var x = frame.ToMatrix();
        for (int j = 0; j < x.Columns; j++)
        {
            var col = x.Column(j);
            double mean = col.Average(), sd = Math.Sqrt(col.Sum(v => (v - mean) * (v - mean)) / col.Length);
            for (int i = 0; i < x.Rows; i++) x[i, j] = (x[i, j] - mean) / sd;
        }
        var lib = new Fathom.Manifold.TSNE { Perplexity = 20 }.FitTransform(x);
        Assert.Equal(lib.KlDivergence, o["kl_divergence"]!.GetValue<double>(), 8);
        var first = lines[1].Split(',');
        Assert.Equal(lib.Embedding[0, 0], double.Parse(first[0], CultureInfo.InvariantCulture), 6);
        Assert.Equal("setosa", first[2]);
    }

    [Fact]
    public void UmapEmbedsStandardizedIrisAsTheLibraryDoes()
    {
        using var dir = new TempDir();
        string outCsv = dir.File("emb.csv");
        var r = CliRunner.Run("embed", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "umap", "--param", "n_epochs=100", "--out", outCsv);
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = File.ReadAllLines(outCsv);
        Assert.Equal("umap0,umap1", lines[0]);
        Assert.Equal(151, lines.Length);
        var frame = Fathom.Data.CsvReader.Read(CliRunner.Sample("iris.csv")).Drop("target");
        var x = frame.ToMatrix();
        for (int j = 0; j < x.Columns; j++)
        {
            var col = x.Column(j);
            double mean = col.Average(), sd = Math.Sqrt(col.Sum(v => (v - mean) * (v - mean)) / col.Length);
            for (int i = 0; i < x.Rows; i++) x[i, j] = (x[i, j] - mean) / sd;
        }
        var lib = new Fathom.Manifold.UMAP { NEpochs = 100 }.Fit(x).Embedding;
        for (int i = 0; i < 150; i += 37)
        {
            var f = lines[i + 1].Split(',');
            Assert.Equal(lib[i, 0], double.Parse(f[0], CultureInfo.InvariantCulture), 6);
            Assert.Equal(lib[i, 1], double.Parse(f[1], CultureInfo.InvariantCulture), 6);
        }
    }
}
