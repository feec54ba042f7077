using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class OlsTrainTests
{
    [Fact]
    public void OlsPrintsTheStatsmodelsStyleSummary()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("diabetes.csv"), "--target", "target", "--model", "ols");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("OLS regression results", r.Out, StringComparison.Ordinal);
        Assert.Contains("P>|t|", r.Out, StringComparison.Ordinal);
        Assert.Contains("num__bmi", r.Out, StringComparison.Ordinal);
        Assert.Contains("Jarque-Bera", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void OlsJsonSummaryAgreesWithTheTrainingMetricsAndDropsTheFirstCategory()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("penguins.csv"), "--target", "Body Mass (g)", "--model", "ols",
            "--test-size", "0", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        var summary = o["summary"]!;
        double r2 = summary["r2"]!.GetValue<double>();
        Assert.Equal(o["metrics"]!["train"]!["r2"]!.GetValue<double>(), r2, 8);
        Assert.True(r2 > 0.8, $"R² {r2}");
        var names = summary["coefficients"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal("const", names[0]);
        Assert.Contains(names, n => n.Contains("Chinstrap", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("Adelie", StringComparison.Ordinal));
        foreach (var c in summary["coefficients"]!.AsArray())
        {
            double lo = c!["ci_lower"]!.GetValue<double>(), hi = c["ci_upper"]!.GetValue<double>(), b = c["coef"]!.GetValue<double>();
            Assert.True(lo < b && b < hi, $"{c["name"]}: {lo} < {b} < {hi}");
        }
        Assert.Equal(o["rows"]!["train"]!.GetValue<int>(), summary["observations"]!.GetValue<int>());
    }
}
