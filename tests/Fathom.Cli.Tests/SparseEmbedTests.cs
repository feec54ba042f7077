using System.Globalization;
using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class SparseEmbedTests
{
    [Fact]
    public void TruncatedSvdOfSvmLightDigitsMatchesScikitLearn()
    {
        using var dir = new TempDir();
        string outCsv = dir.File("emb.csv");
        var r = CliRunner.Run("embed", CliRunner.Sample("digits.svm"), "--algo", "truncated-svd", "--dims", "5",
            "--param", "algorithm=arpack", "--keep", "label", "--out", outCsv, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal(1797, o["rows"]!.GetValue<int>());
        // scikit-learn load_svmlight_file: X.nnz == 58736
        Assert.Equal(58_736, o["nonzeros"]!.GetValue<int>());
        var s = o["singular_values"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var ratio = o["explained_variance_ratio"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        // scikit-learn 1.2.1 TruncatedSVD(5, algorithm="arpack") on the dense digits pixels
        // (tests/Fathom.Tests/Decomposition/Reference/truncated_svd_reference.json).
        double[] es = [2193.1193368326085, 566.9967718352455, 542.0049327587236, 504.15169750141314, 425.59296526492784];
        double[] er = [0.028708507746387495, 0.14890050079355235, 0.13605747643987412, 0.11771281529182842, 0.08388759610695865];
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(es[t], s[t], 1e-8 * es[0]);
            Assert.Equal(er[t], ratio[t], 1e-9);
        }
        var lines = File.ReadAllLines(outCsv);
        Assert.Equal("truncatedsvd0,truncatedsvd1,truncatedsvd2,truncatedsvd3,truncatedsvd4,label", lines[0]);
        Assert.Equal(1798, lines.Length);
        Assert.Equal("0", lines[1].Split(',')[5]);
        Assert.True(double.Parse(lines[1].Split(',')[0], CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void DefaultAlgoOnSvmLightIsTruncatedSvdAndBadInputIsAUsageError()
    {
        var a = CliRunner.Run("embed", CliRunner.Sample("digits.svm"), "--dims", "2");
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.StartsWith("truncatedsvd0,truncatedsvd1", a.Out, StringComparison.Ordinal);
        Assert.Contains("non-zeros", a.Error, StringComparison.Ordinal);
        var b = CliRunner.Run("embed", CliRunner.Sample("digits.svm"), "--algo", "pca");
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("truncated-svd", b.ErrorLines.Single(), StringComparison.Ordinal);
        using var dir = new TempDir();
        string bad = dir.File("bad.svm");
        File.WriteAllText(bad, "1 1:2 3:4\n2 5:1 4:2\n");
        var c = CliRunner.Run("embed", bad, "--dims", "1");
        Assert.Equal(2, c.ExitCode);
        Assert.Contains("line 2", c.ErrorLines.Single(), StringComparison.Ordinal);
        var d = CliRunner.Run("embed", CliRunner.Sample("iris.csv"), "--zero-based");
        Assert.Equal(2, d.ExitCode);
    }
}
