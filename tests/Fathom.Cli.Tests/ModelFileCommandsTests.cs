using System.Globalization;
using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class ModelFileCommandsTests
{
    private static string TrainIris(TempDir dir)
    {
        string model = dir.File("iris.fathom");
        var r = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--out", model, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(File.Exists(model));
        return model;
    }

    [Fact]
    public void PredictWorksWithReorderedAndExtraColumns()
    {
        using var dir = new TempDir();
        string model = TrainIris(dir);
        var lines = File.ReadAllLines(CliRunner.Sample("iris.csv"));
        // Reverse the column order and add an unrelated column.
        var reordered = lines.Select((l, i) =>
        {
            var f = l.Split(',');
            return string.Join(',', f.Reverse().Append(i == 0 ? "note" : "n" + i));
        });
        string csv = dir.Write("reordered.csv", string.Join('\n', reordered) + "\n");
        var a = CliRunner.Run("predict", model, CliRunner.Sample("iris.csv"), "--proba");
        var b = CliRunner.Run("predict", model, csv, "--proba");
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.True(b.ExitCode == 0, b.Error);
        Assert.Equal(a.Out, b.Out);
        var rows = a.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("target,proba_setosa,proba_versicolor,proba_virginica", rows[0]);
        Assert.Equal(151, rows.Length);
        // Probabilities sum to one and the predicted class is the most probable one.
        foreach (var row in rows.Skip(1))
        {
            var f = row.Split(',');
            var p = f.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, p.Sum(), 9);
            Assert.Equal(new[] { "setosa", "versicolor", "virginica" }[Array.IndexOf(p, p.Max())], f[0]);
        }
        int correct = rows.Skip(1).Zip(lines.Skip(1)).Count(t => t.First.Split(',')[0] == t.Second.Split(',')[4]);
        Assert.True(correct >= 140, $"only {correct} of 150 training rows predicted right");
    }

    [Fact]
    public void PredictWithAMissingColumnIsAClearError()
    {
        using var dir = new TempDir();
        string model = TrainIris(dir);
        string csv = dir.Write("partial.csv", "sepal length (cm),sepal width (cm)\n5.1,3.5\n");
        var r = CliRunner.Run("predict", model, csv);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("petal length (cm)", r.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void PredictWritesAFileWithOut()
    {
        using var dir = new TempDir();
        string model = TrainIris(dir);
        string outCsv = dir.File("pred.csv");
        var r = CliRunner.Run("predict", model, CliRunner.Sample("iris.csv"), "--out", outCsv);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(151, File.ReadAllLines(outCsv).Length);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void EvaluateMatchesTrainingAccuracyOnTheSameRows()
    {
        using var dir = new TempDir();
        string model = dir.File("iris.fathom");
        var t = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--test-size", "0", "--out", model, "--json");
        Assert.True(t.ExitCode == 0, t.Error);
        var e = CliRunner.Run("evaluate", model, CliRunner.Sample("iris.csv"), "--json");
        Assert.True(e.ExitCode == 0, e.Error);
        var eo = JsonNode.Parse(e.Out)!;
        Assert.Equal(150, eo["rows"]!.GetValue<int>());
        var trainMetrics = JsonNode.Parse(t.Out)!["metrics"]!["train"]!;
        foreach (var m in new[] { "accuracy", "balanced_accuracy", "f1_macro", "log_loss", "roc_auc" })
            Assert.Equal(trainMetrics[m]!.GetValue<double>(), eo["metrics"]![m]!.GetValue<double>(), 9);
    }

    [Fact]
    public void InspectShowsKindHyperparametersSchemaAndState()
    {
        using var dir = new TempDir();
        string model = TrainIris(dir);
        var r = CliRunner.Run("inspect", model, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal("logistic-regression", o["metadata"]!["model_name"]!.GetValue<string>());
        Assert.Equal(4, o["metadata"]!["input_schema"]!.AsArray().Count);
        Assert.Contains("\"c\"", r.Out, StringComparison.Ordinal);
        var human = CliRunner.Run("inspect", model);
        Assert.True(human.ExitCode == 0, human.Error);
        Assert.Contains("petal width (cm)", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void InspectShowsTreeImportancesAndRulesByFeatureName()
    {
        using var dir = new TempDir();
        string model = dir.File("tree.fathom");
        var t = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--model", "decision-tree",
            "--param", "max_depth=2", "--test-size", "0", "--out", model);
        Assert.True(t.ExitCode == 0, t.Error);
        var r = CliRunner.Run("inspect", model, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        var importances = o["feature_importances"]!.AsArray();
        Assert.Equal(4, importances.Count);
        Assert.Equal(1.0, importances.Sum(x => x!["importance"]!.GetValue<double>()), 12);
        // Sorted, largest first; trees skip scaling, so the rules read in centimetres.
        var values = importances.Select(x => x!["importance"]!.GetValue<double>()).ToArray();
        Assert.Equal(values.OrderDescending(), values);
        string text = o["tree_text"]!.GetValue<string>();
        Assert.Contains("|--- num__petal", text, StringComparison.Ordinal);
        Assert.Contains("class: setosa", text, StringComparison.Ordinal);
        Assert.Contains("<= 2.45", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedModelFileIsAClearError()
    {
        using var dir = new TempDir();
        string model = TrainIris(dir);
        var bytes = File.ReadAllBytes(model);
        File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);
        var r = CliRunner.Run("predict", model, CliRunner.Sample("iris.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("damaged", r.ErrorLines.Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void HelpWorksForEveryVerb()
    {
        foreach (var verb in new[] { "train", "predict", "evaluate", "inspect" })
        {
            var r = CliRunner.Run(verb, "--help");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains(verb, r.Out, StringComparison.Ordinal);
        }
    }
}
