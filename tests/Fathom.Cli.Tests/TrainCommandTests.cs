using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class TrainCommandTests
{
    [Fact]
    public void IrisJsonHasTheContractShapeAndBeatsTheBaseline()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "logistic-regression",
            "--test-size", "0.2", "--seed", "0", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal("logistic-regression", o["model"]!.GetValue<string>());
        Assert.Equal("classification", o["task"]!.GetValue<string>());
        Assert.Equal(120, o["rows"]!["train"]!.GetValue<int>());
        Assert.Equal(30, o["rows"]!["test"]!.GetValue<int>());
        var test = o["metrics"]!["test"]!;
        var baseline = o["metrics"]!["baseline"]!;
        Assert.True(test["accuracy"]!.GetValue<double>() >= 0.9);
        // A stratified 30-row test set of three balanced classes: the majority baseline scores exactly 1/3.
        Assert.Equal(1.0 / 3, baseline["accuracy"]!.GetValue<double>(), 6);
        foreach (var m in new[] { "accuracy", "balanced_accuracy", "f1_macro", "log_loss", "roc_auc" })
        {
            Assert.NotNull(test[m]);
            Assert.NotNull(baseline[m]);
        }
        Assert.True(test["log_loss"]!.GetValue<double>() < baseline["log_loss"]!.GetValue<double>());
        Assert.True(o["fit_seconds"]!.GetValue<double>() >= 0);
        Assert.Null(o["metrics"]!["cv"]);
    }

    [Fact]
    public void PenguinsHumanTableShowsBaselineBesideModelAndWarnsAboutMissingTarget()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("penguins.csv"), "--target", "Sex");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("baseline", r.Out, StringComparison.Ordinal);
        Assert.Contains("accuracy", r.Out, StringComparison.Ordinal);
        // penguins has 10 rows with no Sex value (and one literal "."): the 10 are dropped with a warning.
        Assert.Contains("dropped 10 rows", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionTargetReportsR2RmseMae()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("penguins.csv"), "--target", "Body Mass (g)", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal("regression", o["task"]!.GetValue<string>());
        Assert.Equal("linear-regression", o["model"]!.GetValue<string>());
        var test = o["metrics"]!["test"]!;
        Assert.True(test["r2"]!.GetValue<double>() > 0.7);
        Assert.True(test["rmse"]!.GetValue<double>() < o["metrics"]!["baseline"]!["rmse"]!.GetValue<double>());
        Assert.True(test["mae"]!.GetValue<double>() > 0);
        // The mean baseline has R² ≤ 0 on held-out rows (it is exactly 0 only on the rows it was fitted on).
        Assert.True(o["metrics"]!["baseline"]!["r2"]!.GetValue<double>() <= 0.0);
    }

    [Fact]
    public void TestSizeZeroTrainsOnAllRows()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--test-size", "0", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(150, o["rows"]!["train"]!.GetValue<int>());
        Assert.Equal(0, o["rows"]!["test"]!.GetValue<int>());
        Assert.Null(o["metrics"]!["test"]);
    }

    [Fact]
    public void CrossValidationReportsMeanAndStd()
    {
        var r = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--cv", "5", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var cv = JsonNode.Parse(r.Out)!["metrics"]!["cv"]!;
        double mean = cv["mean"]!["accuracy"]!.GetValue<double>();
        double std = cv["std"]!["accuracy"]!.GetValue<double>();
        Assert.InRange(mean, 0.85, 1.0);
        Assert.InRange(std, 0.0, 0.15);
    }

    [Fact]
    public void ParamIsPassedToTheModel()
    {
        // A tiny C shrinks the coefficients so much that the classifier's log-loss gets near the prior's.
        var strong = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--param", "c=0.0001", "--json");
        var weak = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--param", "c=100", "--json");
        Assert.True(strong.ExitCode == 0, strong.Error);
        Assert.True(weak.ExitCode == 0, weak.Error);
        double lossStrong = JsonNode.Parse(strong.Out)!["metrics"]!["train"]!["log_loss"]!.GetValue<double>();
        double lossWeak = JsonNode.Parse(weak.Out)!["metrics"]!["train"]!["log_loss"]!.GetValue<double>();
        Assert.True(lossStrong > 1.0, $"log-loss with C=1e-4 was {lossStrong}");
        Assert.True(lossWeak < 0.2, $"log-loss with C=100 was {lossWeak}");
    }

    [Fact]
    public void HighCardinalityTextColumnIsWarnedAboutAndDropLeavesItOut()
    {
        var warned = CliRunner.Run("train", CliRunner.Sample("cars.csv"), "--target", "Miles_per_Gallon", "--model", "ridge", "--json");
        Assert.True(warned.ExitCode == 0, warned.Error);
        Assert.Contains("column 'Name' has", warned.Error, StringComparison.Ordinal);
        var dropped = CliRunner.Run("train", CliRunner.Sample("cars.csv"), "--target", "Miles_per_Gallon", "--model", "ridge", "--drop", "Name", "--json");
        Assert.True(dropped.ExitCode == 0, dropped.Error);
        Assert.DoesNotContain("'Name'", dropped.Error, StringComparison.Ordinal);
        // With 300 one-hot name columns the model memorizes the training rows; without them train and test R² are close.
        double Gap(string json)
        {
            var m = JsonNode.Parse(json)!["metrics"]!;
            return m["train"]!["r2"]!.GetValue<double>() - m["test"]!["r2"]!.GetValue<double>();
        }
        Assert.True(Gap(dropped.Out) < Gap(warned.Out));
        var bad = CliRunner.Run("train", CliRunner.Sample("cars.csv"), "--target", "Origin", "--drop", "Origin");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("target", bad.ErrorLines.Single(), StringComparison.Ordinal);
    }
}
