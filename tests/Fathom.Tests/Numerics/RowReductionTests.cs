using Fathom.Numerics;

namespace Fathom.Tests.Numerics;

public class RowReductionTests
{
    [Fact]
    public void ArgMaxTakesTheFirstOfTiedMaxima()
    {
        Assert.Equal(1, Reductions.ArgMax([0.1, 0.7, 0.7, -2.0]));
        Assert.Equal(0, Reductions.ArgMax([5.0]));
        var m = Matrix.FromArray(new double[,] { { 1, 3, 2 }, { 4, 4, 0 }, { -1, -2, -0.5 } });
        Assert.Equal(new[] { 1, 0, 2 }, Reductions.RowArgMax(m));
        Assert.Throws<ArgumentException>(() => Reductions.ArgMax([]));
    }

    [Fact]
    public void SoftmaxAndLogSoftmaxAgreeWithTheDefinitionAndStayFiniteForHugeScores()
    {
        var scores = new double[,] { { 1, 2, 3 }, { 1000, 1001, 999 }, { -1e4, 0, -1e4 } };
        var p = Matrix.FromArray(scores);
        var lp = Matrix.FromArray(scores);
        Reductions.SoftmaxRows(p);
        Reductions.LogSoftmaxRows(lp);
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(3) / z, p[0, 2], 15);
        // Shifting a row by a constant does not change its softmax.
        Assert.Equal(p[0, 0], p[1, 2], 12);
        Assert.Equal(p[0, 1], p[1, 0], 12);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(1.0, p[i, 0] + p[i, 1] + p[i, 2], 12);
            for (int c = 0; c < 3; c++) Assert.Equal(p[i, c], Math.Exp(lp[i, c]), 12);
        }
        Assert.Equal(-1e4, lp[2, 0], 9);
    }
}
