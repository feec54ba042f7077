using System.Text.Json;
using Fathom.Core;
using Fathom.Data;
using Fathom.FeatureSelection;
using Fathom.Linear;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.FeatureSelection;

/// <summary>Univariate scores, p-values and selections against scikit-learn 1.2.1 (selection.json, made by make_selection.py).</summary>
public class FeatureSelectionTests
{
    private static JsonElement Sel(string key) => Reference("FeatureSelection", "selection.json", key);

    private static bool[] Support(string key) => Sel(key).GetProperty("support").EnumerateArray().Select(e => e.GetBoolean()).ToArray();

    private static (DataFrame X, double[] Y) Data(string name)
    {
        var d = Sample(name + ".csv");
        if (d["target"] is TextColumn t)
        {
            var classes = t.Categories();
            return (d.Drop("target"), Enumerable.Range(0, t.Length).Select(i => (double)Array.IndexOf(classes, t[i])).ToArray());
        }
        return (d.Drop("target"), ((NumericColumn)d["target"]).Values.ToArray());
    }

    private static double[][] Cols(DataFrame x) => x.Columns.Select(c => ((NumericColumn)c).Values.ToArray()).ToArray();

    [Theory]
    [InlineData("f_classif_iris", "iris", ScoreFunction.FClassif)]
    [InlineData("f_classif_bc", "breast_cancer", ScoreFunction.FClassif)]
    [InlineData("f_regression_diab", "diabetes", ScoreFunction.FRegression)]
    [InlineData("chi2_iris", "iris", ScoreFunction.Chi2)]
    [InlineData("chi2_bc", "breast_cancer", ScoreFunction.Chi2)]
    public void ScoresAndPValuesMatchScikitLearn(string key, string data, ScoreFunction fn)
    {
        var (x, y) = Data(data);
        var (scores, p) = UnivariateScores.Compute(fn, Cols(x), y);
        AssertClose(Values(Sel(key + "_scores")), scores, 1e-10, "scores");
        var expectedP = Values(Sel(key + "_pvalues"));
        // Relative 1e-10 on each p-value (they span 1e-200 … 1).
        for (int j = 0; j < p.Length; j++)
            Assert.True(Math.Abs(p[j] - expectedP[j]) <= 1e-10 * Math.Abs(expectedP[j]) + 1e-300, $"p[{j}]: expected {expectedP[j]:R}, got {p[j]:R}");
    }

    [Fact]
    public void SelectKBestAndPercentileMatchScikitLearn()
    {
        var (xb, yb) = Data("breast_cancer");
        var (xd, yd) = Data("diabetes");
        Assert.Equal(Support("kbest_bc_5"), new SelectKBest { K = 5 }.Fit(xb, yb).Support);
        Assert.Equal(Support("kbest_diab_chi"), new SelectKBest { K = 3, ScoreFunc = ScoreFunction.FRegression }.Fit(xd, yd).Support);
        Assert.Equal(Support("percentile_bc_20"), new SelectPercentile { Percentile = 20, ScoreFunc = ScoreFunction.Chi2 }.Fit(xb, yb).Support);
        Assert.Equal(Support("percentile_diab_35"), new SelectPercentile { Percentile = 35, ScoreFunc = ScoreFunction.FRegression }.Fit(xd, yd).Support);
        var model = new SelectKBest { K = 3, ScoreFunc = ScoreFunction.FRegression }.Fit(xd, yd);
        var z = model.Transform(xd);
        Assert.Equal(model.FeatureNamesOut, z.ColumnNames);
        Assert.Equal(3, z.ColumnCount);
        AssertSameFrame(z, Reload(model).Transform(xd));
        Assert.Equal("bmi", Assert.Throws<InvalidInputException>(() => model.Transform(xd.Drop("bmi"))).Column);
    }

    [Fact]
    public void VarianceThresholdMatchesScikitLearnAndDropsConstants()
    {
        var (xb, _) = Data("breast_cancer");
        var model = new VarianceThreshold { Threshold = 0.1 }.Fit(xb);
        Assert.Equal(Support("variance_bc"), model.Support);
        AssertClose(Values(Sel("variance_bc_values")), model.Scores, 1e-10, "variances");
        var x = new DataFrame([new NumericColumn("c", [0.1, 0.1, 0.1]), new NumericColumn("v", [1.0, 2, 3])]);
        Assert.Equal(["v"], new VarianceThreshold().Fit(x).FeatureNamesOut);
        Assert.Throws<InvalidInputException>(() => new VarianceThreshold { Threshold = 5 }.Fit(x));
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("median")]
    [InlineData("0.5*mean")]
    public void SelectFromModelMatchesScikitLearnWithLinearRegression(string threshold)
    {
        var (xd, yd) = Data("diabetes");
        var model = new SelectFromModel { Estimator = new LinearRegression(), Threshold = threshold }.Fit(xd, yd);
        Assert.Equal(Support("sfm_diab_" + threshold), model.Support);
        Assert.Throws<InvalidHyperparameterException>(() => new SelectFromModel { Estimator = new LinearRegression(), Threshold = "most" }.Fit(xd, yd));
        Assert.Throws<InvalidHyperparameterException>(() => new SelectFromModel().Fit(xd, yd));
    }

    [Theory]
    [InlineData("rfe_diab", 4, 1)]
    [InlineData("rfe_diab_step2", 3, 2)]
    public void RfeMatchesScikitLearnWithLinearRegression(string key, int keep, int step)
    {
        var (xd, yd) = Data("diabetes");
        var model = new RFE { Estimator = new LinearRegression(), NFeaturesToSelect = keep, Step = step }.Fit(xd, yd);
        Assert.Equal(Support(key), model.Support);
        Assert.Equal(Sel(key).GetProperty("ranking").EnumerateArray().Select(e => e.GetInt32()).ToArray(), model.Ranking);
        AssertSameFrame(model.Transform(xd), Reload(model).Transform(xd));
    }

    [Theory]
    [InlineData("sfs_forward_3", 3, SelectionDirection.Forward)]
    [InlineData("sfs_backward_6", 6, SelectionDirection.Backward)]
    public void SequentialSelectorMatchesScikitLearnWithLinearRegression(string key, int keep, SelectionDirection direction)
    {
        var (xd, yd) = Data("diabetes");
        var model = new SequentialFeatureSelector { Estimator = new LinearRegression(), NFeaturesToSelect = keep, Direction = direction }.Fit(xd, yd);
        Assert.Equal(Support(key), model.Support);
        AssertSameFrame(model.Transform(xd), Reload(model).Transform(xd));
    }

    [Fact]
    public void RfecvMatchesScikitLearnWithLinearRegression()
    {
        var (xd, yd) = Data("diabetes");
        var model = new RFECV { Estimator = new LinearRegression() }.Fit(xd, yd);
        Assert.Equal(Support("rfecv_diab"), model.Support);
        Assert.Equal(Sel("rfecv_diab").GetProperty("ranking").EnumerateArray().Select(e => e.GetInt32()).ToArray(), model.Ranking);
        AssertClose(Values(Sel("rfecv_diab_scores")), model.Scores, 1e-10, "mean CV score per size");
    }

    [Fact]
    public void CorrelationFilterKeepsTheEarlierColumnOfEachCorrelatedPair()
    {
        // b = 2a + tiny noise (|r| ≈ 1), c independent, d = −a (|r| = 1), e = rank-monotone but nonlinear in c.
        var rng = new RandomSource(5);
        int n = 200;
        var a = Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        var b = a.Select(v => 2 * v + 0.01 * rng.NextGaussian()).ToArray();
        var c = Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        var d = a.Select(v => -v).ToArray();
        var e = c.Select(v => Math.Exp(3 * v)).ToArray();
        var x = new DataFrame([new NumericColumn("a", a), new NumericColumn("b", b), new NumericColumn("c", c), new NumericColumn("d", d), new NumericColumn("e", e)]);
        var pearson = new CorrelationFilter { Threshold = 0.95 }.Fit(x);
        Assert.Equal(["a", "c", "e"], pearson.FeatureNamesOut); // exp(3c) is far from linear in c
        var spearman = new CorrelationFilter { Threshold = 0.95, Method = CorrelationMethod.Spearman }.Fit(x);
        Assert.Equal(["a", "c"], spearman.FeatureNamesOut); // but it has the same ranks
        Assert.Equal(1.0, spearman.Scores[4], 12);
        Assert.Equal(1.0, pearson.Scores[3], 12);
        // Closed form for Pearson r of a and b.
        double ma = a.Average(), mb = b.Average();
        double r = a.Zip(b).Sum(t => (t.First - ma) * (t.Second - mb)) / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * b.Sum(v => (v - mb) * (v - mb)));
        Assert.Equal(Math.Abs(r), pearson.Scores[1], 12);
        AssertSameFrame(pearson.Transform(x), Reload(pearson).Transform(x));
    }

    [Fact]
    public void MutualInformationMatchesScikitLearnOnContinuousData()
    {
        var x = ReadCsv(Path.Combine(Root, "tests", "Fathom.Tests", "Preprocessing", "Reference", "knn_data.csv"));
        var cols = Cols(x);
        AssertClose(Values(Sel("mi_regression")), MutualInformation.Regression(cols, Values(Sel("mi_y_reg"))), 1e-10, "mi regression");
        AssertClose(Values(Sel("mi_regression_k5")), MutualInformation.Regression(cols, Values(Sel("mi_y_reg")), 5), 1e-10, "mi regression k=5");
        AssertClose(Values(Sel("mi_classif")), MutualInformation.Classification(cols, Values(Sel("mi_y_cls"))), 1e-10, "mi classif");
        var model = new SelectKBest { K = 1, ScoreFunc = ScoreFunction.MutualInfoRegression }.Fit(x, Values(Sel("mi_y_reg")));
        Assert.Equal(["a"], model.FeatureNamesOut);
        Assert.Empty(model.PValues);
        Assert.Equal(-0.5772156649015329, MutualInformation.Digamma(1), 14);
    }
}
