using Fathom.Core;
using Fathom.Numerics;
using Fathom.Svm;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Svm;

/// <summary>Bad hyperparameters and data give clear errors naming the parameter or the problem.</summary>
public class SvmErrorTests
{
    private static readonly Matrix X = new double[,] { { 0, 1 }, { 1, 0 }, { 2, 2 }, { 3, 1 }, { 0, 0 }, { 1, 3 } };
    private static readonly string[] Y = ["a", "a", "b", "b", "a", "b"];

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void NonPositiveCIsRejected(double c)
    {
        var e = Assert.Throws<InvalidHyperparameterException>(() => new SVC { C = c }.Fit(X, Y));
        Assert.Equal("c", e.Parameter);
        Assert.Contains("(0, ", e.Message);
        Assert.Equal("c", Assert.Throws<InvalidHyperparameterException>(() => new SVR { C = c }.Fit(X, [1, 2, 3, 4, 5, 6])).Parameter);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void NuOutsideTheUnitIntervalIsRejected(double nu)
    {
        Assert.Equal("nu", Assert.Throws<InvalidHyperparameterException>(() => new NuSVC { Nu = nu }.Fit(X, Y)).Parameter);
        Assert.Equal("nu", Assert.Throws<InvalidHyperparameterException>(() => new NuSVR { Nu = nu }.Fit(X, [1, 2, 3, 4, 5, 6])).Parameter);
        Assert.Equal("nu", Assert.Throws<InvalidHyperparameterException>(() => new OneClassSVM { Nu = nu }.Fit(X)).Parameter);
    }

    [Fact]
    public void UnknownKernelIsRejected()
    {
        var e = Assert.Throws<InvalidHyperparameterException>(() => new SVC { Kernel = (SvmKernel)42 }.Fit(X, Y));
        Assert.Equal("kernel", e.Parameter);
        var parse = Assert.Throws<InvalidHyperparameterException>(() => Hyperparameters.With(new SVC(), [new("kernel", "precomputed")]));
        Assert.Equal("kernel", parse.Parameter);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("large")]
    public void BadGammaIsRejected(string gamma)
    {
        var e = Assert.Throws<InvalidHyperparameterException>(() => new SVC { Gamma = gamma }.Fit(X, Y));
        Assert.Equal("gamma", e.Parameter);
        Assert.Contains("scale", e.Message);
    }

    [Fact]
    public void OneClassIsRejectedClearly()
    {
        var e = Assert.Throws<InvalidInputException>(() => new SVC().Fit(X, new[] { "a", "a", "a", "a", "a", "a" }));
        Assert.Contains("only one class", e.Message);
        var w = new[] { 1.0, 1, 0, 0, 1, 0 }; // class b has no positive weight
        var e2 = Assert.Throws<InvalidInputException>(() => new SVC().Fit(X, Y, w));
        Assert.Contains("'b'", e2.Message);
    }

    [Fact]
    public void InfeasibleNuIsRejectedClearly()
    {
        // classes of 2 and 4 rows: nu·6/2 ≤ 2 needs nu ≤ 2/3
        string[] y = ["a", "a", "b", "b", "b", "b"];
        var e = Assert.Throws<InvalidHyperparameterException>(() => new NuSVC { Nu = 0.9 }.Fit(X, y));
        Assert.Equal("nu", e.Parameter);
        Assert.Contains("infeasible", e.Message);
        var ok = new NuSVC { Nu = 0.6 }.Fit(X, y);
        Assert.Equal(2, ok.Classes.Count);
    }

    [Fact]
    public void WrongFeatureCountAtPredictionIsRejected()
    {
        var m = new SVC().Fit(X, Y);
        var e = Assert.Throws<InvalidInputException>(() => m.Predict(new Matrix(2, 3)));
        Assert.Contains("2 features", e.Message);
    }

    [Fact]
    public void GammaScaleAndAutoResolveAsScikitLearn()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var flat = x.AsSpan().ToArray();
        double mean = flat.Average(), var = flat.Select(v => (v - mean) * (v - mean)).Average();
        Assert.Equal(1 / (4 * var), new SVC().Fit(x, y).Gamma, 12);
        Assert.Equal(0.25, new SVC { Gamma = "auto" }.Fit(x, y).Gamma, 15);
        Assert.Equal(0.7, new SVC { Gamma = "0.7" }.Fit(x, y).Gamma, 15);
    }
}
