using System.Text.Json.Nodes;
using Fathom.Cluster;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

public class GaussianMixtureTests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Cluster", "Reference", "gmm_reference.json")))!);

    private static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static Matrix Rows(JsonNode node) => Matrix.FromRows(node.AsArray().Select(Doubles).ToArray());

    /// <summary>scikit-learn's precisions in Fathom's layout: (k·d) × d, d × d, k × d or k × 1.</summary>
    private static Matrix Precisions(JsonNode node, GaussianMixtureCovariance type) => type switch
    {
        GaussianMixtureCovariance.Full => Matrix.FromRows(node.AsArray().SelectMany(b => b!.AsArray().Select(Doubles)).ToArray()),
        GaussianMixtureCovariance.Spherical => Matrix.FromRows(Doubles(node).Select(v => new[] { v }).ToArray()),
        _ => Rows(node),
    };

    private static GaussianMixture FromReference(GaussianMixtureCovariance type, JsonNode run)
    {
        var root = Reference.Value;
        string key = Hyperparameters.ToSnakeCase(type.ToString());
        return new GaussianMixture
        {
            Components = root["n_components"]!.GetValue<int>(),
            CovarianceType = type,
            RegCovar = root["reg_covar"]!.GetValue<double>(),
            Tol = run["tol"]!.GetValue<double>(),
            MaxIter = run["max_iter"]!.GetValue<int>(),
            WeightsInit = Doubles(root["init"]!["weights"]!),
            MeansInit = Rows(root["init"]!["means"]!),
            PrecisionsInit = Precisions(root[key]!["precisions_init"]!, type),
        };
    }

    public static TheoryData<GaussianMixtureCovariance, string> Cases()
    {
        var data = new TheoryData<GaussianMixtureCovariance, string>();
        foreach (var t in Enum.GetValues<GaussianMixtureCovariance>())
            foreach (var run in new[] { "default", "tight" }) data.Add(t, run);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IrisFromScikitLearnsStartReachesItsLogLikelihoodAndParameters(GaussianMixtureCovariance type, string runName)
    {
        var x = TestDatasets.Iris().X;
        var run = Reference.Value[Hyperparameters.ToSnakeCase(type.ToString())]![runName]!;
        var model = FromReference(type, run).Fit(x);

        Assert.Equal(run["n_iter"]!.GetValue<int>(), model.Iterations);
        Assert.Equal(run["converged"]!.GetValue<bool>(), model.Converged);
        Assert.Equal(run["lower_bound"]!.GetValue<double>(), model.LowerBound, 1e-8);
        Assert.Equal(run["score"]!.GetValue<double>(), model.Score(x), 1e-8);
        Assert.Equal(run["bic"]!.GetValue<double>(), model.Bic(x), 1e-5);
        Assert.Equal(run["aic"]!.GetValue<double>(), model.Aic(x), 1e-5);
        var w = Doubles(run["weights"]!);
        for (int j = 0; j < w.Length; j++) Assert.Equal(w[j], model.Weights[j], 1e-7);
        AssertClose(Rows(run["means"]!), model.Means, 1e-6);
        AssertClose(Precisions(run["covariances"]!, type), model.Covariances, 1e-6);

        var rows = run.Root["rows"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var sub = x.SelectRows(rows);
        var ss = Doubles(run["score_samples"]!);
        var got = model.ScoreSamples(sub);
        for (int i = 0; i < ss.Length; i++) Assert.Equal(ss[i], got[i], 1e-7);
        AssertClose(Rows(run["predict_proba"]!), model.PredictProba(sub), 1e-7);
        Assert.Equal(ClusterReference.Ints(run["labels"]!), model.Predict(x));
        Assert.Equal(model.Predict(x), model.Labels);
    }

    [Fact]
    public void PrecisionsAreTheInverseCovariances()
    {
        var x = TestDatasets.Iris().X;
        foreach (var type in Enum.GetValues<GaussianMixtureCovariance>())
        {
            var model = new GaussianMixture { Components = 3, CovarianceType = type, Seed = 1 }.Fit(x);
            for (int j = 0; j < 3; j++)
            {
                var cov = model.ComponentCovariance(j);
                var inv = Fathom.LinearAlgebra.CholeskyDecomposition.Decompose(cov).Inverse();
                var p = model.Precisions;
                for (int r = 0; r < 4; r++)
                    for (int c = 0; c < 4; c++)
                    {
                        double expected = type switch
                        {
                            GaussianMixtureCovariance.Full => p[j * 4 + r, c],
                            GaussianMixtureCovariance.Tied => p[r, c],
                            GaussianMixtureCovariance.Diag => r == c ? p[j, r] : 0,
                            _ => r == c ? p[j, 0] : 0,
                        };
                        Assert.Equal(expected, inv[r, c], 1e-6 * Math.Max(1, Math.Abs(expected)));
                    }
            }
            Assert.Equal(1.0, model.Weights.Sum(), 12);
        }
    }

    [Fact]
    public void KMeansAndRandomStartsFindTheIrisOptimumAndMoreRunsNeverHurt()
    {
        var x = TestDatasets.Iris().X;
        double best = Reference.Value["full"]!["tight"]!["score"]!.GetValue<double>();
        var one = new GaussianMixture { Components = 3, Seed = 0 }.Fit(x);
        var many = new GaussianMixture { Components = 3, Seed = 0, NInit = 5, Init = GaussianMixtureInit.Random }.Fit(x);
        Assert.True(one.Converged);
        // k-means start on iris reaches scikit-learn's optimum (to the default tol).
        Assert.Equal(best, one.Score(x), 2e-3);
        Assert.True(many.LowerBound >= new GaussianMixture { Components = 3, Seed = 0, Init = GaussianMixtureInit.Random }.Fit(x).LowerBound);
    }

    [Fact]
    public void SingularCovarianceWithoutRegularizationIsAClearErrorNamingRegCovar()
    {
        var iris = TestDatasets.Iris().X;
        // A duplicated column makes every full covariance exactly singular.
        var dup = new Matrix(iris.Rows, 5);
        for (int i = 0; i < iris.Rows; i++)
        {
            iris.Row(i).CopyTo(dup.Row(i)[..4]);
            dup[i, 4] = iris[i, 0];
        }
        var e = Assert.Throws<InvalidInputException>(() => new GaussianMixture { Components = 2, RegCovar = 0 }.Fit(dup));
        Assert.Contains("reg_covar", e.Message);
        Assert.Contains("singular", e.Message);
        // With the default regularization the same data fit.
        Assert.Equal(2, new GaussianMixture { Components = 2 }.Fit(dup).ComponentCount);
        // Diagonal: a constant column has zero variance.
        var constant = iris.Clone();
        for (int i = 0; i < constant.Rows; i++) constant[i, 1] = 3;
        var e2 = Assert.Throws<InvalidInputException>(() =>
            new GaussianMixture { Components = 2, RegCovar = 0, CovarianceType = GaussianMixtureCovariance.Diag }.Fit(constant));
        Assert.Contains("reg_covar", e2.Message);
    }

    [Fact]
    public void BadParametersAndDataNameTheProblem()
    {
        var x = TestDatasets.Iris().X;
        Assert.Equal("components", Assert.Throws<InvalidHyperparameterException>(() =>
            new GaussianMixture { Components = 5 }.Fit(new double[,] { { 1 }, { 2 } })).Parameter);
        Assert.Equal("reg_covar", Assert.Throws<InvalidHyperparameterException>(() => new GaussianMixture { RegCovar = -1 }.Fit(x)).Parameter);
        Assert.Equal("tol", Assert.Throws<InvalidHyperparameterException>(() => new GaussianMixture { Tol = -1 }.Fit(x)).Parameter);
        Assert.Equal("weights_init", Assert.Throws<InvalidHyperparameterException>(() =>
            new GaussianMixture { Components = 2, WeightsInit = [0.5, 0.6] }.Fit(x)).Parameter);
        Assert.Equal("means_init", Assert.Throws<InvalidHyperparameterException>(() =>
            new GaussianMixture { Components = 2, MeansInit = new Matrix(2, 3) }.Fit(x)).Parameter);
        Assert.Equal("precisions_init", Assert.Throws<InvalidHyperparameterException>(() =>
            new GaussianMixture { Components = 2, PrecisionsInit = new Matrix(4, 4) }.Fit(x)).Parameter);
        var notPd = new Matrix(8, 4);
        Assert.Equal("precisions_init", Assert.Throws<InvalidHyperparameterException>(() =>
            new GaussianMixture { Components = 2, PrecisionsInit = notPd }.Fit(x)).Parameter);
        var nan = x.Clone();
        nan[7, 2] = double.NaN;
        var e = Assert.Throws<InvalidInputException>(() => new GaussianMixture().Fit(nan));
        Assert.Equal(7, e.Row);
        var model = new GaussianMixture().Fit(x);
        Assert.Throws<InvalidInputException>(() => model.Predict(new Matrix(2, 3)));
    }

    [Fact]
    public void IntegerWeightsEqualRepeatedRowsFromTheSameStart()
    {
        var x = TestDatasets.Iris().X;
        var run = Reference.Value["full"]!["default"]!;
        var est = FromReference(GaussianMixtureCovariance.Full, run) with { Tol = 1e-8 };
        var w = Enumerable.Range(0, x.Rows).Select(i => (double)(1 + i % 3)).ToArray();
        var rows = Enumerable.Range(0, x.Rows).SelectMany(i => Enumerable.Repeat(i, (int)w[i])).ToArray();
        var weighted = est.Fit(x, w);
        var repeated = est.Fit(x.SelectRows(rows));
        AssertClose(repeated.Means, weighted.Means, 1e-7);
        AssertClose(repeated.Covariances, weighted.Covariances, 1e-7);
        Assert.Equal(repeated.Iterations, weighted.Iterations);
    }

    [Fact]
    public void SamplesFollowTheMixtureAndRepeatWithTheSeed()
    {
        var x = TestDatasets.Iris().X;
        var model = new GaussianMixture { Components = 2, CovarianceType = GaussianMixtureCovariance.Full }.Fit(x);
        var (s, comp) = model.Sample(40000, seed: 3);
        Assert.Equal(s.AsSpan().ToArray(), model.Sample(40000, seed: 3).X.AsSpan().ToArray());
        for (int j = 0; j < 2; j++)
        {
            var idx = Enumerable.Range(0, comp.Length).Where(i => comp[i] == j).ToArray();
            Assert.Equal(model.Weights[j], idx.Length / 40000.0, 0.015);
            var part = s.SelectRows(idx);
            var (mean, _) = Reductions.ColumnMeanVariance(part);
            var cov = model.ComponentCovariance(j);
            for (int f = 0; f < 4; f++)
            {
                double sd = Math.Sqrt(cov[f, f]);
                Assert.Equal(model.Means[j, f], mean[f], 5 * sd / Math.Sqrt(idx.Length));
                // Empirical covariance entry within a loose tolerance.
                double c01 = idx.Average(i => (s[i, f] - mean[f]) * (s[i, 0] - mean[0]));
                Assert.Equal(cov[f, 0], c01, 0.1 * Math.Sqrt(cov[f, f] * cov[0, 0]) + 1e-3);
            }
        }
    }

    [Fact]
    public void SaveLoadKeepsEveryOutput()
    {
        var x = TestDatasets.Iris().X;
        foreach (var type in Enum.GetValues<GaussianMixtureCovariance>())
        {
            var model = new GaussianMixture { Components = 3, CovarianceType = type }.Fit(x);
            var back = (GaussianMixtureModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
            Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), back.PredictProba(x).AsSpan().ToArray());
            Assert.Equal(model.Labels, back.Labels);
            Assert.Equal(model.LowerBound, back.LowerBound);
            Assert.Equal(type, back.CovarianceType);
        }
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheModel()
    {
        var (x, _) = Synthetic.Blobs(3000, 5, 4, seed: 4);
        var est = new GaussianMixture { Components = 4, Seed = 2 };
        var a = est.Fit(x, context: new FitContext { MaxThreads = 1 });
        var b = est.Fit(x, context: new FitContext { MaxThreads = 4 });
        Assert.Equal(a.Means.AsSpan().ToArray(), b.Means.AsSpan().ToArray());
        Assert.Equal(a.LowerBound, b.LowerBound);
    }

    private static void AssertClose(Matrix expected, Matrix actual, double tol)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns, actual.Columns);
        for (int i = 0; i < expected.Rows; i++)
            for (int j = 0; j < expected.Columns; j++)
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) <= tol * Math.Max(1, Math.Abs(expected[i, j])),
                    $"[{i},{j}]: expected {expected[i, j]}, got {actual[i, j]}");
    }
}
