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

public class SvdSizesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 5)]
    [InlineData(7, 7)]
    [InlineData(33, 7)]
    [InlineData(9, 8)]
    [InlineData(8, 40)]
    [InlineData(120, 100)]
    [InlineData(300, 30)]
    [InlineData(500, 80)]
    public void ReconstructsRandomMatrices(int m, int n) => Check(Random(m, n, m * 31 + n));

    [Fact]
    public void HandlesRankDeficiencyZerosAndIdentity()
    {
        var u = Random(25, 3, 1);
        var v = Random(3, 12, 2);
        var low = MatrixOps.Multiply(u, v); // rank 3
        var s = Check(low).SingularValues;
        for (int i = 3; i < s.Length; i++) Assert.True(s[i] < 1e-12 * s[0]);
        Check(new Matrix(6, 4));
        var id = Check(Matrix.Identity(5));
        Assert.All(id.SingularValues, x => Assert.Equal(1.0, x, 1e-15));
        var withZeroColumn = Random(10, 5, 3);
        for (int i = 0; i < 10; i++) withZeroColumn[i, 2] = 0;
        Check(withZeroColumn);
        var dup = Random(10, 5, 4);
        for (int i = 0; i < 10; i++) dup[i, 4] = dup[i, 0];
        Check(dup);
    }

    private static SingularValueDecomposition Check(Matrix a)
    {
        var svd = SingularValueDecomposition.Decompose(a);
        int k = Math.Min(a.Rows, a.Columns);
        var s = svd.SingularValues;
        Assert.Equal(k, s.Length);
        for (int i = 1; i < k; i++) Assert.True(s[i] <= s[i - 1] && s[i] >= 0);
        var u = svd.U!;
        var vt = svd.Vt!;
        double tol = 1e-12 * Math.Sqrt(Math.Max(a.Rows, a.Columns)) * 10;
        var us = u.Clone();
        for (int i = 0; i < us.Rows; i++)
            for (int j = 0; j < k; j++) us[i, j] *= s[j];
        var rec = MatrixOps.Multiply(us, vt);
        double scale = 1 + (k > 0 ? s[0] : 0);
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++) Assert.True(Math.Abs(rec[i, j] - a[i, j]) <= tol * scale, $"U·S·Vᵀ ≠ A at ({i},{j})");
        // Orthonormal columns of U and rows of Vᵀ (always, since U is built from orthogonal transforms).
        Close(Matrix.Identity(k), MatrixOps.MultiplyTransposed(vt, vt), tol);
        Close(Matrix.Identity(k), MatrixOps.TransposeMultiply(u, u), tol);
        var sOnly = SingularValueDecomposition.Decompose(a, computeVectors: false).SingularValues;
        Close(s, sOnly, 1e-12);
        return svd;
    }
}
