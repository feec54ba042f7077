using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Metrics;

/// <summary>Every added metric against scikit-learn 1.2.1 on a fixed battery (Reference/make_metric_battery.py), to 1e-10.</summary>
public class MetricBatteryTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Metrics", "metric_battery.json");

    private static string[] Strings(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
    private static int[] Ints(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
    private static double[] D(JsonNode? n) => LinearTestData.Doubles(n);
    private static double V(JsonNode? n) => n!.GetValue<double>();

    private static void Close(double expected, double actual, string what, double tol = 1e-10) =>
        Assert.True(Math.Abs(expected - actual) <= tol * Math.Max(1, Math.Abs(expected)), $"{what}: {actual:R} vs scikit-learn {expected:R}");

    private static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {actual.Count} values vs {expected.Count}");
        for (int i = 0; i < expected.Count; i++) Close(expected[i], actual[i], $"{what}[{i}]");
    }

    public static TheoryData<bool> Weighted => new(false, true);

    [Theory]
    [MemberData(nameof(Weighted))]
    public void LabelMetricsMatch(bool weighted)
    {
        var d = Ref["labels"]!;
        var t = Strings(d["y_true"]);
        var p = Strings(d["y_pred"]);
        var w = weighted ? D(d["w"]) : null;
        string wk = weighted ? "_w" : "";
        var r = Ref["label_metrics"]!;
        var confusion = LabelMetrics.ConfusionMatrix(t, p, null, w);
        Close(LinearTestData.Rows(r["confusion" + wk]).SelectMany(x => x).ToArray(), confusion.AsSpan().ToArray(), "confusion");
        foreach (var (name, avg) in new[] { ("micro", Averaging.Micro), ("macro", Averaging.Macro), ("weighted", Averaging.Weighted) })
        {
            Close(V(r[$"precision_{name}{wk}"]), LabelMetrics.Precision(t, p, avg, null, w), "precision " + name);
            Close(V(r[$"recall_{name}{wk}"]), LabelMetrics.Recall(t, p, avg, null, w), "recall " + name);
            Close(V(r[$"f1_{name}{wk}"]), LabelMetrics.F1(t, p, avg, null, w), "f1 " + name);
            Close(V(r[$"f0.5_{name}{wk}"]), LabelMetrics.FBeta(t, p, 0.5, avg, null, w), "f0.5 " + name);
            Close(V(r[$"jaccard_{name}{wk}"]), LabelMetrics.Jaccard(t, p, avg, null, w), "jaccard " + name);
        }
        var per = LabelMetrics.PerClass(t, p, 2, w);
        Assert.Equal(["apple", "banana", "cherry", "kiwi"], per.Labels);
        Close(D(r["per_class_precision" + wk]), per.Precision, "per-class precision");
        Close(D(r["per_class_recall" + wk]), per.Recall, "per-class recall");
        Close(D(r["per_class_f2" + wk]), per.FScore, "per-class F2");
        Close(D(r["per_class_support" + wk]), per.Support, "support");
        var spec = D(r["specificity_per_class" + wk]);
        var npv = D(r["npv_per_class" + wk]);
        Close(spec.Average(), LabelMetrics.Specificity(t, p, Averaging.Macro, null, w), "specificity macro");
        Close(npv.Average(), LabelMetrics.NegativePredictiveValue(t, p, Averaging.Macro, null, w), "npv macro");
        Close(V(r["mcc" + wk]), LabelMetrics.MatthewsCorrelation(t, p, w), "MCC");
        Close(V(r["kappa_None" + wk]), LabelMetrics.CohenKappa(t, p, KappaWeighting.None, w), "kappa");
        Close(V(r["kappa_linear" + wk]), LabelMetrics.CohenKappa(t, p, KappaWeighting.Linear, w), "kappa linear");
        Close(V(r["kappa_quadratic" + wk]), LabelMetrics.CohenKappa(t, p, KappaWeighting.Quadratic, w), "kappa quadratic");
        Close(V(r["hamming" + wk]), LabelMetrics.HammingLoss(t, p, w), "hamming");
    }

    [Theory]
    [MemberData(nameof(Weighted))]
    public void BinaryScoreMetricsMatch(bool weighted)
    {
        var d = Ref["binary"]!;
        var t = Strings(d["y_true"]);
        var s = D(d["scores"]);
        var yp = Strings(d["y_pred"]);
        var w = weighted ? D(d["w"]) : null;
        string wk = weighted ? "_w" : "";
        var r = Ref["binary_metrics"]!;
        foreach (bool drop in new[] { true, false })
        {
            var c = ScoreMetrics.RocCurve(t, s, "yes", w, drop);
            var e = r[$"roc_{(drop ? "True" : "False")}{wk}"]!;
            Close(D(e["x"]), c.X, "roc fpr");
            Close(D(e["y"]), c.Y, "roc tpr");
            Close(D(e["thresholds"]), c.Thresholds, "roc thresholds");
        }
        var pr = ScoreMetrics.PrecisionRecallCurve(t, s, "yes", w);
        Close(D(r["pr" + wk]!["x"]), pr.X, "pr recall");
        Close(D(r["pr" + wk]!["y"]), pr.Y, "pr precision");
        Close(D(r["pr" + wk]!["thresholds"]), pr.Thresholds, "pr thresholds");
        Close(V(r["ap" + wk]), ScoreMetrics.AveragePrecision(t, s, "yes", w), "average precision");
        Close(V(r["brier" + wk]), ScoreMetrics.BrierScore(t, s, "yes", w), "brier");
        Close(V(r["auc" + wk]), ClassificationMetrics.RocAuc(t, s, "yes", w), "auc");
        Close(V(r["precision_binary" + wk]), LabelMetrics.Precision(t, yp, Averaging.Binary, "yes", w), "precision binary");
        Close(V(r["f2_binary" + wk]), LabelMetrics.FBeta(t, yp, 2, Averaging.Binary, "yes", w), "f2 binary");
        Close(V(r["jaccard_binary" + wk]), LabelMetrics.Jaccard(t, yp, Averaging.Binary, "yes", w), "jaccard binary");
    }

    [Fact]
    public void ReliabilityCurvesMatchAndExpectedCalibrationErrorFollowsFromThem()
    {
        var d = Ref["binary"]!;
        var t = Strings(d["y_true"]);
        var s = D(d["scores"]);
        foreach (int bins in new[] { 5, 10 })
            foreach (var (name, strategy) in new[] { ("uniform", CalibrationStrategy.Uniform), ("quantile", CalibrationStrategy.Quantile) })
            {
                var e = Ref["binary_metrics"]![$"calibration_{bins}_{name}"]!;
                var c = CalibrationMetrics.Curve(t, s, "yes", bins, strategy);
                Close(D(e["prob_true"]), c.FractionPositive, $"prob_true {bins} {name}");
                Close(D(e["prob_pred"]), c.MeanPredicted, $"prob_pred {bins} {name}");
                Assert.Equal(t.Length, c.Counts.Sum());
                double ece = 0;
                for (int b = 0; b < c.Counts.Count; b++) ece += c.Counts[b] * Math.Abs(c.FractionPositive[b] - c.MeanPredicted[b]);
                Close(ece / t.Length, CalibrationMetrics.ExpectedCalibrationError(t, s, "yes", bins, strategy), "ECE");
            }
        // Perfect calibration: the observed frequency in each bin equals the (single) prediction there.
        var perfect = Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? "yes" : "no").ToArray();
        Assert.Equal(0, CalibrationMetrics.ExpectedCalibrationError(perfect, Enumerable.Repeat(0.25, 40).ToArray(), "yes"), 12);
    }

    [Fact]
    public void MulticlassScoreMetricsMatch()
    {
        var d = Ref["multiclass"]!;
        var t = Strings(d["y_true"]);
        var proba = Matrix.FromRows(LinearTestData.Rows(d["proba"]));
        var w = D(d["w"]);
        var r = Ref["multiclass_metrics"]!;
        string[] classes = ["a", "b", "c"];
        Close(V(r["ovo_macro"]), ScoreMetrics.RocAucOvo(t, proba, classes), "ovo macro");
        Close(V(r["ovo_weighted"]), ScoreMetrics.RocAucOvo(t, proba, classes, weighted: true), "ovo weighted");
        Close(V(r["ovr_macro"]), ClassificationMetrics.RocAucOvr(t, proba, classes), "ovr macro");
        foreach (int k in new[] { 1, 2 })
        {
            Close(V(r[$"top{k}"]), ScoreMetrics.TopKAccuracy(t, proba, classes, k), $"top-{k}");
            Close(V(r[$"top{k}_w"]), ScoreMetrics.TopKAccuracy(t, proba, classes, k, w), $"top-{k} weighted");
        }
    }

    [Theory]
    [MemberData(nameof(Weighted))]
    public void RegressionMetricsMatch(bool weighted)
    {
        var d = Ref["regression"]!;
        var y = D(d["y_true"]);
        var p = D(d["y_pred"]);
        var y0 = D(d["y_true_zero"]);
        var w = weighted ? D(d["w"]) : null;
        string wk = weighted ? "_w" : "";
        var r = Ref["regression_metrics"]!;
        Close(V(r["mape" + wk]), RegressionMetrics.MeanAbsolutePercentageError(y0, p, w), "MAPE");
        Close(V(r["medae" + wk]), RegressionMetrics.MedianAbsoluteError(y, p, w), "median AE");
        Close(V(r["explained_variance" + wk]), RegressionMetrics.ExplainedVariance(y, p, w), "explained variance");
        Close(V(r["poisson" + wk]), RegressionMetrics.MeanPoissonDeviance(y0, p, w), "Poisson deviance");
        Close(V(r["gamma" + wk]), RegressionMetrics.MeanGammaDeviance(y, p, w), "gamma deviance");
        foreach (var pw in new[] { "-0.5", "0", "1.5", "3" })
            Close(V(r[$"tweedie_{pw}{wk}"]), RegressionMetrics.MeanTweedieDeviance(y, p, double.Parse(pw, System.Globalization.CultureInfo.InvariantCulture), w), "tweedie " + pw);
        foreach (var a in new[] { "0.1", "0.5", "0.9" })
            Close(V(r[$"pinball_{a}{wk}"]), RegressionMetrics.MeanPinballLoss(y, p, double.Parse(a, System.Globalization.CultureInfo.InvariantCulture), w), "pinball " + a);
        Close(V(r["max_error"]), RegressionMetrics.MaxError(y, p), "max error");
        Close(V(r["medae_even"]), RegressionMetrics.MedianAbsoluteError(y[..10], p[..10]), "median AE (even count)");
    }

    [Fact]
    public void RankingMetricsMatch()
    {
        var d = Ref["ranking"]!;
        var rel = Matrix.FromRows(LinearTestData.Rows(d["relevance"]));
        var sc = Matrix.FromRows(LinearTestData.Rows(d["scores"]));
        var r = Ref["ranking_metrics"]!;
        Close(V(r["ndcg"]), RankingMetrics.Ndcg(rel, sc), "NDCG");
        Close(V(r["ndcg3"]), RankingMetrics.Ndcg(rel, sc, 3), "NDCG@3");
        Close(V(r["dcg"]), RankingMetrics.Dcg(rel, sc), "DCG");
        Close(V(r["dcg3"]), RankingMetrics.Dcg(rel, sc, 3), "DCG@3");
        Close(V(r["lrap"]), RankingMetrics.MeanAveragePrecision(rel, sc), "MAP (LRAP)");
    }

    [Fact]
    public void PartitionMetricsMatch()
    {
        var d = Ref["partitions"]!;
        var a = Ints(d["a"]);
        var b = Ints(d["b"]);
        var r = Ref["partition_metrics"]!;
        Close(V(r["mi"]), PartitionMetrics.MutualInformation(a, b), "MI");
        Close(V(r["ari"]), ClusteringMetrics.AdjustedRand(a, b), "ARI");
        Close(V(r["ami"]), PartitionMetrics.AdjustedMutualInformation(a, b), "AMI");
        Close(V(r["nmi"]), PartitionMetrics.NormalizedMutualInformation(a, b), "NMI");
        foreach (var (name, avg) in new[] { ("geometric", PartitionAverage.Geometric), ("min", PartitionAverage.Min), ("max", PartitionAverage.Max) })
        {
            Close(V(r["ami_" + name]), PartitionMetrics.AdjustedMutualInformation(a, b, avg), "AMI " + name);
            Close(V(r["nmi_" + name]), PartitionMetrics.NormalizedMutualInformation(a, b, avg), "NMI " + name);
        }
        Close(V(r["homogeneity"]), PartitionMetrics.Homogeneity(a, b), "homogeneity");
        Close(V(r["completeness"]), PartitionMetrics.Completeness(a, b), "completeness");
        Close(V(r["v"]), PartitionMetrics.VMeasure(a, b), "V");
        Close(V(r["v2"]), PartitionMetrics.VMeasure(a, b, 2), "V beta 2");
    }
}
