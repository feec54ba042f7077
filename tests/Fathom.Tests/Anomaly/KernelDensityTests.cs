using Fathom.Anomaly;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;
using static Fathom.Tests.Anomaly.AnomalyTestData;

namespace Fathom.Tests.Anomaly;

public class KernelDensityTests
{
    private static readonly Matrix Iris = LinearTestData.LoadSample("iris.csv").X;
    private static readonly Matrix Queries = MatrixOf(Ref["kde"]!["queries"]);

    [Theory]
    [InlineData(DensityKernel.Gaussian)]
    [InlineData(DensityKernel.Tophat)]
    [InlineData(DensityKernel.Epanechnikov)]
    [InlineData(DensityKernel.Exponential)]
    [InlineData(DensityKernel.Linear)]
    [InlineData(DensityKernel.Cosine)]
    public void LogDensityEqualsScikitLearn(DensityKernel kernel)
    {
        string name = kernel.ToString().ToLowerInvariant();
        var est = new KernelDensity { Kernel = kernel, Bandwidth = 0.8 };
        // The cosine reference uses the first 3 features (scikit-learn's cosine normalisation is wrong for even d).
        int[] cols = kernel == DensityKernel.Cosine ? [0, 1, 2] : [0, 1, 2, 3];
        var x = Iris.SelectColumns(cols);
        var q = Queries.SelectColumns(cols);
        AssertLogDensities(LogDensities(Ref["kde"]![name]), est.Fit(x).ScoreSamples(q));
        var w = Doubles(Ref["kde"]!["weights"]);
        AssertLogDensities(LogDensities(Ref["kde"]![name + "_weighted"]), est.Fit(x, w).ScoreSamples(q));
    }

    [Theory]
    [InlineData(BandwidthRule.Scott, "scott")]
    [InlineData(BandwidthRule.Silverman, "silverman")]
    public void BandwidthRulesEqualScikitLearn(BandwidthRule rule, string name)
    {
        var model = new KernelDensity { BandwidthRule = rule }.Fit(Iris);
        Assert.Equal(Ref["kde"]![name + "_bandwidth"]!.GetValue<double>(), model.Bandwidth, 1e-14);
        AssertLogDensities(LogDensities(Ref["kde"]![name]), model.ScoreSamples(Queries));
    }

    [Fact]
    public void NormalisationIntegratesToOneInOneDimension()
    {
        // Trapezoid integral of exp(log p) over a wide grid around two points, every kernel: 1 within 1e-4.
        var x = Matrix.FromRows([[0.0], [1.5]]);
        var grid = Matrix.FromRows(Enumerable.Range(0, 40001).Select(i => new[] { -20 + i * 0.001 }).ToArray());
        foreach (var kernel in Enum.GetValues<DensityKernel>())
        {
            var p = new KernelDensity { Kernel = kernel, Bandwidth = 0.7 }.Fit(x).ScoreSamples(grid).Select(Math.Exp).ToArray();
            double integral = 0;
            for (int i = 1; i < p.Length; i++) integral += 0.5 * (p[i] + p[i - 1]) * 0.001;
            Assert.True(Math.Abs(integral - 1) < (kernel == DensityKernel.Tophat ? 2e-3 : 1e-4), $"{kernel}: integral {integral}"); // the trapezoid rule is first-order at the tophat's jumps
        }
    }

    [Theory]
    [InlineData(DensityKernel.Cosine)]
    [InlineData(DensityKernel.Epanechnikov)]
    [InlineData(DensityKernel.Linear)]
    public void NormalisationIntegratesToOneInTwoDimensions(DensityKernel kernel)
    {
        // Midpoint rule on a 600 × 600 grid over [−1, 1]² around one point with h = 1 (even d, where scikit-learn's
        // cosine constant is wrong).
        const int g = 600;
        var grid = new Matrix(g * g, 2);
        for (int i = 0; i < g; i++)
            for (int j = 0; j < g; j++)
            {
                grid[i * g + j, 0] = -1 + (i + 0.5) * 2.0 / g;
                grid[i * g + j, 1] = -1 + (j + 0.5) * 2.0 / g;
            }
        var model = new KernelDensity { Kernel = kernel, Bandwidth = 1 }.Fit(Matrix.FromRows([[0.0, 0.0]]));
        double integral = model.ScoreSamples(grid).Sum(v => Math.Exp(v)) * (2.0 / g) * (2.0 / g);
        Assert.Equal(1.0, integral, 1e-3);
    }

    [Fact]
    public void IntegerWeightsEqualRepeatedRows()
    {
        var w = Enumerable.Range(0, Iris.Rows).Select(i => (double)(i % 3)).ToArray();
        var rows = Enumerable.Range(0, Iris.Rows).SelectMany(i => Enumerable.Repeat(i, (int)w[i])).ToArray();
        foreach (var kernel in new[] { DensityKernel.Gaussian, DensityKernel.Epanechnikov })
        {
            var a = new KernelDensity { Kernel = kernel, Bandwidth = 0.5 }.Fit(Iris, w).ScoreSamples(Queries);
            var b = new KernelDensity { Kernel = kernel, Bandwidth = 0.5 }.Fit(Iris.SelectRows(rows)).ScoreSamples(Queries);
            for (int i = 0; i < a.Length; i++) Assert.Equal(b[i], a[i], 1e-12);
        }
    }

    [Fact]
    public void SamplesFollowTheKernel()
    {
        var x = Matrix.FromRows([[0.0, 0.0], [10.0, 10.0]]);
        var gauss = new KernelDensity { Bandwidth = 0.5 }.Fit(x).Sample(20000, seed: 3);
        // Each sample is near one of the two rows; within each cluster the spread is h per coordinate.
        var near0 = Enumerable.Range(0, gauss.Rows).Where(i => gauss[i, 0] < 5).ToArray();
        Assert.InRange(near0.Length, 9600, 10400);
        double var0 = near0.Average(i => gauss[i, 0] * gauss[i, 0]);
        Assert.Equal(0.25, var0, 0.02);
        var top = new KernelDensity { Kernel = DensityKernel.Tophat, Bandwidth = 2 }.Fit(x).Sample(5000, seed: 1);
        var r = Enumerable.Range(0, top.Rows).Select(i => Math.Min(Math.Sqrt(top[i, 0] * top[i, 0] + top[i, 1] * top[i, 1]),
            Math.Sqrt((top[i, 0] - 10) * (top[i, 0] - 10) + (top[i, 1] - 10) * (top[i, 1] - 10)))).ToArray();
        Assert.All(r, v => Assert.True(v <= 2));
        // Uniform in a disc of radius 2: P(r < 1) = 1/4.
        Assert.Equal(0.25, r.Count(v => v < 1) / (double)r.Length, 0.03);
        Assert.Throws<InvalidOperationException>(() => new KernelDensity { Kernel = DensityKernel.Cosine }.Fit(x).Sample(3));
    }

    [Fact]
    public void OffsetFlagsTheContaminationShareAndSaveLoadKeepsScores()
    {
        var model = new KernelDensity { Contamination = 0.2, Kernel = DensityKernel.Linear }.Fit(Iris, Doubles(Ref["kde"]!["weights"]));
        Assert.Equal(30, model.Predict(Iris).Count(v => v == -1));
        var back = (KernelDensityModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.ScoreSamples(Queries), back.ScoreSamples(Queries));
        Assert.Equal(model.Offset, back.Offset);
    }

    /// <summary>Reference log densities; null stands for −∞ (no training row within h).</summary>
    private static double[] LogDensities(System.Text.Json.Nodes.JsonNode? node) =>
        node!.AsArray().Select(v => v is null ? double.NegativeInfinity : v.GetValue<double>()).ToArray();

    private static void AssertLogDensities(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNegativeInfinity(expected[i])) Assert.True(double.IsNegativeInfinity(actual[i]), $"row {i}: {actual[i]} vs -inf");
            else Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-8, $"row {i}: {actual[i]:R} vs {expected[i]:R}");
        }
    }
}
