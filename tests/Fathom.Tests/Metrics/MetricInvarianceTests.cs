using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Metrics;

/// <summary>Properties every metric must keep: row order, label renaming, symmetry, closed forms, clear errors.</summary>
public class MetricInvarianceTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Metrics", "metric_battery.json");
    private static readonly int[] Shuffle = Enumerable.Range(0, 60).Select(i => i * 37 % 60).ToArray();

    private static T[] Permute<T>(IReadOnlyList<T> v, int[] order) => order.Select(i => v[i]).ToArray();

    private static (string[] T, string[] P, double[] W) Labels()
    {
        var d = Ref["labels"]!;
        return (d["y_true"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray(),
            d["y_pred"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray(), LinearTestData.Doubles(d["w"]));
    }

    [Fact]
    public void LabelMetricsIgnoreRowOrderAndLabelNames()
    {
        var (t, p, w) = Labels();
        var rename = new Dictionary<string, int> { ["apple"] = 7, ["banana"] = -3, ["cherry"] = 12, ["kiwi"] = 0 };
        var ti = t.Select(s => rename[s]).ToArray();
        var pi = p.Select(s => rename[s]).ToArray();
        var (ts, ps, ws) = (Permute(t, Shuffle), Permute(p, Shuffle), Permute(w, Shuffle));
        foreach (var f in new Func<IReadOnlyList<string>, IReadOnlyList<string>, double[]?, double>[]
        {
            (a, b, x) => LabelMetrics.F1(a, b, Averaging.Macro, null, x), (a, b, x) => LabelMetrics.Jaccard(a, b, Averaging.Weighted, null, x),
            (a, b, x) => LabelMetrics.MatthewsCorrelation(a, b, x), (a, b, x) => LabelMetrics.CohenKappa(a, b, KappaWeighting.None, x),
            (a, b, x) => LabelMetrics.Specificity(a, b, Averaging.Micro, null, x),
        })
        {
            double v = f(t, p, w);
            Assert.Equal(v, f(ts, ps, ws), 12);
        }
        // Renaming labels keeps everything that does not depend on the label order.
        Assert.Equal(LabelMetrics.F1(t, p, Averaging.Macro), LabelMetrics.F1(ti, pi, Averaging.Macro), 12);
        Assert.Equal(LabelMetrics.MatthewsCorrelation(t, p, w), LabelMetrics.MatthewsCorrelation(ti, pi, w), 12);
        Assert.Equal(LabelMetrics.CohenKappa(t, p), LabelMetrics.CohenKappa(ti, pi), 12);
    }

    [Fact]
    public void SymmetricMetricsAreSymmetric()
    {
        var (t, p, w) = Labels();
        Assert.Equal(LabelMetrics.MatthewsCorrelation(t, p, w), LabelMetrics.MatthewsCorrelation(p, t, w), 12);
        Assert.Equal(LabelMetrics.CohenKappa(t, p, KappaWeighting.Quadratic, w), LabelMetrics.CohenKappa(p, t, KappaWeighting.Quadratic, w), 12);
        var a = Ref["partitions"]!["a"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var b = Ref["partitions"]!["b"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        Assert.Equal(PartitionMetrics.AdjustedMutualInformation(a, b), PartitionMetrics.AdjustedMutualInformation(b, a), 12);
        Assert.Equal(PartitionMetrics.NormalizedMutualInformation(a, b), PartitionMetrics.NormalizedMutualInformation(b, a), 12);
        // Homogeneity and completeness swap with the arguments; V-measure equals arithmetic NMI.
        Assert.Equal(PartitionMetrics.Homogeneity(a, b), PartitionMetrics.Completeness(b, a), 12);
        Assert.Equal(PartitionMetrics.NormalizedMutualInformation(a, b), PartitionMetrics.VMeasure(a, b), 12);
        // Relabelling a partition changes nothing.
        var shifted = b.Select(v => 100 - 7 * v).ToArray();
        Assert.Equal(PartitionMetrics.AdjustedMutualInformation(a, b), PartitionMetrics.AdjustedMutualInformation(a, shifted), 12);
    }

    [Fact]
    public void PerfectPredictionsScoreTheirBest()
    {
        var (t, _, w) = Labels();
        Assert.Equal(1, LabelMetrics.MatthewsCorrelation(t, t, w), 12);
        Assert.Equal(1, LabelMetrics.CohenKappa(t, t), 12);
        Assert.Equal(1, LabelMetrics.F1(t, t, Averaging.Weighted), 12);
        Assert.Equal(0, LabelMetrics.HammingLoss(t, t), 12);
        var a = new[] { 0, 0, 1, 1, 2, 2 };
        Assert.Equal(1, PartitionMetrics.AdjustedMutualInformation(a, [5, 5, 3, 3, 9, 9]), 12);
        Assert.Equal(1, PartitionMetrics.NormalizedMutualInformation([1, 1, 1], [4, 4, 4]), 12);
    }

    [Fact]
    public void RankingClosedForms()
    {
        // Query 0: relevant items 1 and 3; scores rank 2 > 1 > 0 > 3. Query 1: nothing relevant.
        var rel = Matrix.FromRows([[0.0, 1, 0, 2], [0, 0, 0, 0]]);
        var sc = Matrix.FromRows([[0.5, 0.7, 0.9, 0.1], [0.1, 0.2, 0.3, 0.4]]);
        Assert.Equal((0.5 + 0) / 2, RankingMetrics.MeanReciprocalRank(rel, sc), 12);
        Assert.Equal((1.0 / 2 + 0) / 2, RankingMetrics.PrecisionAtK(rel, sc, 2), 12);
        Assert.Equal((1.0 / 2 + 0) / 2, RankingMetrics.RecallAtK(rel, sc, 2), 12);
        Assert.Equal((1.0 + 0) / 2, RankingMetrics.RecallAtK(rel, sc, 4), 12);
        // DCG of query 0: gains 0, 1, 0, 2 at ranks 1..4; query 1 has none.
        double dcg0 = 1 / Math.Log2(3) + 2 / Math.Log2(5);
        Assert.Equal(dcg0 / 2, RankingMetrics.Dcg(rel, sc), 12);
        double ideal = 2 + 1 / Math.Log2(3);
        Assert.Equal(dcg0 / ideal / 2, RankingMetrics.Ndcg(rel, sc), 12);
    }

    [Fact]
    public void DunnIndexClosedForm()
    {
        // Two clusters on a line: {0, 1} and {5, 7}; closest pair across 1 → 5 = 4, widest cluster 5 → 7 = 2.
        var x = Matrix.FromRows([[0.0], [1.0], [5.0], [7.0]]);
        Assert.Equal(2.0, ClusteringMetrics.Dunn(x, [0, 0, 1, 1]), 12);
        Assert.Throws<InvalidInputException>(() => ClusteringMetrics.Dunn(x, [0, 0, 0, 0]));
    }

    [Fact]
    public void WrongUsageGivesClearErrors()
    {
        var (t, p, _) = Labels();
        var e = Assert.Throws<InvalidInputException>(() => LabelMetrics.F1(t, p, Averaging.Binary, "apple"));
        Assert.Contains("micro, macro or weighted", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => LabelMetrics.F1(t, p[..10], Averaging.Macro));
        Assert.Throws<InvalidHyperparameterException>(() => LabelMetrics.FBeta(t, p, -1, Averaging.Macro));
        var g = Assert.Throws<InvalidInputException>(() => RegressionMetrics.MeanGammaDeviance([1.0, 0.0], [1.0, 1.0]));
        Assert.Contains("row 1", g.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidHyperparameterException>(() => RegressionMetrics.MeanTweedieDeviance([1.0], [1.0], 0.5));
        Assert.Throws<InvalidInputException>(() => ScoreMetrics.BrierScore(["yes", "no"], [1.5, 0.2], "yes"));
        Assert.Throws<InvalidInputException>(() => ScoreMetrics.RocCurve(["yes", "yes"], [0.1, 0.2], "yes"));
    }
}

public class ScorerRegistryTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Metrics", "metric_battery.json");

    [Fact]
    public void NewScorersComputeTheirMetric()
    {
        var d = Ref["labels"]!;
        var t = d["y_true"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
        var p = d["y_pred"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
        var r = Ref["label_metrics"]!;
        Assert.Equal(r["mcc"]!.GetValue<double>(), Scorers.Get("mcc").Score(t, p, null, [], null), 10);
        Assert.Equal(r["f1_weighted"]!.GetValue<double>(), Scorers.Get("f1-weighted").Score(t, p, null, [], null), 10);
        Assert.Equal(r["kappa_None"]!.GetValue<double>(), Scorers.Get("cohen_kappa").Score(t, p, null, [], null), 10);
        var m = Ref["multiclass"]!;
        var mt = m["y_true"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
        var proba = Matrix.FromRows(LinearTestData.Rows(m["proba"]));
        Assert.Equal(Ref["multiclass_metrics"]!["ovo_macro"]!.GetValue<double>(), Scorers.Get("roc_auc_ovo").Score(mt, null, proba, ["a", "b", "c"], null), 10);
        var g = Ref["regression"]!;
        var y = LinearTestData.Doubles(g["y_true"]);
        var yp = LinearTestData.Doubles(g["y_pred"]);
        var rm = Ref["regression_metrics"]!;
        Assert.Equal(rm["gamma"]!.GetValue<double>(), Scorers.Get("gamma_deviance").Score(y, yp), 10);
        Assert.False(Scorers.Get("max_error").GreaterIsBetter);
        Assert.True(Scorers.Get("explained_variance").GreaterIsBetter);
        Assert.Equal(ScorerTask.Regression, Scorers.Get("mape").Task);
    }
}
