using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Ensemble;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Ensemble;

/// <summary>
/// Random forests against scikit-learn 1.2.1 (Reference/make_forest_reference.py). The random generators differ,
/// so the check is on quality: test accuracy / AUC / R² and the out-of-bag score must be close to scikit-learn's
/// mean over five seeds, on the same train/test split.
/// </summary>
public class RandomForestTests
{
    private static readonly Lazy<JsonNode> Ref = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Ensemble", "Reference", "forest_reference.json")))!);

    private static (Matrix XTrain, T[] YTrain, Matrix XTest, T[] YTest) Split<T>(TestDataset ds, T[] y, string key)
    {
        var test = Ref.Value[key]!["test_rows"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var isTest = new bool[y.Length];
        foreach (int i in test) isTest[i] = true;
        var train = Enumerable.Range(0, y.Length).Where(i => !isTest[i]).ToArray();
        return (ds.X.SelectRows(train), train.Select(i => y[i]).ToArray(), ds.X.SelectRows(test), test.Select(i => y[i]).ToArray());
    }

    [Fact]
    public void ClassifierOnBreastCancerIsAsGoodAsScikitLearn()
    {
        var ds = TestDatasets.LoadCsv("breast_cancer.csv", "target");
        var (xtr, ytr, xte, yte) = Split(ds, ds.Target, "breast_cancer");
        var r = Ref.Value["breast_cancer"]!;
        var m = new RandomForestClassifier { OobScore = true, Seed = 3 }.Fit(xtr, ytr);
        Assert.Equal(["0", "1"], m.Classes);
        double acc = ClassificationMetrics.Accuracy(yte, m.Predict(xte));
        double auc = ClassificationMetrics.RocAuc(yte, m.PredictProba(xte).Column(1), "1");
        Assert.InRange(acc, r["accuracy"]!.GetValue<double>() - 0.025, 1.0);
        Assert.InRange(auc, r["auc"]!.GetValue<double>() - 0.005, 1.0);
        Assert.InRange(m.OobScore!.Value, r["oob"]!.GetValue<double>() - 0.025, r["oob"]!.GetValue<double>() + 0.025);
        Assert.Equal(1.0, m.FeatureImportances.Sum(), 12);
        Assert.Equal(100, m.TreeCount);
    }

    [Fact]
    public void RegressorOnDiabetesIsAsGoodAsScikitLearn()
    {
        var ds = TestDatasets.Diabetes();
        var (xtr, ytr, xte, yte) = Split(ds, ds.TargetAsDoubles(), "diabetes");
        var r = Ref.Value["diabetes"]!;
        var m = new RandomForestRegressor { OobScore = true, Seed = 1, NEstimators = 60 }.Fit(xtr, ytr);
        double r2 = RegressionMetrics.R2(yte, m.Predict(xte));
        Assert.InRange(r2, r["r2"]!.GetValue<double>() - 0.05, r["r2"]!.GetValue<double>() + 0.08);
        Assert.InRange(m.OobScore!.Value, r["oob"]!.GetValue<double>() - 0.05, r["oob"]!.GetValue<double>() + 0.05);
    }

    [Fact]
    public void SameSeedGivesTheSameForestWhateverTheThreadCount()
    {
        var ds = TestDatasets.LoadCsv("breast_cancer.csv", "target");
        var est = new RandomForestClassifier { NEstimators = 24, Seed = 11, MaxSamples = 0.7 };
        var one = est.Fit(ds.X, ds.Target, context: new FitContext { MaxThreads = 1 });
        var four = est.Fit(ds.X, ds.Target, context: new FitContext { MaxThreads = 4 });
        Assert.Equal(ModelFile.Serialize(one), ModelFile.Serialize(four));
        Assert.Equal(one.PredictProba(ds.X).AsSpan().ToArray(), four.PredictProba(ds.X).AsSpan().ToArray());
        var other = (est with { Seed = 12 }).Fit(ds.X, ds.Target);
        Assert.NotEqual(one.PredictProba(ds.X).AsSpan().ToArray(), other.PredictProba(ds.X).AsSpan().ToArray());
    }

    [Fact]
    public void WithoutBootstrapAndAllFeaturesEveryTreeIsTheSingleTree()
    {
        var iris = TestDatasets.Iris();
        var forest = new RandomForestClassifier { NEstimators = 3, Bootstrap = false, MaxFeatures = null, MaxDepth = 3 }.Fit(iris.X, iris.Target);
        var tree = new Fathom.Trees.DecisionTreeClassifier { MaxDepth = 3 }.Fit(iris.X, iris.Target);
        Assert.Equal(tree.PredictProba(iris.X).AsSpan().ToArray(), forest.PredictProba(iris.X).AsSpan().ToArray());
        Assert.Equal(tree.FeatureImportances, forest.FeatureImportances);
    }

    [Fact]
    public void OobScoreNeedsBootstrap()
    {
        var iris = TestDatasets.Iris();
        var e = Assert.Throws<InvalidHyperparameterException>(() =>
            new RandomForestClassifier { Bootstrap = false, OobScore = true }.Fit(iris.X, iris.Target));
        Assert.Equal("oob_score", e.Parameter);
        Assert.Throws<InvalidHyperparameterException>(() => new RandomForestRegressor { MaxSamples = 2.5 }.Fit(iris.X, new double[150]));
    }
}
