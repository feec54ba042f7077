using Fathom.Core;
using Fathom.Decomposition;
using Fathom.Manifold;
using Fathom.Numerics;

namespace Fathom.Tests.Manifold;

public class EmbeddingMetricsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void TrustworthinessMatchesScikitLearn(int k)
    {
        var t = ManifoldReference.TsneReference["trust"]!;
        var x = ManifoldReference.ToMatrix(t["x"]!);
        var e = ManifoldReference.ToMatrix(t["e"]!);
        double expected = t["t"]![k.ToString(System.Globalization.CultureInfo.InvariantCulture)]!.GetValue<double>();
        Assert.Equal(expected, EmbeddingMetrics.Trustworthiness(x, e, k), 1e-10);
    }

    [Fact]
    public void TrustworthinessOfDigitsPcaMatchesScikitLearn()
    {
        var x = ManifoldReference.Digits;
        var z = new PCA { NComponents = 2, SvdSolver = PcaSolver.Full }.Fit(x).Transform(x);
        var d = ManifoldReference.TsneReference["digits"]!;
        double t = EmbeddingMetrics.Trustworthiness(x, z, 5);
        // digits pixels are integers, so original distances tie; ranked by row index (a stable sort) the value is
        // sklearn's formula to 1e-10; sklearn itself orders ties by numpy's unstable quicksort, a few ranks apart
        Assert.Equal(d["pca_trustworthiness_k5_stable"]!.GetValue<double>(), t, 1e-10);
        Assert.Equal(d["pca_trustworthiness_k5"]!.GetValue<double>(), t, 1e-5);
    }

    [Fact]
    public void TrustworthinessOfTheDataItselfIsOne()
    {
        var t = ManifoldReference.TsneReference["trust"]!;
        var x = ManifoldReference.ToMatrix(t["x"]!);
        Assert.Equal(1.0, EmbeddingMetrics.Trustworthiness(x, x, 5), 12);
    }

    [Fact]
    public void TrustworthinessRejectsBadInput()
    {
        var x = new Matrix(10, 2);
        for (int i = 0; i < 10; i++) x[i, 0] = i;
        Assert.Throws<InvalidInputException>(() => EmbeddingMetrics.Trustworthiness(x, new Matrix(9, 2), 2));
        Assert.Throws<InvalidInputException>(() => EmbeddingMetrics.Trustworthiness(x, x, 5));
        var bad = x.Clone();
        bad[3, 1] = double.NaN;
        Assert.Throws<InvalidInputException>(() => EmbeddingMetrics.Trustworthiness(x, bad, 2));
    }
}
