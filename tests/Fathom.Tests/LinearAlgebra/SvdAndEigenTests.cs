using Fathom.LinearAlgebra;
using Fathom.Numerics;
using static Fathom.Tests.LinearAlgebra.LinalgReference;

namespace Fathom.Tests.LinearAlgebra;

public class SvdAndEigenTests
{
    [Theory]
    [InlineData("svd_tall")]
    [InlineData("svd_wide")]
    [InlineData("svd_square")]
    public void SvdMatchesNumpyAndReconstructs(string name)
    {
        var c = Case(name);
        var a = M(c.GetProperty("a"));
        var svd = SingularValueDecomposition.Decompose(a);
        Close(V(c.GetProperty("s")), svd.SingularValues, 1e-12);
        int k = svd.SingularValues.Length;
        var u = svd.U!;
        var vt = svd.Vt!;
        Assert.Equal((a.Rows, k), (u.Rows, u.Columns));
        Assert.Equal((k, a.Columns), (vt.Rows, vt.Columns));
        Close(Matrix.Identity(k), MatrixOps.TransposeMultiply(u, u), 1e-12);
        Close(Matrix.Identity(k), MatrixOps.MultiplyTransposed(vt, vt), 1e-12);
        var us = u.Clone();
        for (int i = 0; i < us.Rows; i++)
            for (int j = 0; j < k; j++) us[i, j] *= svd.SingularValues[j];
        Close(a, MatrixOps.Multiply(us, vt), 1e-12);
        // Singular vectors equal numpy's up to sign (values are distinct).
        var vtRef = M(c.GetProperty("vt"));
        for (int i = 0; i < k; i++)
            Assert.Equal(1.0, Math.Abs(Blas.Dot(vtRef.Row(i), vt.Row(i))), 1e-10);
        Assert.Null(SingularValueDecomposition.Decompose(a, computeVectors: false).U);
    }

    [Fact]
    public void EigenMatchesNumpyEighAscending()
    {
        var c = Case("eigh");
        var a = M(c.GetProperty("a"));
        var e = SymmetricEigenDecomposition.Decompose(a);
        Close(V(c.GetProperty("w")), e.Eigenvalues, 1e-12);
        var v = e.Eigenvectors;
        var vRef = M(c.GetProperty("v"));
        int n = a.Rows;
        for (int j = 0; j < n; j++)
        {
            var col = v.Column(j);
            var av = MatrixOps.Multiply(a, col);
            for (int i = 0; i < n; i++) Assert.Equal(e.Eigenvalues[j] * col[i], av[i], 1e-11);
            Assert.Equal(1.0, Math.Abs(Blas.Dot(col, vRef.Column(j))), 1e-10);
        }
        Close(Matrix.Identity(n), MatrixOps.TransposeMultiply(v, v), 1e-12);
    }
}

public class SymmetricEigenSizesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(120)]
    public void ReconstructsRandomSymmetricMatrices(int n)
    {
        var g = Random(n, n, n + 17);
        var a = MatrixOps.Multiply(g, g.Transpose());
        for (int i = 0; i < n; i++) a[i, i] -= n; // indefinite
        Check(a);
    }

    [Fact]
    public void HandlesRepeatedEigenvaluesDiagonalAndZeroMatrices()
    {
        // Rank-2 projector-like matrix: eigenvalue 0 with multiplicity n − 2.
        var u = Random(30, 2, 5);
        Check(MatrixOps.MultiplyTransposed(u, u));
        var diag = new Matrix(6, 6);
        for (int i = 0; i < 6; i++) diag[i, i] = 5 - i;
        var e = Check(diag);
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5 }, e.Eigenvalues);
        Check(new Matrix(5, 5));
        Check(Matrix.Identity(9));
        Assert.Equal(SymmetricEigenDecomposition.Decompose(diag).Eigenvalues, SymmetricEigenDecomposition.EigenvaluesOnly(diag));
    }

    private static SymmetricEigenDecomposition Check(Matrix a)
    {
        int n = a.Rows;
        var e = SymmetricEigenDecomposition.Decompose(a);
        var v = e.Eigenvectors;
        Close(Matrix.Identity(n), MatrixOps.TransposeMultiply(v, v), 1e-12);
        double scale = 1 + e.Eigenvalues.Select(Math.Abs).DefaultIfEmpty(0).Max();
        var av = MatrixOps.Multiply(a, v);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Assert.True(Math.Abs(av[i, j] - e.Eigenvalues[j] * v[i, j]) <= 1e-12 * scale * Math.Sqrt(n) * 10, $"A·v ≠ λ·v at ({i},{j})");
        for (int i = 1; i < n; i++) Assert.True(e.Eigenvalues[i] >= e.Eigenvalues[i - 1]);
        return e;
    }
}
