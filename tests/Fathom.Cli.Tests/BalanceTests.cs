using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class BalanceTests
{
    [Theory]
    [InlineData("smote")]
    [InlineData("under")]
    public void BalanceRaisesBalancedAccuracyOnAnImbalancedTarget(string how)
    {
        // seattle-weather: 'weather' is imbalanced (rain/sun dominate; snow, fog and drizzle are rare).
        var plain = CliRunner.Run("train", CliRunner.Sample("seattle-weather.csv"), "--target", "weather", "--drop", "date", "--json");
        var balanced = CliRunner.Run("train", CliRunner.Sample("seattle-weather.csv"), "--target", "weather", "--drop", "date", "--balance", how, "--json");
        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.True(balanced.ExitCode == 0, balanced.Error);
        double Ba(CliRunner.Result r) => JsonNode.Parse(r.Out)!["metrics"]!["test"]!["balanced_accuracy"]!.GetValue<double>();
        Assert.True(Ba(balanced) > Ba(plain), $"balanced accuracy with --balance {how}: {Ba(balanced)} vs {Ba(plain)} without");
    }

    [Fact]
    public void BalanceOnARegressionTargetIsAUsageError()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("diabetes.csv"), "--target", "target", "--balance", "smote");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--balance", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownBalanceMethodIsRejected()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--balance", "magic");
        Assert.Equal(2, r.ExitCode);
    }
}
