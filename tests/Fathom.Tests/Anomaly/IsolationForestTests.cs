using Fathom.Anomaly;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using static Fathom.Tests.Anomaly.AnomalyTestData;

namespace Fathom.Tests.Anomaly;

public class IsolationForestTests
{
    private static readonly Matrix Planted = MatrixOf(Ref["planted"]!["X"]);

    [Fact]
    public void AveragePathLengthMatchesClosedForms()
    {
        Assert.Equal(0.0, IsolationForest.AveragePathLength(0));
        Assert.Equal(0.0, IsolationForest.AveragePathLength(1));
        Assert.Equal(1.0, IsolationForest.AveragePathLength(2));
        // scikit-learn's form: 2(ln(n − 1) + γ) − 2(n − 1)/n.
        const double gamma = 0.57721566490153286;
        foreach (int n in new[] { 3, 10, 256, 100000 })
            Assert.Equal(2 * (Math.Log(n - 1) + gamma) - 2.0 * (n - 1) / n, IsolationForest.AveragePathLength(n), 1e-12);
        // c(256) as printed by scikit-learn's _average_path_length([256]).
        Assert.Equal(10.244770920119917, IsolationForest.AveragePathLength(256), 1e-12);
        // Against the exact 2H(n − 1) − 2(n − 1)/n: ln(i) + γ under-estimates H(i) by about 1/(2i).
        foreach (int n in new[] { 10, 100, 1000 })
        {
            double h = 0;
            for (int i = 1; i < n; i++) h += 1.0 / i;
            double exact = 2 * h - 2.0 * (n - 1) / n;
            Assert.Equal(exact - 1.0 / (n - 1), IsolationForest.AveragePathLength(n), 1.0 / (n * (double)n));
        }
    }

    [Fact]
    public void OneTreeOnTwoRowsHasTheClosedFormScore()
    {
        // Two distinct rows, ψ = 2: the root splits them (depth 1 leaves holding one row each): h = 1 for both,
        // c(2) = 1, so the score is −2^(−1) = −0.5 exactly for each row.
        var x = Matrix.FromRows([[0.0, 1.0], [3.0, 5.0]]);
        var model = new IsolationForest { NEstimators = 7 }.Fit(x);
        Assert.Equal(2, model.MaxSamplesUsed);
        Assert.All(model.ScoreSamples(x), s => Assert.Equal(-0.5, s));
        // Identical rows cannot be split: a single leaf of 2 rows, h = 0 + c(2) = 1 again.
        var same = Matrix.FromRows([[1.0, 1.0], [1.0, 1.0]]);
        Assert.All(new IsolationForest().Fit(same).ScoreSamples(same), s => Assert.Equal(-0.5, s));
    }

    [Fact]
    public void TreesStopAtTheDepthLimit()
    {
        // ψ = 8 ⇒ depth ≤ 3 ⇒ at most 15 nodes per tree. The root always splits 8 distinct rows, so every path is at
        // least 1; a depth-3 leaf keeps at most 8 − 3 = 5 rows, so every path is at most 3 + c(5).
        var x = Matrix.FromRows(Enumerable.Range(0, 8).Select(i => new[] { (double)i * i }).ToArray());
        var model = new IsolationForest { NEstimators = 20, Seed = 3 }.Fit(x);
        Assert.True(model.NodeCount <= 20 * 15);
        double c8 = IsolationForest.AveragePathLength(8);
        foreach (double s in model.ScoreSamples(x))
        {
            double h = -Math.Log2(-s) * c8;
            Assert.InRange(h, 1.0 - 1e-9, 3.0 + IsolationForest.AveragePathLength(5) + 1e-9);
        }
    }

    [Fact]
    public void PlantedOutliersScoreLowest()
    {
        var scores = new IsolationForest().Fit(Planted).ScoreSamples(Planted);
        var lowest = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).Take(12).Order().ToArray();
        Assert.Equal(Enumerable.Range(300, 12), lowest);
    }

    [Fact]
    public void ScoresRankLikeScikitLearn()
    {
        var reference = Doubles(Ref["planted"]!["iforest_score_samples"]);
        var scores = new IsolationForest().Fit(Planted).ScoreSamples(Planted);
        double rho = Spearman(reference, scores);
        Assert.True(rho >= 0.95, $"Spearman correlation with scikit-learn's scores is {rho}");
        // Same scale: means agree within a few hundredths (scores live in [−1, 0]).
        Assert.Equal(reference.Average(), scores.Average(), 0.02);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.25)]
    public void ContaminationFlagsExactlyThatFraction(double contamination)
    {
        var x = Planted.RowRange(0, 300); // 300 rows: 15, 30 and 75 flagged
        var model = new IsolationForest { Contamination = contamination }.Fit(x);
        var flagged = model.Predict(x).Count(v => v == -1);
        Assert.Equal((int)Math.Round(contamination * 300), flagged);
        var scores = model.ScoreSamples(x);
        Assert.Equal(Fathom.Dummy.DummyRegressor.Percentile(scores, 100 * contamination), model.Offset);
        var decision = model.DecisionFunction(x);
        for (int i = 0; i < 300; i++) Assert.Equal(scores[i] - model.Offset, decision[i]);
    }

    [Fact]
    public void AutoContaminationUsesOffsetMinusHalf()
    {
        var model = new IsolationForest().Fit(Planted);
        Assert.Equal(-0.5, model.Offset);
        var s = model.ScoreSamples(Planted);
        Assert.Equal(s.Select(v => v < -0.5 ? -1 : 1), model.Predict(Planted));
    }

    [Fact]
    public void SameSeedSameForestWhateverTheThreadCount()
    {
        var est = new IsolationForest { Seed = 11, MaxFeatures = "0.5", Bootstrap = true };
        var one = est.Fit(Planted, context: new FitContext { MaxThreads = 1 });
        var many = est.Fit(Planted, context: new FitContext { MaxThreads = 4 });
        Assert.Equal(ModelFile.Serialize(one), ModelFile.Serialize(many));
        Assert.Equal(one.ScoreSamples(Planted, 1), many.ScoreSamples(Planted, 3));
        var other = (est with { Seed = 12 }).Fit(Planted);
        Assert.NotEqual(one.ScoreSamples(Planted), other.ScoreSamples(Planted));
    }

    [Fact]
    public void MaxSamplesAndFeaturesAreResolvedAsScikitLearn()
    {
        Assert.Equal(256, new IsolationForest().Fit(Planted).MaxSamplesUsed);
        Assert.Equal(100, new IsolationForest { MaxSamples = "100" }.Fit(Planted).MaxSamplesUsed);
        Assert.Equal(156, new IsolationForest { MaxSamples = "0.5" }.Fit(Planted).MaxSamplesUsed);
        var notes = new List<string>();
        Assert.Equal(312, new IsolationForest { MaxSamples = "1000" }.Fit(Planted, context: new FitContext { Log = notes.Add }).MaxSamplesUsed);
        Assert.Contains(notes, n => n.Contains("max_samples", StringComparison.Ordinal));
        var e = Assert.Throws<InvalidHyperparameterException>(() => new IsolationForest { MaxSamples = "lots" }.Fit(Planted));
        Assert.Equal("max_samples", e.Parameter);
        Assert.Throws<InvalidHyperparameterException>(() => new IsolationForest { Contamination = 0.7 }.Fit(Planted));
        Assert.Throws<InvalidHyperparameterException>(() => new IsolationForest { MaxFeatures = "9" }.Fit(Planted));
    }

    [Fact]
    public void ZeroWeightRowsAreNeverUsed()
    {
        // With every row but the first 50 weighted 0, the forest only knows those 50: a zero-weight row far away
        // would have changed the split ranges if it had been used.
        var w = Enumerable.Range(0, Planted.Rows).Select(i => i < 50 ? 1.0 : 0.0).ToArray();
        var a = new IsolationForest { Seed = 4 }.Fit(Planted, w);
        var b = new IsolationForest { Seed = 4 }.Fit(Planted.RowRange(0, 50));
        Assert.Equal(50, b.MaxSamplesUsed);
        Assert.Equal(256, a.MaxSamplesUsed); // ψ comes from all rows, as scikit-learn
        Assert.True(a.ScoreSamples(Planted).Skip(300).All(s => s < -0.55));
    }

    [Fact]
    public void SaveLoadKeepsScoresAndWrongInputIsNamed()
    {
        var model = new IsolationForest { Contamination = 0.1, NEstimators = 20 }.Fit(Planted);
        var back = (IsolationForestModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.ScoreSamples(Planted), back.ScoreSamples(Planted));
        Assert.Equal(model.Offset, back.Offset);
        var e = Assert.Throws<InvalidInputException>(() => model.ScoreSamples(new Matrix(2, 3)));
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
        var bad = Planted.Clone();
        bad[5, 2] = double.NaN;
        Assert.Throws<InvalidInputException>(() => new IsolationForest().Fit(bad));
    }
}
