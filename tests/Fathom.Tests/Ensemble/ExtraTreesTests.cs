using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Ensemble;
using Fathom.Metrics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Ensemble;

/// <summary>Extra trees against scikit-learn 1.2.1's quality (Reference/make_forest_reference.py, mean over five seeds).</summary>
public class ExtraTreesTests
{
    private static readonly Lazy<JsonNode> Ref = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Ensemble", "Reference", "forest_reference.json")))!);

    private static (int[] Train, int[] Test) Rows(string key, int n)
    {
        var test = Ref.Value[key]!["test_rows"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var set = test.ToHashSet();
        return (Enumerable.Range(0, n).Where(i => !set.Contains(i)).ToArray(), test);
    }

    [Fact]
    public void ClassifierOnBreastCancerIsAsGoodAsScikitLearn()
    {
        var ds = TestDatasets.LoadCsv("breast_cancer.csv", "target");
        var (tr, te) = Rows("breast_cancer", ds.Target.Length);
        var m = new ExtraTreesClassifier { Seed = 5 }.Fit(ds.X.SelectRows(tr), tr.Select(i => ds.Target[i]).ToArray());
        var yte = te.Select(i => ds.Target[i]).ToArray();
        var r = Ref.Value["breast_cancer_extra_trees"]!;
        Assert.InRange(ClassificationMetrics.Accuracy(yte, m.Predict(ds.X.SelectRows(te))), r["accuracy"]!.GetValue<double>() - 0.025, 1.0);
        Assert.InRange(ClassificationMetrics.RocAuc(yte, m.PredictProba(ds.X.SelectRows(te)).Column(1), "1"), r["auc"]!.GetValue<double>() - 0.005, 1.0);
    }

    [Fact]
    public void RegressorOnDiabetesIsAsGoodAsScikitLearn()
    {
        var ds = TestDatasets.Diabetes();
        var y = ds.TargetAsDoubles();
        var (tr, te) = Rows("diabetes", y.Length);
        var m = new ExtraTreesRegressor { Seed = 2, NEstimators = 60 }.Fit(ds.X.SelectRows(tr), tr.Select(i => y[i]).ToArray());
        double r2 = RegressionMetrics.R2(te.Select(i => y[i]).ToArray(), m.Predict(ds.X.SelectRows(te)));
        double expected = Ref.Value["diabetes_extra_trees"]!["r2"]!.GetValue<double>();
        Assert.InRange(r2, expected - 0.06, expected + 0.08);
    }

    [Fact]
    public void ThresholdsAreRandomButSeededAndThreadIndependent()
    {
        var ds = TestDatasets.Iris();
        var est = new ExtraTreesClassifier { NEstimators = 16, Seed = 4 };
        var a = est.Fit(ds.X, ds.Target, context: new FitContext { MaxThreads = 1 });
        var b = est.Fit(ds.X, ds.Target, context: new FitContext { MaxThreads = 3 });
        Assert.Equal(ModelFile.Serialize(a), ModelFile.Serialize(b));
        var c = (est with { Seed = 5 }).Fit(ds.X, ds.Target);
        // Off the training points the random thresholds show: another seed gives other probabilities.
        var shifted = ds.X.Clone();
        var all = shifted.AsSpan();
        for (int i = 0; i < all.Length; i++) all[i] += 0.04 * ((i % 5) - 2);
        Assert.NotEqual(a.PredictProba(shifted).AsSpan().ToArray(), c.PredictProba(shifted).AsSpan().ToArray());
        // Without bootstrap, fully grown trees on distinct-enough rows fit the training data almost perfectly.
        Assert.InRange(ClassificationMetrics.Accuracy(ds.Target, a.Predict(ds.X)), 0.99, 1.0);
    }
}
