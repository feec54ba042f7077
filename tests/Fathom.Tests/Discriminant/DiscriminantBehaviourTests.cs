using Fathom.Core;
using Fathom.Discriminant;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Discriminant;

/// <summary>Errors, warnings, persistence and closed-form checks of LDA and QDA.</summary>
public class DiscriminantBehaviourTests
{
    private static (Matrix X, string[] Y) Iris() => LinearTestData.LoadSample("iris.csv");

    private static Matrix WithConstantColumn(Matrix x)
    {
        var c = x.Clone();
        for (int i = 0; i < c.Rows; i++) c[i, 1] = 5.0;
        return c;
    }

    [Fact]
    public void QdaConstantFeatureWithoutRegularizationThrowsClearError()
    {
        var (x, y) = Iris();
        var e = Assert.Throws<InvalidInputException>(() => new QuadraticDiscriminantAnalysis().Fit(WithConstantColumn(x), y));
        Assert.Contains("singular", e.Message, StringComparison.Ordinal);
        Assert.Contains("reg_param", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QdaConstantFeatureWithRegularizationWarnsCollinearAndGivesFiniteProbabilities()
    {
        var (x, y) = Iris();
        var log = new List<string>();
        var m = new QuadraticDiscriminantAnalysis { RegParam = 0.1 }.Fit(WithConstantColumn(x), y, context: new FitContext { Log = log.Add });
        Assert.Equal(3, log.Count(l => l.Contains("collinear", StringComparison.Ordinal)));
        Assert.All(m.PredictProba(WithConstantColumn(x)).AsSpan().ToArray(), v => Assert.True(double.IsFinite(v)));
        // The constant axis has variance exactly reg_param.
        Assert.Equal(0.1, m.Scalings[0].Min(), 1e-12);
    }

    [Fact]
    public void QdaClassWithOneRowThrows()
    {
        var x = new Matrix(new double[] { 0, 0, 1, 1, 2, 0, 5, 5 }, 4, 2);
        var e = Assert.Throws<InvalidInputException>(() => new QuadraticDiscriminantAnalysis().Fit(x, new[] { "a", "a", "a", "b" }));
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QdaStoredCovarianceIsTheUnbiasedClassCovariance()
    {
        var (x, y) = Iris();
        var m = new QuadraticDiscriminantAnalysis { StoreCovariance = true }.Fit(x, y);
        var rows = Enumerable.Range(0, y.Length).Where(i => y[i] == m.Classes[1]).ToArray();
        var xc = x.SelectRows(rows);
        var mean = Reductions.ColumnMeans(xc);
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
            {
                double s = 0;
                foreach (int i in rows) s += (x[i, a] - mean[a]) * (x[i, b] - mean[b]);
                Assert.Equal(s / (rows.Length - 1), m.Covariance![1][a, b], 1e-12);
            }
    }

    [Fact]
    public void LdaStoredCovarianceIsThePriorWeightedClassCovariance()
    {
        var (x, y) = Iris();
        var m = new LinearDiscriminantAnalysis { StoreCovariance = true }.Fit(x, y);
        var expected = new double[4, 4];
        for (int c = 0; c < 3; c++)
        {
            var rows = Enumerable.Range(0, y.Length).Where(i => y[i] == m.Classes[c]).ToArray();
            var mean = Reductions.ColumnMeans(x.SelectRows(rows));
            for (int a = 0; a < 4; a++)
                for (int b = 0; b < 4; b++)
                {
                    double s = 0;
                    foreach (int i in rows) s += (x[i, a] - mean[a]) * (x[i, b] - mean[b]);
                    expected[a, b] += m.Priors[c] * s / rows.Length;
                }
        }
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++) Assert.Equal(expected[a, b], m.Covariance![a, b], 1e-12);
    }

    [Fact]
    public void LdaSolversAgreeOnProbabilities()
    {
        var (x, y) = Iris();
        // lsqr and eigen use the same covariance (divided by n) and must agree; svd divides by n − classes, as scikit-learn.
        var lsqr = new LinearDiscriminantAnalysis { Solver = LdaSolver.Lsqr }.Fit(x, y).PredictProba(x);
        var eigen = new LinearDiscriminantAnalysis { Solver = LdaSolver.Eigen }.Fit(x, y).PredictProba(x);
        for (int i = 0; i < lsqr.Rows; i++)
            for (int c = 0; c < 3; c++) Assert.Equal(lsqr[i, c], eigen[i, c], 1e-9);
    }

    [Fact]
    public void LdaShrinkageWithSvdIsRejected()
    {
        var (x, y) = Iris();
        var e = Assert.Throws<InvalidHyperparameterException>(() => new LinearDiscriminantAnalysis { Shrinkage = 0.5 }.Fit(x, y));
        Assert.Equal("shrinkage", e.Parameter);
        Assert.Throws<InvalidHyperparameterException>(() => new LinearDiscriminantAnalysis { Solver = LdaSolver.Lsqr, Shrinkage = 1.5 }.Fit(x, y));
    }

    [Fact]
    public void LdaEigenOnSingularCovarianceThrowsAndSvdCopes()
    {
        var (x, y) = Iris();
        var xs = WithConstantColumn(x);
        var e = Assert.Throws<InvalidInputException>(() => new LinearDiscriminantAnalysis { Solver = LdaSolver.Eigen }.Fit(xs, y));
        Assert.Contains("singular", e.Message, StringComparison.Ordinal);
        var m = new LinearDiscriminantAnalysis().Fit(xs, y);
        Assert.Equal(0.0, m.Coefficients[0, 1], 1e-12);
        Assert.True(m.Predict(xs).Zip(y).Count(p => p.First == p.Second) > 140);
    }

    [Fact]
    public void LdaComponentsAndTransform()
    {
        var (x, y) = Iris();
        Assert.Throws<InvalidHyperparameterException>(() => new LinearDiscriminantAnalysis { NComponents = 3 }.Fit(x, y));
        var m = new LinearDiscriminantAnalysis { NComponents = 1 }.Fit(x, y);
        Assert.Equal(1, m.Transform(x).Columns);
        Assert.Single(m.ExplainedVarianceRatio!);
        var lsqr = new LinearDiscriminantAnalysis { Solver = LdaSolver.Lsqr }.Fit(x, y);
        Assert.Throws<InvalidOperationException>(() => lsqr.Transform(x));
        Assert.Throws<InvalidInputException>(() => m.Transform(new Matrix(2, 3)));
    }

    [Fact]
    public void LdaNeedsMoreRowsThanClasses()
    {
        var x = new Matrix(new double[] { 0, 1, 2, 3 }, 2, 2);
        var e = Assert.Throws<InvalidInputException>(() => new LinearDiscriminantAnalysis().Fit(x, new[] { "a", "b" }));
        Assert.Contains("larger than the number of classes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriorsNotSummingToOneAreRenormalizedWithAWarning()
    {
        var (x, y) = Iris();
        var log = new List<string>();
        var m = new LinearDiscriminantAnalysis { Priors = [1, 1, 2] }.Fit(x, y, context: new FitContext { Log = log.Add });
        Assert.Equal([0.25, 0.25, 0.5], m.Priors);
        Assert.Contains(log, l => l.Contains("renormalized", StringComparison.Ordinal));
        Assert.Throws<InvalidHyperparameterException>(() => new LinearDiscriminantAnalysis { Priors = [0.5, 0.5] }.Fit(x, y));
        Assert.Throws<InvalidHyperparameterException>(() => new QuadraticDiscriminantAnalysis { Priors = [-0.5, 0.5, 1] }.Fit(x, y));
    }

    [Fact]
    public void SampleWeightsAreIgnoredWithAWarning()
    {
        var (x, y) = Iris();
        var log = new List<string>();
        var w = Enumerable.Range(0, y.Length).Select(i => 1.0 + i % 3).ToArray();
        var a = new QuadraticDiscriminantAnalysis().Fit(x, y, w, new FitContext { Log = log.Add }).PredictProba(x);
        var b = new QuadraticDiscriminantAnalysis().Fit(x, y).PredictProba(x);
        Assert.Equal(b.AsSpan().ToArray(), a.AsSpan().ToArray());
        Assert.Contains(log, l => l.Contains("ignored", StringComparison.Ordinal));
        Assert.False(((IEstimator)new LinearDiscriminantAnalysis()).Tags.SupportsSampleWeight);
    }

    [Fact]
    public void SaveLoadKeepsPriorsAndState()
    {
        var (x, y) = Iris();
        var lda = new LinearDiscriminantAnalysis { Solver = LdaSolver.Eigen, Shrinkage = 0.2, Priors = [0.2, 0.3, 0.5], StoreCovariance = true }.Fit(x, y);
        var lda2 = (LinearDiscriminantAnalysisModel)ModelFile.Deserialize(ModelFile.Serialize(lda)).Model;
        Assert.Equal(lda.Parameters.Priors, lda2.Parameters.Priors);
        Assert.Equal(lda.PredictProba(x).AsSpan().ToArray(), lda2.PredictProba(x).AsSpan().ToArray());
        Assert.Equal(lda.Transform(x).AsSpan().ToArray(), lda2.Transform(x).AsSpan().ToArray());
        Assert.Equal(lda.ExplainedVarianceRatio, lda2.ExplainedVarianceRatio);
        var qda = new QuadraticDiscriminantAnalysis { RegParam = 0.05, Priors = [0.2, 0.3, 0.5], StoreCovariance = true }.Fit(x, y);
        var qda2 = (QuadraticDiscriminantAnalysisModel)ModelFile.Deserialize(ModelFile.Serialize(qda)).Model;
        Assert.Equal(qda.Parameters, qda2.Parameters with { Priors = qda.Parameters.Priors });
        Assert.Equal(qda.Parameters.Priors, qda2.Parameters.Priors);
        Assert.Equal(qda.PredictProba(x).AsSpan().ToArray(), qda2.PredictProba(x).AsSpan().ToArray());
        Assert.Equal(qda.Covariance![2].AsSpan().ToArray(), qda2.Covariance![2].AsSpan().ToArray());
    }

    [Fact]
    public void ReachableFromTheCatalog()
    {
        Assert.IsType<LinearDiscriminantAnalysis>(EstimatorCatalog.Find("lda").Create());
        Assert.IsType<QuadraticDiscriminantAnalysis>(EstimatorCatalog.Find("qda").Create());
    }
}
