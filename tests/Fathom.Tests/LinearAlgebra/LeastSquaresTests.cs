using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;
using static Fathom.Tests.LinearAlgebra.LinalgReference;

namespace Fathom.Tests.LinearAlgebra;

public class LeastSquaresTests
{
    [Theory]
    [InlineData("lstsq_full", false)]
    [InlineData("lstsq_deficient", true)]
    [InlineData("lstsq_wide", true)]
    public void MatchesNumpyLstsq(string name, bool svd)
    {
        var c = Case(name);
        var sol = LeastSquares.Solve(M(c.GetProperty("a")), M(c.GetProperty("b")));
        Close(M(c.GetProperty("x")), sol.Solution, 1e-10);
        Assert.Equal(c.GetProperty("rank").GetInt32(), sol.Rank);
        Assert.Equal(svd, sol.UsedSvd);
        if (c.TryGetProperty("rss", out var rss)) Close(V(rss), sol.ResidualSumOfSquares, 1e-10);
    }

    [Fact]
    public void ViewsAndSingleRightHandSide()
    {
        var big = Random(20, 8, 5);
        var a = big.Slice(2, 1, 15, 5);
        var y = big.Column(7).AsSpan(2, 15).ToArray();
        var sol = LeastSquares.Solve(a, y);
        // Normal equations hold: Aᵀ(Ax − y) = 0.
        var r = MatrixOps.Multiply(a, sol.Solution.Column(0));
        for (int i = 0; i < r.Length; i++) r[i] -= y[i];
        foreach (var g in MatrixOps.TransposeMultiply(a, r)) Assert.True(Math.Abs(g) < 1e-12);
    }

    [Fact]
    public void LargeFullRankAgreesWithNormalEquationsByCholesky()
    {
        var a = Random(400, 90, 21);
        var b = Random(400, 3, 22);
        var sol = LeastSquares.Solve(a, b);
        Assert.False(sol.UsedSvd);
        Assert.Equal(90, sol.Rank);
        var x2 = CholeskyDecomposition.Decompose(MatrixOps.Gram(a)).Solve(MatrixOps.TransposeMultiply(a, b));
        Close(x2, sol.Solution, 1e-10);
    }

    [Fact]
    public void LargeRankDeficientGivesMinimumNormSolution()
    {
        var a = Random(300, 60, 31);
        for (int i = 0; i < 300; i++)
        {
            a[i, 50] = a[i, 5];                 // duplicate column: min norm splits the weight equally
            a[i, 40] = a[i, 1] - 2 * a[i, 2];   // linear combination
        }
        var b = Random(300, 1, 32);
        var sol = LeastSquares.Solve(a, b);
        Assert.True(sol.UsedSvd);
        Assert.Equal(58, sol.Rank);
        var x = sol.Solution.Column(0);
        Assert.Equal(x[5], x[50], 1e-10);
        // Minimum norm ⇔ x ⟂ null space; null vectors: e5 − e50 and e40 − e1 + 2e2.
        Assert.Equal(0.0, x[40] - x[1] + 2 * x[2], 1e-10);
        // Normal equations hold.
        var res = MatrixOps.Multiply(a, x);
        for (int i = 0; i < 300; i++) res[i] -= b[i, 0];
        foreach (var g in MatrixOps.TransposeMultiply(a, res)) Assert.True(Math.Abs(g) < 1e-9);
    }

    [Fact]
    public void NaNIsRejectedWithItsPlace()
    {
        var a = Random(5, 2, 1);
        a[3, 1] = double.NaN;
        var ex = Assert.Throws<InvalidInputException>(() => LeastSquares.Solve(a, new double[5]));
        Assert.Equal(3, ex.Row);
        Assert.Contains("A[3, 1]", ex.Message, StringComparison.Ordinal);
    }
}
