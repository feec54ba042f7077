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
