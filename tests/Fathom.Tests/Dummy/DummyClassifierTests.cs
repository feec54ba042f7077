using Fathom.Core;
using Fathom.Dummy;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Dummy;

public class DummyClassifierTests
{
    private static readonly string[] Labels = ["b", "a", "c", "a", "a", "b", "c", "a", "b", "a"]; // a:5 b:3 c:2

    [Fact]
    public void PriorPredictsMajorityAndReturnsFrequencies()
    {
        var m = new DummyClassifier().Fit(new Matrix(10, 2), Labels);
        Assert.Equal(["a", "b", "c"], m.Classes);
        Assert.Equal([0.5, 0.3, 0.2], m.ClassPrior);
        Assert.Equal(["a", "a"], ((IClassificationModel)m).Predict(new Matrix(2, 2)));
        var p = m.PredictProba(new Matrix(2, 2));
        Assert.Equal([0.5, 0.3, 0.2], p.Row(1).ToArray());
    }

    [Fact]
    public void WeightsChangeTheMajority()
    {
        var w = Labels.Select(l => l == "c" ? 10.0 : 1.0).ToArray(); // c: 20 of 28
        var m = new DummyClassifier { Strategy = DummyClassifierStrategy.MostFrequent }.Fit(new Matrix(10, 1), Labels, w);
        Assert.Equal(20.0 / 28, m.ClassPrior[2], 15);
        Assert.Equal(2, m.PredictIndex(new Matrix(1, 1))[0]);
        Assert.Equal([0.0, 0.0, 1.0], m.PredictProba(new Matrix(1, 1)).Row(0).ToArray());
    }

    [Fact]
    public void StratifiedDrawsFromThePriorDeterministically()
    {
        var m = new DummyClassifier { Strategy = DummyClassifierStrategy.Stratified, Seed = 5 }.Fit(new Matrix(10, 1), Labels);
        var x = new Matrix(20_000, 1);
        var idx = m.PredictIndex(x);
        Assert.Equal(idx, m.PredictIndex(x));
        var counts = new double[3];
        foreach (int k in idx) counts[k]++;
        // Binomial sd for p = 0.5, n = 20000 is about 71; allow 5 sd.
        Assert.InRange(counts[0], 10_000 - 355, 10_000 + 355);
        Assert.InRange(counts[1], 6_000 - 330, 6_000 + 330);
        Assert.InRange(counts[2], 4_000 - 285, 4_000 + 285);
        // Probabilities are the one-hot of the same draws; a prefix gets the same draws.
        var p = m.PredictProba(x.RowRange(0, 100));
        for (int i = 0; i < 100; i++) { Assert.Equal(1.0, p[i, idx[i]]); Assert.Equal(1.0, p.Row(i).ToArray().Sum()); }
        // Another seed gives other draws.
        var other = (m.Estimator with { Seed = 6 }).Fit(new Matrix(10, 1), Labels).PredictIndex(x.RowRange(0, 100));
        Assert.NotEqual(idx.Take(100), other);
    }

    [Fact]
    public void StratifiedNeverDrawsAZeroWeightClass()
    {
        var w = Labels.Select(l => l == "b" ? 0.0 : 1.0).ToArray();
        var m = new DummyClassifier { Strategy = DummyClassifierStrategy.Stratified }.Fit(new Matrix(10, 1), Labels, w);
        Assert.Equal(0.0, m.ClassPrior[1]);
        Assert.DoesNotContain(1, m.PredictIndex(new Matrix(5_000, 1)));
    }

    [Fact]
    public void UniformDrawsEveryClassEquallyAndGivesFlatProbabilities()
    {
        var m = new DummyClassifier { Strategy = DummyClassifierStrategy.Uniform, Seed = 1 }.Fit(new Matrix(10, 1), Labels);
        var idx = m.PredictIndex(new Matrix(30_000, 1));
        for (int k = 0; k < 3; k++) Assert.InRange(idx.Count(v => v == k), 10_000 - 400, 10_000 + 400);
        Assert.All(m.PredictProba(new Matrix(3, 1)).AsSpan().ToArray(), v => Assert.Equal(1.0 / 3, v));
    }

    [Fact]
    public void ConstantNeedsATrainingClass()
    {
        var x = new Matrix(10, 1);
        var missing = Assert.Throws<InvalidHyperparameterException>(() => new DummyClassifier { Strategy = DummyClassifierStrategy.Constant }.Fit(x, Labels));
        Assert.Equal("constant", missing.Parameter);
        var unknown = Assert.Throws<InvalidHyperparameterException>(() => new DummyClassifier { Strategy = DummyClassifierStrategy.Constant, Constant = "z" }.Fit(x, Labels));
        Assert.Equal("constant", unknown.Parameter);
        Assert.Contains("a, b, c", unknown.Message, StringComparison.Ordinal);
        var m = new DummyClassifier { Strategy = DummyClassifierStrategy.Constant, Constant = "c" }.Fit(x, Labels);
        Assert.Equal(["c", "c"], ((IClassificationModel)m).Predict(new Matrix(2, 1)));
    }

    [Fact]
    public void NumericConstantMatchesNumerically()
    {
        int[] y = [1, 2, 2, 3];
        var m = new DummyClassifier { Strategy = DummyClassifierStrategy.Constant, Constant = "3.0" }.Fit(new Matrix(4, 1), y);
        Assert.Equal(2, m.PredictIndex(new Matrix(1, 1))[0]);
        Assert.Equal(LabelKind.Integer, m.LabelKind);
    }

    [Fact]
    public void BadInputIsRejectedClearly()
    {
        var c = new DummyClassifier();
        Assert.Throws<InvalidInputException>(() => c.Fit(new Matrix(0, 2), Array.Empty<string>()));
        var len = Assert.Throws<InvalidInputException>(() => c.Fit(new Matrix(3, 2), Labels));
        Assert.Contains("3 rows", len.Message, StringComparison.Ordinal);
        var neg = Assert.Throws<InvalidInputException>(() => c.Fit(new Matrix(10, 1), Labels, [1, 1, 1, -1, 1, 1, 1, 1, 1, 1]));
        Assert.Equal(3, neg.Row);
        Assert.Throws<InvalidInputException>(() => c.Fit(new Matrix(10, 1), Labels, new double[10]));
        Assert.Throws<InvalidInputException>(() => c.Fit(new Matrix(10, 1), Labels, new double[9]));
        var m = c.Fit(new Matrix(10, 2), Labels);
        var wrong = Assert.Throws<InvalidInputException>(() => m.PredictProba(new Matrix(1, 3)));
        Assert.Contains("2 features", wrong.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => m.PredictIndex(new Matrix(1, 1)));
    }

    [Fact]
    public void FeaturesAreIgnoredSoNaNIsAccepted()
    {
        var x = new Matrix(10, 1);
        x[3, 0] = double.NaN;
        x[4, 0] = double.PositiveInfinity;
        Assert.True(new DummyClassifier().Tags.AllowsMissingValues);
        var m = new DummyClassifier().Fit(x, Labels);
        Assert.Equal([0, 0], m.PredictIndex(x.RowRange(3, 2)));
    }

    [Theory]
    [InlineData(DummyClassifierStrategy.Prior)]
    [InlineData(DummyClassifierStrategy.MostFrequent)]
    [InlineData(DummyClassifierStrategy.Stratified)]
    [InlineData(DummyClassifierStrategy.Uniform)]
    [InlineData(DummyClassifierStrategy.Constant)]
    public void SaveAndLoadKeepsEverything(DummyClassifierStrategy strategy)
    {
        var est = new DummyClassifier { Strategy = strategy, Seed = 9, Constant = strategy == DummyClassifierStrategy.Constant ? "b" : null };
        var m = est.Fit(new Matrix(10, 3), Labels, Enumerable.Range(1, 10).Select(i => (double)i).ToArray());
        var back = Assert.IsType<DummyClassificationModel>(ModelFile.Deserialize(ModelFile.Serialize(m)).Model);
        Assert.Equal(est, back.Estimator);
        Assert.Equal(m.Classes, back.Classes);
        Assert.Equal(m.ClassPrior, back.ClassPrior);
        Assert.Equal(m.LabelKind, back.LabelKind);
        Assert.Equal(3, back.FeatureCount);
        var x = new Matrix(50, 3);
        Assert.Equal(m.PredictIndex(x), back.PredictIndex(x));
        Assert.Equal(m.PredictProba(x).AsSpan().ToArray(), back.PredictProba(x).AsSpan().ToArray());
    }

    [Fact]
    public void TextConstantNamedNoneSurvivesSaving()
    {
        string[] y = ["none", "some", "none"];
        var m = new DummyClassifier { Strategy = DummyClassifierStrategy.Constant, Constant = "none" }.Fit(new Matrix(3, 1), y);
        var back = (DummyClassificationModel)ModelFile.Deserialize(ModelFile.Serialize(m)).Model;
        Assert.Equal("none", back.Estimator.Constant);
        Assert.Equal(0, back.PredictIndex(new Matrix(1, 1))[0]);
    }

    [Fact]
    public void HyperparametersParseFromTheCommandLineForm()
    {
        var c = Hyperparameters.With(new DummyClassifier(), [new("strategy", "most_frequent"), new("seed", "4")]);
        Assert.Equal(DummyClassifierStrategy.MostFrequent, c.Strategy);
        Assert.Equal(4, c.Seed);
        Assert.Equal(["strategy", "seed", "constant"], Hyperparameters.Describe(typeof(DummyClassifier)).Select(h => h.Key));
    }
}
