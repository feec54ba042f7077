namespace Fathom.Numerics;

/// <summary>
/// Products with the transpose of a CSR <see cref="SparseMatrix"/> A without forming Aᵀ densely: C = Aᵀ·B and
/// y = Aᵀ·x. They run as gathers over the rows of A's cached transpose (its CSC form, built once per matrix in
/// O(nnz + rows + columns) and kept by the matrix), so they parallelize over output rows and stay bit-for-bit
/// deterministic whatever the thread count: element (j, ·) sums the non-zeros of column j in increasing row
/// order, the same order a serial scatter over the rows of A would use.
/// </summary>
public static class SparseTransposeProducts
{
    /// <summary>C = Aᵀ·B for sparse A (m × n) and dense B (m × k): an n × k dense result. O(nnz(A)·k) time; the first
    /// call on a matrix also builds its transpose (12 bytes per non-zero).</summary>
    /// <exception cref="ArgumentException">B has a row count other than A.Rows.</exception>
    public static Matrix Multiply(SparseMatrix a, Matrix b, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows)
            throw new ArgumentException($"Cannot form Aᵀ·B for a {a.Rows} x {a.Columns} sparse matrix and a {b.Rows} x {b.Columns} matrix: row counts differ.", nameof(b));
        return SparseProducts.Multiply(a.Transpose(), b, threads);
    }

    /// <summary>y = Aᵀ·x for sparse A (m × n) and x of length m: yⱼ = Σᵢ A[i, j]·xᵢ. O(nnz(A)).</summary>
    /// <exception cref="ArgumentException">x has a length other than A.Rows.</exception>
    public static double[] Multiply(SparseMatrix a, ReadOnlySpan<double> x, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (x.Length != a.Rows) throw new ArgumentException($"The vector has length {x.Length}, the sparse matrix has {a.Rows} rows.", nameof(x));
        return SparseProducts.Multiply(a.Transpose(), x, threads);
    }

    /// <summary>y = Aᵀ·x into a caller's buffer (length A.Columns; overwritten). O(nnz(A)).</summary>
    /// <exception cref="ArgumentException">x or y has the wrong length.</exception>
    public static void Multiply(SparseMatrix a, ReadOnlySpan<double> x, Span<double> y, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (x.Length != a.Rows) throw new ArgumentException($"The vector has length {x.Length}, the sparse matrix has {a.Rows} rows.", nameof(x));
        SparseProducts.Multiply(a.Transpose(), x, y, threads);
    }
}
