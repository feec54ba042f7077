using System.Numerics.Tensors;

namespace Fathom.Numerics;

/// <summary>
/// Products of a CSR <see cref="SparseMatrix"/> A with dense operands, never forming A densely: C = A·B and
/// y = A·x. Each output row is a gather over the non-zeros of the matching row of A, in stored (increasing column)
/// order, so every element is computed by the same sequence of operations whatever the thread count: results are
/// bit-for-bit deterministic. Work is split over fixed blocks of rows when it pays (<c>threads</c> = 0 means
/// Environment.ProcessorCount).
/// </summary>
public static class SparseProducts
{
    /// <summary>Rows per parallel block; fixed so the split never depends on the thread count.</summary>
    internal const int RowBlock = 512;

    /// <summary>Below this many multiply-adds the products run on the calling thread.</summary>
    internal const long ParallelThreshold = 1 << 17;

    /// <summary>
    /// C = A·B for sparse A (m × n) and dense B (n × k, views allowed): an m × k dense result. Row i of C is
    /// Σₜ A[i, jₜ]·B[jₜ, :] over the non-zeros of row i (SIMD multiply-add on rows of B). O(nnz(A)·k) time,
    /// O(m·k) memory for the result only.
    /// </summary>
    /// <exception cref="ArgumentException">B has a row count other than A.Columns.</exception>
    public static Matrix Multiply(SparseMatrix a, Matrix b, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Columns != b.Rows)
            throw new ArgumentException($"Cannot multiply a {a.Rows} x {a.Columns} sparse matrix by a {b.Rows} x {b.Columns} matrix: inner sizes differ.", nameof(b));
        var c = new Matrix(a.Rows, b.Columns);
        if (b.Columns == 0) return c;
        RunRowBlocks(a.Rows, (long)a.NonZeroCount * b.Columns, threads, (start, end) =>
        {
            var ptr = a.RowPointers;
            var idx = a.ColumnIndices;
            var val = a.Values;
            for (int i = start; i < end; i++)
            {
                var row = c.Row(i);
                for (int s = ptr[i]; s < ptr[i + 1]; s++) TensorPrimitives.MultiplyAdd(b.Row(idx[s]), val[s], row, row);
            }
        });
        return c;
    }

    /// <summary>y = A·x for sparse A (m × n) and x of length n: yᵢ = Σₜ A[i, jₜ]·x[jₜ]. O(nnz(A)).</summary>
    /// <exception cref="ArgumentException">x has a length other than A.Columns.</exception>
    public static double[] Multiply(SparseMatrix a, ReadOnlySpan<double> x, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = new double[a.Rows];
        Multiply(a, x, y, threads);
        return y;
    }

    /// <summary>y = A·x into a caller's buffer (length A.Rows; it is overwritten, not accumulated). O(nnz(A)).</summary>
    /// <exception cref="ArgumentException">x or y has the wrong length.</exception>
    public static void Multiply(SparseMatrix a, ReadOnlySpan<double> x, Span<double> y, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (x.Length != a.Columns) throw new ArgumentException($"The vector has length {x.Length}, the sparse matrix has {a.Columns} columns.", nameof(x));
        if (y.Length != a.Rows) throw new ArgumentException($"The output has length {y.Length}, the sparse matrix has {a.Rows} rows.", nameof(y));
        if (a.NonZeroCount < ParallelThreshold || threads == 1 || (threads == 0 && Environment.ProcessorCount == 1))
        {
            RowDots(a, x, y, 0, a.Rows);
            return;
        }
        // Spans cannot cross into lambdas: run the blocks over arrays.
        var xs = x.ToArray();
        var ys = new double[a.Rows];
        RunRowBlocks(a.Rows, a.NonZeroCount, threads, (start, end) => RowDots(a, xs, ys, start, end));
        ys.CopyTo(y);
    }

    private static void RowDots(SparseMatrix a, ReadOnlySpan<double> x, Span<double> y, int start, int end)
    {
        var ptr = a.RowPointers;
        var idx = a.ColumnIndices;
        var val = a.Values;
        for (int i = start; i < end; i++)
        {
            double s = 0;
            for (int t = ptr[i]; t < ptr[i + 1]; t++) s += val[t] * x[idx[t]];
            y[i] = s;
        }
    }

    /// <summary>Runs <paramref name="body"/> over fixed blocks of <see cref="RowBlock"/> rows, in parallel when the
    /// work (multiply-adds) exceeds <see cref="ParallelThreshold"/> and more than one thread is allowed.</summary>
    internal static void RunRowBlocks(int rows, long work, int threads, Action<int, int> body)
    {
        int t = threads > 0 ? threads : Environment.ProcessorCount;
        int blocks = (rows + RowBlock - 1) / RowBlock;
        if (t <= 1 || blocks <= 1 || work < ParallelThreshold)
        {
            body(0, rows);
            return;
        }
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = t },
            blk => body(blk * RowBlock, Math.Min(rows, (blk + 1) * RowBlock)));
    }
}
