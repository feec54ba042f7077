using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Tests.Numerics;

public class SparseMatrixTests
{
    private static Matrix RandomSparseDense(int rows, int cols, double density, int seed)
    {
        var rng = new RandomSource(seed);
        var m = new Matrix(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (rng.NextDouble() < density) m[i, j] = rng.NextGaussian();
        return m;
    }

    private static Matrix RandomDense(int rows, int cols, int seed)
    {
        var rng = new RandomSource(seed);
        var m = new Matrix(rows, cols);
        for (int i = 0; i < m.Storage.Length; i++) m.Storage[i] = rng.NextGaussian();
        return m;
    }

    private static void AssertClose(Matrix expected, Matrix actual, double tol)
    {
        Assert.Equal((expected.Rows, expected.Columns), (actual.Rows, actual.Columns));
        for (int i = 0; i < expected.Rows; i++)
            for (int j = 0; j < expected.Columns; j++) Assert.Equal(expected[i, j], actual[i, j], tol);
    }

    [Fact]
    public void TripletsSumDuplicatesDropZerosAndSortColumns()
    {
        int[] r = [2, 0, 0, 2, 1, 0, 1, 1];
        int[] c = [1, 3, 0, 1, 2, 3, 0, 0];
        double[] v = [1.5, 2, -1, 2.5, 0, 3, 4, -4];
        var s = SparseMatrix.FromTriplets(3, 4, r, c, v);
        // row 0: (0,-1), (3, 5); row 1: (0, 4 - 4 = 0 dropped), (2, 0 dropped); row 2: (1, 4)
        Assert.Equal(3, s.NonZeroCount);
        Assert.Equal([0, 2, 2, 3], s.RowPointers.ToArray());
        Assert.Equal([0, 3, 1], s.ColumnIndices.ToArray());
        Assert.Equal([-1.0, 5, 4], s.Values.ToArray());
        Assert.Equal(5.0, s[0, 3]);
        Assert.Equal(0.0, s[1, 0]);
        Assert.Equal(3.0 / 12, s.Density);
        Assert.Equal([1], s.RowIndices(2).ToArray());
        Assert.Equal([4.0], s.RowValues(2).ToArray());
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromTriplets(3, 4, [3], [0], [1.0]));
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromTriplets(3, 4, [0], [4], [1.0]));
        Assert.Throws<InvalidInputException>(() => SparseMatrix.FromTriplets(3, 4, [0], [0], [double.NaN]));
    }

    [Fact]
    public void DenseRoundTripTransposeAndRowSelection()
    {
        var d = RandomSparseDense(37, 23, 0.2, 1);
        var s = SparseMatrix.FromDense(d);
        Assert.Equal(d.Storage, s.ToDense().Storage);
        Assert.Equal(d.Transpose().Storage, s.Transpose().ToDense().Storage);
        Assert.Same(s, s.Transpose().Transpose());
        int[] rows = [5, 0, 5, 36];
        Assert.Equal(d.SelectRows(rows).Storage, s.SelectRows(rows).ToDense().Storage);
        var view = d.Slice(3, 2, 10, 15);
        Assert.Equal(view.Clone().Storage, SparseMatrix.FromDense(view).ToDense().Storage);
        var csr = SparseMatrix.FromCsr(s.Rows, s.Columns, s.RowPointers, s.ColumnIndices, s.Values);
        Assert.Equal(d.Storage, csr.ToDense().Storage);
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromCsr(1, 3, [0, 2], [2, 1], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromCsr(2, 3, [0, 2], [0, 1], [1.0, 2.0]));
        Assert.Equal(0, SparseMatrix.Zeros(4, 5).NonZeroCount);
    }

    [Fact]
    public void SparseProductsEqualDenseProducts()
    {
        var d = RandomSparseDense(700, 90, 0.05, 2);
        var s = SparseMatrix.FromDense(d);
        var b = RandomDense(90, 7, 3);
        AssertClose(MatrixOps.Multiply(d, b), SparseProducts.Multiply(s, b), 1e-12);
        var bt = RandomDense(700, 6, 4);
        AssertClose(MatrixOps.TransposeMultiply(d, bt), SparseTransposeProducts.Multiply(s, bt), 1e-12);
        var x = RandomDense(1, 90, 5).Row(0).ToArray();
        var y = SparseProducts.Multiply(s, x);
        var yd = MatrixOps.Multiply(d, x);
        for (int i = 0; i < y.Length; i++) Assert.Equal(yd[i], y[i], 1e-12);
        var z = RandomDense(1, 700, 6).Row(0).ToArray();
        var w = SparseTransposeProducts.Multiply(s, z);
        var wd = MatrixOps.TransposeMultiply(d, z);
        for (int j = 0; j < w.Length; j++) Assert.Equal(wd[j], w[j], 1e-12);
        // A view as the dense operand.
        var big = RandomDense(100, 20, 7);
        var view = big.Slice(5, 3, 90, 11);
        AssertClose(MatrixOps.Multiply(d, view.Clone()), SparseProducts.Multiply(s, view), 1e-12);
        Assert.Throws<ArgumentException>(() => SparseProducts.Multiply(s, new Matrix(89, 2)));
        Assert.Throws<ArgumentException>(() => SparseTransposeProducts.Multiply(s, new Matrix(90, 2)));
    }

    [Fact]
    public void ProductsAreBitForBitTheSameForAnyThreadCount()
    {
        // Large enough to take the parallel path (nnz · k above the threshold, several row blocks).
        var rng = new RandomSource(8);
        int n = 5000, p = 3000, nnz = 60_000;
        var ri = new int[nnz];
        var ci = new int[nnz];
        var v = new double[nnz];
        for (int t = 0; t < nnz; t++) { ri[t] = (int)(rng.NextDouble() * n); ci[t] = (int)(rng.NextDouble() * p); v[t] = rng.NextGaussian(); }
        var s = SparseMatrix.FromTriplets(n, p, ri, ci, v);
        var b = RandomDense(p, 8, 9);
        var one = SparseProducts.Multiply(s, b, threads: 1);
        Assert.Equal(one.Storage, SparseProducts.Multiply(s, b, threads: 4).Storage);
        var bt = RandomDense(n, 8, 10);
        Assert.Equal(SparseTransposeProducts.Multiply(s, bt, threads: 1).Storage, SparseTransposeProducts.Multiply(s, bt, threads: 3).Storage);
        var x = b.Column(0);
        var y1 = new double[n];
        var y4 = new double[n];
        SparseProducts.Multiply(s, x, y1, threads: 1);
        SparseProducts.Multiply(s, x, y4, threads: 4);
        Assert.Equal(y1, y4);
        // The serial row-by-row answer, written out here.
        for (int i = 0; i < n; i += 97)
        {
            double e = 0;
            var idx = s.RowIndices(i);
            var val = s.RowValues(i);
            for (int t = 0; t < idx.Length; t++) e += val[t] * x[idx[t]];
            Assert.Equal(e, y1[i]);
        }
    }

    [Fact]
    public void ColumnStatisticsCountImplicitZeros()
    {
        var d = RandomSparseDense(400, 30, 0.1, 11);
        d[0, 29] = 0; // keep one column possibly all-zero
        var s = SparseMatrix.FromDense(d);
        foreach (int ddof in new[] { 0, 1 })
        {
            var (mean, variance) = SparseReductions.ColumnMeanVariance(s, ddof);
            var (dm, dv) = Reductions.ColumnMeanVariance(d, ddof);
            for (int j = 0; j < 30; j++)
            {
                Assert.Equal(dm[j], mean[j], 1e-14);
                Assert.Equal(dv[j], variance[j], 1e-13);
            }
        }
        var sums = SparseReductions.ColumnSums(s);
        var ds = Reductions.ColumnSums(d);
        for (int j = 0; j < 30; j++) Assert.Equal(ds[j], sums[j], 1e-12);
        var norms = SparseReductions.RowSquaredNorms(s);
        var dn = Reductions.RowSquaredNorms(d);
        for (int i = 0; i < 400; i++) Assert.Equal(dn[i], norms[i], 1e-12);
    }
}
