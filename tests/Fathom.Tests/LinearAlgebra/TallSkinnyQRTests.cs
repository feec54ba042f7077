using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Tests.LinearAlgebra;

public class TallSkinnyQRTests
{
    private static Matrix Tall(int m, int n, long seed)
    {
        var r = new RandomSource(seed);
        var a = new Matrix(m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) a[i, j] = r.NextGaussian() * (j + 1) + (j == 2 ? a[i, 0] : 0);
        return a;
    }

    [Theory]
    [InlineData(4 * TallSkinnyQR.BlockRows + 17, 7)]
    [InlineData(5 * TallSkinnyQR.BlockRows + 3, 40)]
    public void RIsUpperTriangularWithTheGramOfA(int m, int n)
    {
        var a = Tall(m, n, m + n);
        Assert.True(TallSkinnyQR.Suits(m, n));
        var r = TallSkinnyQR.R(a, threads: 2);
        Assert.Equal(n, r.Rows);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) Assert.Equal(0.0, r[i, j]);
        var gram = MatrixOps.TransposeMultiply(a, a);
        var rtr = MatrixOps.TransposeMultiply(r, r);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) Assert.Equal(gram[i, j], rtr[i, j], 1e-10 * (1 + Math.Abs(gram[i, j])));
        // Same factor whatever the thread count.
        Assert.Equal(r.AsSpan().ToArray(), TallSkinnyQR.R(a, threads: 1).AsSpan().ToArray());
    }

    [Fact]
    public void RightSvdOfATallMatrixEqualsTheFullSvd()
    {
        var a = Tall(6 * TallSkinnyQR.BlockRows, 12, 5);
        var full = SingularValueDecomposition.Decompose(a);
        var right = SingularValueDecomposition.DecomposeRight(a);
        Assert.Null(right.U);
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(full.SingularValues[i], right.SingularValues[i], 1e-9 * full.SingularValues[0]);
            double sign = Math.Sign(full.Vt![i, 0] * right.Vt![i, 0]);
            for (int j = 0; j < 12; j++) Assert.Equal(full.Vt[i, j], sign * right.Vt[i, j], 1e-9);
        }
    }
}
