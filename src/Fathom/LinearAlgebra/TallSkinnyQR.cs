using Fathom.Numerics;

namespace Fathom.LinearAlgebra;

/// <summary>
/// The triangular factor R of a tall matrix (m ≫ n) by TSQR (Demmel et al. 2012): the rows are cut into fixed
/// blocks of <see cref="BlockRows"/>, each block is factored by Householder QR in parallel, and the stacked
/// n × n factors are factored once more. R is that of a Householder QR of the whole matrix up to the signs of its
/// rows (RᵀR = AᵀA), with the same backward stability; blocks fit in cache and the work spreads over the cores.
/// The block split does not depend on the thread count, so neither does the result. O(2mn²) flops, O(n²·m/BlockRows)
/// extra memory.
/// </summary>
internal static class TallSkinnyQR
{
    /// <summary>Rows per block of the first level.</summary>
    internal const int BlockRows = 4096;

    /// <summary>Whether TSQR pays off for an m × n matrix: at least four blocks, and blocks much taller than wide.</summary>
    internal static bool Suits(int m, int n) => m >= 4 * BlockRows && n <= BlockRows / 8;

    /// <summary>R (n × n upper triangular) with RᵀR = AᵀA for a tall <paramref name="a"/> (m ≥ n).</summary>
    internal static Matrix R(Matrix a, int threads)
    {
        int m = a.Rows, n = a.Columns;
        int blocks = (m + BlockRows - 1) / BlockRows;
        var stacked = new Matrix(blocks * n, n);
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, b =>
        {
            int r0 = b * BlockRows, rows = Math.Min(BlockRows, m - r0);
            var block = a.RowRange(r0, rows);
            // A last block shorter than wide still contributes its rows (R of a short block is rows × n).
            var r = rows >= n ? QRDecomposition.Decompose(block, pivoting: false).GetR() : block.Clone();
            var dst = stacked.RowRange(b * n, n);
            for (int i = 0; i < r.Rows; i++) r.Row(i).CopyTo(dst.Row(i));
        });
        return QRDecomposition.Decompose(stacked, pivoting: false).GetR();
    }
}
