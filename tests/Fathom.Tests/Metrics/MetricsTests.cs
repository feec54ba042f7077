using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Metrics;

public class MetricsTests
{
    private const double Tol = 1e-10;
    private static readonly JsonNode Ref = LinearTestData.Reference("Metrics", "metrics_reference.json");

    private static IEnumerable<JsonNode> CasesOf(string kind) => Ref[kind]!.AsArray().Select(n => n!);

    private static string[] Strings(JsonNode? n) => n!.AsArray().Select(v => v!.ToString()).ToArray();

    private static void Near(JsonNode c, string key, double actual) =>
        Assert.True(Math.Abs(c[key]!.GetValue<double>() - actual) <= Tol, $"{c["name"]} {key}: {actual} vs sklearn {c[key]}");

    [Fact]
    public void LabelMetricsMatchScikitLearn()
    {
        foreach (var c in CasesOf("label_cases"))
        {
            // Labels as strings (ints are compared through their text, which keeps equality).
            var t = Strings(c["y_true"]);
            var p = Strings(c["y_pred"]);
            string pos = c["pos_label"]!.ToString();
            var w = LinearTestData.Doubles(c["weights"]);
            foreach (var (sfx, sw) in new[] { ("", (double[]?)null), ("_w", w) })
            {
                Near(c, "accuracy" + sfx, ClassificationMetrics.Accuracy(t, p, sw));
                Near(c, "balanced_accuracy" + sfx, ClassificationMetrics.BalancedAccuracy(t, p, sw));
                Near(c, "f1_macro" + sfx, ClassificationMetrics.F1Macro(t, p, sw));
                Near(c, "precision_macro" + sfx, ClassificationMetrics.PrecisionMacro(t, p, sw));
                Near(c, "recall_macro" + sfx, ClassificationMetrics.RecallMacro(t, p, sw));
                Near(c, "f1_pos" + sfx, ClassificationMetrics.F1(t, p, pos, sw));
                Near(c, "precision_pos" + sfx, ClassificationMetrics.Precision(t, p, pos, sw));
                Near(c, "recall_pos" + sfx, ClassificationMetrics.Recall(t, p, pos, sw));
            }
        }
    }

    [Fact]
    public void IntegerLabelsWorkToo()
    {
        var c = CasesOf("label_cases").First(n => n["name"]!.ToString() == "binary_ints");
        var t = c["y_true"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var p = c["y_pred"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        Near(c, "f1_pos", ClassificationMetrics.F1(t, p, 1));
        Near(c, "balanced_accuracy", ClassificationMetrics.BalancedAccuracy(t, p));
    }

    [Fact]
    public void BinaryRocAucMatchesScikitLearnWithTies()
    {
        foreach (var c in CasesOf("binary_auc_cases"))
        {
            var t = c["y_true"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
            var s = LinearTestData.Doubles(c["score"]);
            var w = LinearTestData.Doubles(c["weights"]);
            Near(c, "roc_auc", ClassificationMetrics.RocAuc(t, s, 1));
            Near(c, "roc_auc_w", ClassificationMetrics.RocAuc(t, s, 1, w));
        }
    }

    [Fact]
    public void ProbabilityMetricsMatchScikitLearn()
    {
        foreach (var c in CasesOf("proba_cases"))
        {
            var t = Strings(c["y_true"]);
            var classes = Strings(c["classes"]);
            var proba = Matrix.FromRows(LinearTestData.Rows(c["proba"]));
            var w = LinearTestData.Doubles(c["weights"]);
            Near(c, "log_loss", ClassificationMetrics.LogLoss(t, proba, classes));
            Near(c, "log_loss_w", ClassificationMetrics.LogLoss(t, proba, classes, w));
            Near(c, "log_loss_eps1e-15_w", ClassificationMetrics.LogLoss(t, proba, classes, w, 1e-15));
            Near(c, "roc_auc", ClassificationMetrics.RocAucOvr(t, proba, classes));
            Near(c, "roc_auc_w", ClassificationMetrics.RocAucOvr(t, proba, classes, w));
            Near(c, "log_loss_w", Scorers.Get("log_loss").Score(t, null, proba, classes, w));
            Near(c, "roc_auc", Scorers.Get("roc_auc").Score(t, null, proba, classes));
        }
    }

    [Fact]
    public void RegressionMetricsMatchScikitLearn()
    {
        foreach (var c in CasesOf("regression_cases"))
        {
            var t = LinearTestData.Doubles(c["y_true"]);
            var p = LinearTestData.Doubles(c["y_pred"]);
            var w = LinearTestData.Doubles(c["weights"]);
            foreach (var (sfx, sw) in new[] { ("", (double[]?)null), ("_w", w) })
            {
                Near(c, "r2" + sfx, RegressionMetrics.R2(t, p, sw));
                Near(c, "mse" + sfx, RegressionMetrics.MeanSquaredError(t, p, sw));
                Near(c, "rmse" + sfx, RegressionMetrics.RootMeanSquaredError(t, p, sw));
                Near(c, "mae" + sfx, RegressionMetrics.MeanAbsoluteError(t, p, sw));
                Near(c, "r2" + sfx, Scorers.Get("r2").Score(t, p, sw));
                Near(c, "rmse" + sfx, Scorers.Get("rmse").Score(t, p, sw));
                Near(c, "mae" + sfx, Scorers.Get("mae").Score(t, p, sw));
            }
        }
    }

    [Fact]
    public void ScorerRegistryNamesAndDirections()
    {
        foreach (var name in new[] { "accuracy", "balanced_accuracy", "f1_macro", "log_loss", "roc_auc", "r2", "rmse", "mae" })
            Assert.Equal(name, Scorers.Get(name).Name);
        Assert.False(Scorers.Get("log_loss").GreaterIsBetter);
        Assert.False(Scorers.Get("rmse").GreaterIsBetter);
        Assert.False(Scorers.Get("mae").GreaterIsBetter);
        Assert.True(Scorers.Get("roc_auc").GreaterIsBetter);
        Assert.True(Scorers.Get("roc_auc").NeedsProbabilities);
        Assert.Equal(ScorerTask.Regression, Scorers.Get("R2").Task);
        Assert.Equal("f1_macro", Scorers.Get("f1-macro").Name);
        var e = Assert.Throws<InvalidHyperparameterException>(() => Scorers.Get("auc_pr"));
        Assert.Contains("balanced_accuracy", e.Message);
        Assert.All(Scorers.Defaults(ScorerTask.Classification), n => Assert.Equal(ScorerTask.Classification, Scorers.Get(n).Task));
        Assert.All(Scorers.Defaults(ScorerTask.Regression), n => Assert.Equal(ScorerTask.Regression, Scorers.Get(n).Task));
    }

    [Fact]
    public void BadInputFailsClearly()
    {
        Assert.Throws<InvalidInputException>(() => ClassificationMetrics.Accuracy(new[] { "a" }, new[] { "a", "b" }));
        Assert.Throws<InvalidInputException>(() => ClassificationMetrics.Accuracy(Array.Empty<string>(), Array.Empty<string>()));
        Assert.Contains("one class", Assert.Throws<InvalidInputException>(() => ClassificationMetrics.RocAuc(new[] { 1, 1 }, new[] { 0.2, 0.3 }, 1)).Message);
        var e = Assert.Throws<InvalidInputException>(() =>
            ClassificationMetrics.LogLoss(new[] { "a", "z" }, Matrix.FromRows([[0.5, 0.5], [0.5, 0.5]]), new[] { "a", "b" }));
        Assert.Equal(1, e.Row);
        Assert.Throws<InvalidInputException>(() => RegressionMetrics.R2(new[] { 1.0, 2 }, new[] { 1.0, 2 }, [1, -1]));
    }
}
