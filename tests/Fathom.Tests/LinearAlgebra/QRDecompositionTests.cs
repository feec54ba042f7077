using Fathom.LinearAlgebra;
using Fathom.Numerics;
using static Fathom.Tests.LinearAlgebra.LinalgReference;

namespace Fathom.Tests.LinearAlgebra;

public class QRDecompositionTests
{
    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(7, 3, true)]
    [InlineData(7, 3, false)]
    [InlineData(4, 9, true)]
    [InlineData(33, 33, false)]
    [InlineData(60, 17, true)]
    [InlineData(300, 100, false)]
    [InlineData(70, 150, false)]
    [InlineData(97, 97, false)]
    [InlineData(120, 50, true)]
    public void ReconstructsWithOrthonormalQ(int m, int n, bool pivot)
    {
        var a = Random(m, n, m * 100 + n);
        var qr = QRDecomposition.Decompose(a, pivot);
        var q = qr.GetQ();
        var r = qr.GetR();
        int k = Math.Min(m, n);
        Close(Matrix.Identity(k), MatrixOps.TransposeMultiply(q, q), 1e-12);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < i; j++) Assert.Equal(0.0, r[i, j]);
        var ap = a.SelectColumns(qr.Permutation.ToArray());
        Close(ap, MatrixOps.Multiply(q, r), 1e-12);
        if (pivot)
        {
            var d = qr.RDiagonal();
            for (int i = 1; i < d.Length; i++) Assert.True(Math.Abs(d[i]) <= Math.Abs(d[i - 1]) * (1 + 1e-12));
        }
    }

    [Fact]
    public void BlockedAndUnblockedFactorsAgree()
    {
        // Pivoting with the identity permutation forced is not available, so compare |R| and Q·R against
        // the unblocked pivoted factorization through invariants: RᵀR = AᵀA (column order of A).
        var a = Random(200, 70, 8);
        var r = QRDecomposition.Decompose(a, pivoting: false).GetR();
        Close(MatrixOps.Gram(a), MatrixOps.TransposeMultiply(r, r), 1e-11);
    }

    [Fact]
    public void ApplyQAndTransposeAreInverse()
    {
        var qr = QRDecomposition.Decompose(Random(10, 4, 3));
        var y = Random(10, 1, 4).Storage;
        var z = (double[])y.Clone();
        qr.ApplyQTranspose(z);
        qr.ApplyQ(z);
        Close(y, z, 1e-13);
    }

    [Fact]
    public void RankDetectsDependentColumns()
    {
        var c = Case("lstsq_deficient");
        var qr = QRDecomposition.Decompose(M(c.GetProperty("a")));
        Assert.Equal(c.GetProperty("rank").GetInt32(), qr.Rank());
        Assert.Equal(4, QRDecomposition.Decompose(Random(9, 4, 1)).Rank());
    }
}
