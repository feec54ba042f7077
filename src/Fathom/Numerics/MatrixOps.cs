namespace Fathom.Numerics;

/// <summary>
/// Matrix-level conveniences over <see cref="Blas"/>: products that allocate their result. Views (Stride &gt;
/// Columns) are accepted everywhere. <c>threads</c> = 0 means Environment.ProcessorCount; results are
/// identical for every thread count.
/// </summary>
public static class MatrixOps
{
    internal static ReadOnlySpan<double> Data(Matrix m) => m.Storage.AsSpan(m.Offset);

    internal static int Ld(Matrix m) => Math.Max(1, m.Stride);

    /// <summary>A·B (m × k times k × n). O(mnk).</summary>
    public static Matrix Multiply(Matrix a, Matrix b, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Columns != b.Rows) throw new ArgumentException($"Cannot multiply {a.Rows} x {a.Columns} by {b.Rows} x {b.Columns}: inner sizes differ.", nameof(b));
        var c = new Matrix(a.Rows, b.Columns);
        Blas.Gemm(false, false, a.Rows, b.Columns, a.Columns, 1.0, Data(a), Ld(a), Data(b), Ld(b), 0.0, c.Storage, Ld(c), threads);
        return c;
    }

    /// <summary>A·Bᵀ (m × k times (n × k)ᵀ), e.g. all dot products between rows of A and rows of B. O(mnk).</summary>
    public static Matrix MultiplyTransposed(Matrix a, Matrix b, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Columns != b.Columns) throw new ArgumentException($"Cannot form A·Bᵀ for {a.Rows} x {a.Columns} and {b.Rows} x {b.Columns}: column counts differ.", nameof(b));
        var c = new Matrix(a.Rows, b.Rows);
        Blas.Gemm(false, true, a.Rows, b.Rows, a.Columns, 1.0, Data(a), Ld(a), Data(b), Ld(b), 0.0, c.Storage, Ld(c), threads);
        return c;
    }

    /// <summary>Aᵀ·B ((k × m)ᵀ times k × n). O(mnk).</summary>
    public static Matrix TransposeMultiply(Matrix a, Matrix b, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows) throw new ArgumentException($"Cannot form Aᵀ·B for {a.Rows} x {a.Columns} and {b.Rows} x {b.Columns}: row counts differ.", nameof(b));
        var c = new Matrix(a.Columns, b.Columns);
        Blas.Gemm(true, false, a.Columns, b.Columns, a.Rows, 1.0, Data(a), Ld(a), Data(b), Ld(b), 0.0, c.Storage, Ld(c), threads);
        return c;
    }

    /// <summary>
    /// The Gram matrix XᵀX (d × d for X with d columns), exactly symmetric. Only the upper triangle is computed
    /// (by row blocks on the GEMM kernel) and then mirrored, so it costs ≈ n·d² flops instead of 2n·d².
    /// </summary>
    public static Matrix Gram(Matrix x, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = x.Columns, n = x.Rows;
        var c = new Matrix(d, d);
        var data = Data(x);
        int ld = Ld(x);
        const int block = 192;
        if (d <= 2 * block)
            Blas.Gemm(true, false, d, d, n, 1.0, data, ld, data, ld, 0.0, c.Storage, Math.Max(1, d), threads);
        else
            for (int i0 = 0; i0 < d; i0 += block)
            {
                int mi = Math.Min(block, d - i0);
                Blas.Gemm(true, false, mi, d - i0, n, 1.0, data[i0..], ld, data[i0..], ld, 0.0, c.Storage.AsSpan(i0 * d + i0), d, threads);
            }
        var s = c.Storage;
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++) s[j * d + i] = s[i * d + j];
        return c;
    }

    /// <summary>A·x for a vector x of length A.Columns. O(mn).</summary>
    public static double[] Multiply(Matrix a, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (x.Length != a.Columns) throw new ArgumentException($"Vector has length {x.Length}, matrix has {a.Columns} columns.", nameof(x));
        var y = new double[a.Rows];
        Blas.Gemv(false, a.Rows, a.Columns, 1.0, Data(a), Ld(a), x, 0.0, y);
        return y;
    }

    /// <summary>Aᵀ·x for a vector x of length A.Rows. O(mn).</summary>
    public static double[] TransposeMultiply(Matrix a, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (x.Length != a.Rows) throw new ArgumentException($"Vector has length {x.Length}, matrix has {a.Rows} rows.", nameof(x));
        var y = new double[a.Columns];
        Blas.Gemv(true, a.Rows, a.Columns, 1.0, Data(a), Ld(a), x, 0.0, y);
        return y;
    }
}
