using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Decomposition;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Decomposition;

public class PCATests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Decomposition", "Reference", "pca_reference.json")))!);

    private static double[] Doubles(JsonNode n) => n.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static double[][] Rows(JsonNode n) => n.AsArray().Select(r => Doubles(r!)).ToArray();

    private static Matrix StandardizedIris()
    {
        var x = TestDatasets.Iris().X.Clone();
        var (mean, variance) = Reductions.ColumnMeanVariance(x);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++) x[i, j] = (x[i, j] - mean[j]) / Math.Sqrt(variance[j]);
        return x;
    }

    private static Matrix Digits() => TestDatasets.LoadCsv("digits.csv", "target").X;

    public static TheoryData<string> Datasets() => new() { "iris_standardized", "digits" };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void MatchesScikitLearnFullSvd(string name)
    {
        var x = name == "digits" ? Digits() : StandardizedIris();
        var r = Reference.Value[name]!;
        var model = new PCA { SvdSolver = PcaSolver.Full }.Fit(x);
        var expectedRatio = Doubles(r["explained_variance_ratio"]!);
        var expectedVar = Doubles(r["explained_variance"]!);
        Assert.Equal(expectedRatio.Length, model.ComponentCount);
        for (int i = 0; i < expectedRatio.Length; i++)
        {
            Assert.Equal(expectedRatio[i], model.ExplainedVarianceRatio[i], 1e-10);
            Assert.Equal(expectedVar[i], model.ExplainedVariance[i], 1e-10 * Math.Max(1, expectedVar[0]));
        }
        var expected = Rows(r["components"]!);
        int compare = r["compare"]!.GetValue<int>();
        var c = model.Components;
        int sameSign = 0;
        for (int k = 0; k < compare; k++)
        {
            double dot = Blas.Dot(c.Row(k), expected[k]);
            double sign = Math.Sign(dot);
            if (sign > 0) sameSign++;
            for (int j = 0; j < x.Columns; j++) Assert.Equal(expected[k][j], sign * c[k, j], 1e-10);
        }
        // The sign convention (svd_flip on U) is the same as scikit-learn's, so signs agree too.
        Assert.Equal(compare, sameSign);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void FractionNoiseVarianceAndWhiteningMatchScikitLearn(string name)
    {
        var x = name == "digits" ? Digits() : StandardizedIris();
        var r = Reference.Value[name]!;
        var frac = new PCA { NComponents = 0.9, SvdSolver = PcaSolver.Full }.Fit(x);
        Assert.Equal(r["n_components_0_9"]!.GetValue<int>(), frac.ComponentCount);
        int k = r["k"]!.GetValue<int>();
        var fixedK = new PCA { NComponents = k, SvdSolver = PcaSolver.Full }.Fit(x);
        double noise = r["noise_variance_k"]!.GetValue<double>();
        Assert.Equal(noise, fixedK.NoiseVariance, 1e-10 * Math.Max(1, noise));
        var white = new PCA { NComponents = 3, Whiten = true, SvdSolver = PcaSolver.Full }.Fit(x);
        var z = white.Transform(x.RowRange(0, 5));
        var expected = Rows(r["whiten3_first5"]!);
        for (int j = 0; j < 3; j++)
        {
            double sign = Math.Sign(z[0, j] * expected[0][j]);
            for (int i = 0; i < 5; i++) Assert.Equal(expected[i][j], sign * z[i, j], 1e-9);
        }
    }

    [Fact]
    public void InverseTransformRecoversTheDataWithAllComponents()
    {
        var x = StandardizedIris();
        foreach (bool whiten in new[] { false, true })
        {
            var model = new PCA { Whiten = whiten }.Fit(x);
            var back = model.InverseTransform(model.Transform(x));
            for (int i = 0; i < x.Rows; i++)
                for (int j = 0; j < x.Columns; j++) Assert.Equal(x[i, j], back[i, j], 1e-12);
        }
        // Frame form: columns pca0.. in, input names out.
        var m = new PCA { NComponents = 2 }.Fit(Fathom.Data.DataFrame.FromMatrix(x, ["a", "b", "c", "d"]));
        var z = m.Transform(Fathom.Data.DataFrame.FromMatrix(x, ["a", "b", "c", "d"]));
        Assert.Equal(["pca0", "pca1"], z.ColumnNames);
        Assert.Equal(["a", "b", "c", "d"], m.InverseTransform(z).ColumnNames);
    }

    [Fact]
    public void TransformIsTheProjectionOnOrthonormalComponents()
    {
        var x = Digits();
        var model = new PCA { NComponents = 5, SvdSolver = PcaSolver.Full }.Fit(x);
        var c = model.Components;
        for (int a = 0; a < 5; a++)
            for (int b = 0; b < 5; b++) Assert.Equal(a == b ? 1.0 : 0.0, Blas.Dot(c.Row(a), c.Row(b)), 12);
        var z = model.Transform(x);
        // Variance of each projection equals the explained variance (independent of the SVD).
        var variance = Reductions.ColumnVariances(z, ddof: 1);
        for (int k = 0; k < 5; k++) Assert.Equal(model.ExplainedVariance[k], variance[k], 1e-8 * model.ExplainedVariance[0]);
    }

    [Fact]
    public void RandomizedSolverAgreesWithFullOnLowRankData()
    {
        // Rank-6 signal plus small noise: the randomized range finder captures the top 4 directions exactly.
        var basis = Synthetic.Gaussian(6, 40, seed: 1);
        var coef = Synthetic.Gaussian(600, 6, seed: 2);
        for (int i = 0; i < coef.Rows; i++)
            for (int j = 0; j < 6; j++) coef[i, j] *= 10.0 / (j + 1);
        var x = MatrixOps.Multiply(coef, basis);
        var noise = Synthetic.Gaussian(600, 40, seed: 3);
        for (int i = 0; i < x.Rows; i++) Blas.Axpy(1e-3, noise.Row(i), x.Row(i));
        var full = new PCA { NComponents = 4, SvdSolver = PcaSolver.Full }.Fit(x);
        var rand = new PCA { NComponents = 4, SvdSolver = PcaSolver.Randomized }.Fit(x);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(full.ExplainedVarianceRatio[k], rand.ExplainedVarianceRatio[k], 1e-9);
            Assert.Equal(full.SingularValues[k], rand.SingularValues[k], 1e-8 * full.SingularValues[0]);
            for (int j = 0; j < 40; j++) Assert.Equal(full.Components[k, j], rand.Components[k, j], 1e-7);
        }
        Assert.Equal(full.NoiseVariance, rand.NoiseVariance, 1e-8);
    }

    [Fact]
    public void BadComponentCountsAreClearErrors()
    {
        var x = StandardizedIris();
        Assert.Equal("n_components", Assert.Throws<InvalidHyperparameterException>(() => new PCA { NComponents = 5 }.Fit(x)).Parameter);
        Assert.Equal("n_components", Assert.Throws<InvalidHyperparameterException>(() => new PCA { NComponents = 2.5 }.Fit(x)).Parameter);
        Assert.Equal("n_components", Assert.Throws<InvalidHyperparameterException>(
            () => new PCA { NComponents = 0.5, SvdSolver = PcaSolver.Randomized }.Fit(x)).Parameter);
        Assert.Throws<InvalidHyperparameterException>(() => new PCA { NComponents = -1 }.Fit(x));
    }

    [Fact]
    public void SaveLoadKeepsState()
    {
        var x = StandardizedIris();
        var model = new PCA { NComponents = 2, Whiten = true }.Fit(x);
        var back = (PCAModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.ExplainedVarianceRatio, back.ExplainedVarianceRatio);
        Assert.Equal(model.NoiseVariance, back.NoiseVariance);
        Assert.Equal(model.Transform(x).AsSpan().ToArray(), back.Transform(x).AsSpan().ToArray());
    }
}

public class PCAColumnOrderTests
{
    [Fact]
    public void RefitOnPermutedColumnsGivesTheSameProjection()
    {
        var x = TestDatasets.Iris().X;
        var frame = Fathom.Data.DataFrame.FromMatrix(x);
        var reordered = frame.Select("x2", "x0", "x3", "x1");
        var fitted = new PCA().Fit(frame);
        var a = fitted.Transform(frame);
        Assert.Equal(a.ToMatrix().AsSpan().ToArray(), fitted.Transform(reordered).ToMatrix().AsSpan().ToArray());
        var b = new PCA().Fit(reordered).Transform(frame);
        var ma = a.ToMatrix();
        var mb = b.ToMatrix();
        for (int i = 0; i < ma.Rows; i++)
            for (int j = 0; j < ma.Columns; j++) Assert.Equal(ma[i, j], mb[i, j], 1e-10);
    }
}
