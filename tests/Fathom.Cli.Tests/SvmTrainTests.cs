using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

/// <summary>The support vector machines are reachable from <c>fathom train --model</c>, and their models save and load.</summary>
public class SvmTrainTests
{
    [Theory]
    [InlineData("svc", "iris.csv")]
    [InlineData("nu-svc", "iris.csv")]
    [InlineData("linear-svc", "breast_cancer.csv")]
    public void ClassifiersTrainAndBeatTheBaseline(string model, string sample)
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "m.fathom");
        var r = CliRunner.Run("train", CliRunner.Sample(sample), "--target", "target", "--model", model, "--seed", "0", "--out", path, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(model, o["model"]!.GetValue<string>());
        double acc = o["metrics"]!["test"]!["accuracy"]!.GetValue<double>();
        Assert.True(acc >= 0.9, $"{model} test accuracy {acc}");
        Assert.True(acc > o["metrics"]!["baseline"]!["accuracy"]!.GetValue<double>());
        var ev = CliRunner.Run("evaluate", path, CliRunner.Sample(sample), "--json");
        Assert.True(ev.ExitCode == 0, ev.Error);
    }

    [Theory]
    [InlineData("svr")]
    [InlineData("nu-svr")]
    [InlineData("linear-svr")]
    public void RegressorsTrainWithParameters(string model)
    {
        var r = CliRunner.Run("train", CliRunner.Sample("diabetes.csv"), "--target", "target", "--model", model, "--param", "c=50", "--seed", "0", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!.AsObject();
        Assert.True(o["metrics"]!["test"]!["r2"]!.GetValue<double>() > 0.3);
    }

    [Fact]
    public void BadKernelIsAUsageError()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "svc", "--param", "kernel=precomputed");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("kernel", r.Error, StringComparison.Ordinal);
    }
}
