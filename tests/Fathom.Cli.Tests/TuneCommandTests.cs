using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class TuneCommandTests
{
    [Fact]
    public void GridSearchTriesEveryCombinationAndKeepsTheBestCvScore()
    {
        using var dir = new TempDir();
        string model = dir.File("best.fathom");
        var r = CliRunner.Run("tune", CliRunner.Sample("penguins.csv"), "--target", "Species", "--model", "decision-tree",
            "--space", "max_depth=1..3, criterion=gini|entropy", "--search", "grid", "--cv", "3", "--out", model, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        var search = o["search"]!;
        var candidates = search["candidates"]!.AsArray();
        Assert.Equal(6, candidates.Count);
        var pairs = candidates.Select(c => $"{c!["params"]!["criterion"]}/{c["params"]!["max_depth"]}").ToHashSet();
        Assert.Equal(6, pairs.Count);
        double best = candidates.Max(c => c!["mean"]!.GetValue<double>());
        Assert.Equal(best, search["best_cv_mean"]!.GetValue<double>(), 12);
        // A depth-1 tree cannot separate three species: it must score below the best.
        Assert.All(candidates.Where(c => c!["params"]!["max_depth"]!.GetValue<string>() == "1"),
            c => Assert.True(c!["mean"]!.GetValue<double>() < best));
        // Tuning used the 80 % training rows only; the saved model is the refitted best.
        Assert.Equal(275, o["rows"]!["train"]!.GetValue<int>());
        var inspect = CliRunner.Run("inspect", model, "--json");
        Assert.True(inspect.ExitCode == 0, inspect.Error);
        var hp = JsonNode.Parse(inspect.Out)!["model"]!["children"]!["step1"]!["hyperparameters"]!;
        Assert.Equal(search["best_params"]!["max_depth"]!.GetValue<string>(), hp["max_depth"]!.GetValue<string>());
        Assert.Equal(search["best_params"]!["criterion"]!.GetValue<string>(), hp["criterion"]!.GetValue<string>());
    }

    [Fact]
    public void RandomSearchSamplesTheRequestedTrialsDeterministically()
    {
        string[] args = ["tune", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "logistic-regression",
            "--space", "c=log(0.001..100)", "--trials", "5", "--cv", "3", "--seed", "4", "--json"];
        var a = CliRunner.Run(args);
        var b = CliRunner.Run(args);
        Assert.True(a.ExitCode == 0, a.Error);
        var ca = JsonNode.Parse(a.Out)!["search"]!["candidates"]!.AsArray();
        Assert.Equal(5, ca.Count);
        Assert.All(ca, c => Assert.InRange(double.Parse(c!["params"]!["c"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), 0.001, 100));
        Assert.Equal(JsonNode.Parse(a.Out)!["search"]!.ToJsonString(), JsonNode.Parse(b.Out)!["search"]!.ToJsonString());
    }

    [Fact]
    public void BadSpacesAreUsageErrors()
    {
        var unknown = CliRunner.Run("tune", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "logistic-regression", "--space", "depth=1..3");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("depth", unknown.ErrorLines.Single(), StringComparison.Ordinal);
        var continuous = CliRunner.Run("tune", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "logistic-regression",
            "--space", "c=log(0.01..1)", "--search", "grid");
        Assert.Equal(2, continuous.ExitCode);
        Assert.Contains("--search random", continuous.ErrorLines.Single(), StringComparison.Ordinal);
        var empty = CliRunner.Run("tune", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "logistic-regression", "--space", "c=5..1");
        Assert.Equal(2, empty.ExitCode);
        var wrongMetric = CliRunner.Run("tune", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "logistic-regression",
            "--space", "c=0.1|1", "--metric", "r2");
        Assert.Equal(2, wrongMetric.ExitCode);
        Assert.Contains("r2", wrongMetric.ErrorLines.Single(), StringComparison.Ordinal);
    }
}

public class BayesTuneTests
{
    [Fact]
    public void BayesSearchRunsTheAskedTrialsAndReportsTheBest()
    {
        var r = CliRunner.Run("tune", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "logistic-regression",
            "--space", "c=log(0.0001..100)", "--search", "bayes", "--trials", "12", "--cv", "3", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = System.Text.Json.Nodes.JsonNode.Parse(r.Out)!["search"]!;
        Assert.Equal("bayes", o["method"]!.GetValue<string>());
        var means = o["candidates"]!.AsArray().Select(c => c!["mean"]!.GetValue<double>()).ToArray();
        Assert.Equal(12, means.Length);
        Assert.Equal(means.Max(), o["best_cv_mean"]!.GetValue<double>(), 12);
    }
}
