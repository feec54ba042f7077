using Fathom.Numerics;

namespace Fathom.Tests.Numerics;

public class LogSumExpTests
{
    [Fact]
    public void MatchesTheDefinitionForModerateValues()
    {
        double[] v = [0.5, -1.25, 2.0, 0.0];
        double expected = Math.Log(v.Sum(Math.Exp));
        Assert.Equal(expected, Reductions.LogSumExp(v), 14);
    }

    [Fact]
    public void StaysFiniteWhereTheNaiveFormOverflowsOrUnderflows()
    {
        // log(e^1000 + e^1000) = 1000 + log 2; log(e^-1000 + e^-1001) = -1000 + log(1 + e^-1).
        Assert.Equal(1000 + Math.Log(2), Reductions.LogSumExp([1000.0, 1000.0]), 12);
        Assert.Equal(-1000 + Math.Log(1 + Math.Exp(-1)), Reductions.LogSumExp([-1000.0, -1001.0]), 12);
    }

    [Fact]
    public void InfinitiesAndEmptyFollowTheLimits()
    {
        Assert.Equal(double.NegativeInfinity, Reductions.LogSumExp([double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(double.NegativeInfinity, Reductions.LogSumExp([]));
        Assert.Equal(double.PositiveInfinity, Reductions.LogSumExp([1.0, double.PositiveInfinity]));
        Assert.Equal(3.0, Reductions.LogSumExp([double.NegativeInfinity, 3.0]), 15);
        Assert.True(double.IsNaN(Reductions.LogSumExp([1.0, double.NaN])));
    }

    [Fact]
    public void RowFormAppliesToEveryRow()
    {
        var m = Matrix.FromArray(new double[,] { { 1, 2, 3 }, { -5, -5, -5 } });
        var r = Reductions.RowLogSumExp(m);
        Assert.Equal(Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)), r[0], 14);
        Assert.Equal(-5 + Math.Log(3), r[1], 14);
    }
}
