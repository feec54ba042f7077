using Fathom.LinearAlgebra;
using Fathom.Numerics;
using static Fathom.Tests.LinearAlgebra.LinalgReference;

namespace Fathom.Tests.LinearAlgebra;

public class CholeskyDecompositionTests
{
    [Fact]
    public void MatchesNumpyFactorSolveAndLogDet()
    {
        var c = Case("cholesky");
        var a = M(c.GetProperty("a"));
        var chol = CholeskyDecomposition.Decompose(a);
        Close(M(c.GetProperty("l")), chol.GetL(), 1e-12);
        Close(V(c.GetProperty("x")), chol.Solve(V(c.GetProperty("b"))), 1e-11);
        Assert.Equal(c.GetProperty("logdet").GetDouble(), chol.LogDeterminant, 1e-11);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(300)]
    public void ReconstructsAndSolvesMultipleRightHandSides(int n)
    {
        var g = Random(n, n + 3, n);
        var a = MatrixOps.MultiplyTransposed(g, g);
        var chol = CholeskyDecomposition.Decompose(a);
        var l = chol.GetL();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) Assert.Equal(0.0, l[i, j]);
        Close(a, MatrixOps.MultiplyTransposed(l, l), 1e-10);
        var b = Random(n, 3, 99);
        var x = chol.Solve(b);
        Close(b, MatrixOps.Multiply(a, x), 1e-8);
        Close(Matrix.Identity(n), MatrixOps.Multiply(a, chol.Inverse()), 1e-8);
    }

    [Fact]
    public void BlockedPathReportsAFailingPivotBeyondTheFirstBlockAndIgnoresTheUpperTriangle()
    {
        int n = 260;
        var g = Random(n, n + 5, 3);
        var a = MatrixOps.MultiplyTransposed(g, g);
        var upperJunk = a.Clone();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) upperJunk[i, j] = double.NaN;
        Close(CholeskyDecomposition.Decompose(a).GetL(), CholeskyDecomposition.Decompose(upperJunk).GetL(), 1e-13);
        // Make the leading minor of order 201 indefinite: row/column 200 copies row/column 3.
        for (int j = 0; j < n; j++) { a[200, j] = a[3, j]; }
        for (int i = 0; i < n; i++) { a[i, 200] = a[i, 3]; }
        a[200, 200] = a[3, 3] - 1.0; // Schur complement at pivot 200 ≈ −1: clearly indefinite there
        var ex = Assert.Throws<MatrixNotPositiveDefiniteException>(() => CholeskyDecomposition.Decompose(a));
        Assert.Equal(200, ex.Pivot);
    }

    [Fact]
    public void NotPositiveDefiniteNamesThePivot()
    {
        var a = Matrix.FromArray(new double[,] { { 4, 2, 0 }, { 2, 1, 0 }, { 0, 0, 3 } });
        var ex = Assert.Throws<MatrixNotPositiveDefiniteException>(() => CholeskyDecomposition.Decompose(a));
        Assert.Equal(1, ex.Pivot);
        Assert.Contains("pivot 1", ex.Message, StringComparison.Ordinal);
        Assert.False(CholeskyDecomposition.TryDecompose(a, out var none));
        Assert.Null(none);
        var nan = Matrix.FromArray(new double[,] { { double.NaN } });
        Assert.Equal(0, Assert.Throws<MatrixNotPositiveDefiniteException>(() => CholeskyDecomposition.Decompose(nan)).Pivot);
    }
}
