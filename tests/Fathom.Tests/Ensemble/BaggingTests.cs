using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Ensemble;
using Fathom.Linear;
using Fathom.Metrics;
using Fathom.NaiveBayes;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;
using Fathom.Trees;

namespace Fathom.Tests.Ensemble;

/// <summary>Bagging: quality against scikit-learn 1.2.1 over 20 seeds (Reference/make_bagging_reference.py; its draws
/// differ from Fathom's), exact identities where no randomness is involved, determinism and persistence.</summary>
public class BaggingTests
{
    private static readonly Lazy<JsonNode> Ref = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Ensemble", "Reference", "bagging_reference.json")))!);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Ref.Value["cases"]!.AsArray()) data.Add(c!["name"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void QualityMatchesScikitLearn(string name)
    {
        // Fathom's mean held-out and out-of-bag scores over 10 seeds must lie within the range scikit-learn's 20 seeds span.
        var c = Ref.Value["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var p = c["params"]!.AsObject();
        int ntr = c["train_rows"]!.GetValue<int>();
        double maxFeatures = p["max_features"]?.GetValue<double>() ?? 1.0;
        double maxSamples = p["max_samples"]?.GetValue<double>() ?? 1.0;
        bool bootFeatures = p["bootstrap_features"]?.GetValue<bool>() ?? false;
        var test = new List<double>();
        var oob = new List<double>();
        for (int seed = 0; seed < 10; seed++)
        {
            if (name.StartsWith("breast", StringComparison.Ordinal))
            {
                var ds = TestDatasets.LoadCsv("breast_cancer.csv", "target");
                var m = new BaggingClassifier { NEstimators = 20, MaxFeatures = maxFeatures, MaxSamples = maxSamples, BootstrapFeatures = bootFeatures, OobScore = true, Seed = seed }
                    .Fit(ds.X.RowRange(0, ntr), ds.Target.Take(ntr).ToArray());
                var pred = m.Predict(ds.X.RowRange(ntr, ds.X.Rows - ntr));
                test.Add(pred.Zip(ds.Target.Skip(ntr)).Count(z => z.First == z.Second) / (double)pred.Length);
                oob.Add(m.OobScore!.Value);
            }
            else
            {
                var ds = TestDatasets.Diabetes();
                var y = ds.TargetAsDoubles();
                var m = new BaggingRegressor { NEstimators = 20, MaxFeatures = maxFeatures, MaxSamples = maxSamples, BootstrapFeatures = bootFeatures, OobScore = true, Seed = seed }
                    .Fit(ds.X.RowRange(0, ntr), y.Take(ntr).ToArray());
                test.Add(RegressionMetrics.R2(y.Skip(ntr).ToArray(), m.Predict(ds.X.RowRange(ntr, ds.X.Rows - ntr))));
                oob.Add(m.OobScore!.Value);
            }
        }
        Assert.InRange(test.Average(), c["test"]!["min"]!.GetValue<double>(), c["test"]!["max"]!.GetValue<double>());
        Assert.InRange(oob.Average(), c["oob"]!["min"]!.GetValue<double>(), c["oob"]!["max"]!.GetValue<double>());
    }

    [Fact]
    public void WithoutSamplingEveryMemberIsTheBaseModel()
    {
        // No bootstrap, all rows and features: each member is the base estimator fitted on the data, so the ensemble's
        // probabilities equal the base model's (mean of identical numbers).
        var ds = TestDatasets.Iris();
        var lr = new LogisticRegression().Fit(ds.X, ds.Target).PredictProba(ds.X);
        var bag = new BaggingClassifier { Estimator = new LogisticRegression(), Bootstrap = false, NEstimators = 3 }.Fit(ds.X, ds.Target);
        TreeReferenceTestsShim.AssertClose(lr.AsSpan().ToArray(), bag.PredictProba(ds.X).AsSpan().ToArray(), 1e-12);
    }

    [Fact]
    public void MemberWithoutWeightsGetsRepeatedRowsAndFeatureSubsets()
    {
        // Each member equals the base estimator fitted on its own draw (rows repeated by count, its features).
        var ds = TestDatasets.Diabetes();
        var y = ds.TargetAsDoubles();
        var bag = new BaggingRegressor { Estimator = new Ridge(), NEstimators = 4, MaxFeatures = 0.5, Seed = 11 }.Fit(ds.X, y);
        Assert.All(bag.EstimatorFeatures, f => Assert.Equal(5, f.Count));
        var seeds = ForestCore.TreeSeeds(11, 4);
        for (int t = 0; t < 4; t++)
        {
            var (counts, features, _) = BaggingCore.Draw(seeds[t], ds.X.Rows, ds.X.Rows, true, 10, 5, false);
            Assert.Equal(features, bag.EstimatorFeatures[t]);
            var xs = BaggingCore.Columns(ds.X, features);
            // Ridge takes sample weights: the member saw weights = counts.
            var direct = new Ridge().Fit(xs, y, counts.Select(c => (double)c).ToArray()).Predict(xs);
            TreeReferenceTestsShim.AssertClose(direct, bag.Estimators[t].Predict(xs), 1e-10);
        }
        // GaussianNB-like members without weight support are not needed here; the mean of members is the prediction.
        var mean = new double[ds.X.Rows];
        for (int t = 0; t < 4; t++)
        {
            var pt = bag.Estimators[t].Predict(BaggingCore.Columns(ds.X, bag.EstimatorFeatures[t].ToArray()));
            for (int i = 0; i < mean.Length; i++) mean[i] += pt[i] / 4;
        }
        TreeReferenceTestsShim.AssertClose(mean, bag.Predict(ds.X), 1e-12);
    }

    [Fact]
    public void SameSeedSameModelWhateverTheThreadCount()
    {
        var ds = TestDatasets.Iris();
        var est = new BaggingClassifier { NEstimators = 12, MaxFeatures = 0.75, Seed = 5 };
        var a = est.Fit(ds.X, ds.Target, context: new FitContext { MaxThreads = 1 });
        var b = est.Fit(ds.X, ds.Target, context: new FitContext { MaxThreads = 4 });
        Assert.Equal(ModelFile.Serialize(a), ModelFile.Serialize(b));
        var c = (est with { Seed = 6 }).Fit(ds.X, ds.Target);
        Assert.NotEqual(a.PredictProba(ds.X).AsSpan().ToArray(), c.PredictProba(ds.X).AsSpan().ToArray());
    }

    [Fact]
    public void NestedMembersSurviveSaveAndLoad()
    {
        var ds = TestDatasets.Iris();
        var m = new BaggingClassifier { Estimator = new GaussianNB(), NEstimators = 5, MaxFeatures = 0.5, OobScore = true }.Fit(ds.X, ds.Target);
        var back = (BaggingClassificationModel)ModelFile.Deserialize(ModelFile.Serialize(m)).Model;
        Assert.Equal(m.PredictProba(ds.X).AsSpan().ToArray(), back.PredictProba(ds.X).AsSpan().ToArray());
        Assert.Equal(m.OobScore, back.OobScore);
        Assert.All(back.Estimators, e => Assert.Equal("gaussian-nb", e.ModelKind));
    }

    [Fact]
    public void BadSettingsGiveClearErrors()
    {
        var ds = TestDatasets.Iris();
        Assert.Equal("oob_score", Assert.Throws<InvalidHyperparameterException>(() => new BaggingClassifier { Bootstrap = false, OobScore = true }.Fit(ds.X, ds.Target)).Parameter);
        Assert.Equal("max_samples", Assert.Throws<InvalidHyperparameterException>(() => new BaggingClassifier { MaxSamples = 1000 }.Fit(ds.X, ds.Target)).Parameter);
        Assert.Equal("max_features", Assert.Throws<InvalidHyperparameterException>(() => new BaggingClassifier { MaxFeatures = 2.5 }.Fit(ds.X, ds.Target)).Parameter);
    }
}

/// <summary>Relative closeness check shared by the ensemble tests.</summary>
internal static class TreeReferenceTestsShim
{
    internal static void AssertClose(double[] expected, double[] actual, double tol) =>
        Fathom.Tests.Trees.TreeReferenceTests.AssertClose(expected, actual, tol, "values");
}
