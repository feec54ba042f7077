using System.Numerics.Tensors;

namespace Fathom.Numerics;

/// <summary>
/// Pairwise squared Euclidean distances between rows, via the expansion ‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b with
/// one GEMM for all the dot products (O(mnd) flops, cache-blocked and threaded), results clamped at 0.
/// The expansion loses relative accuracy when two points are very close compared with their norms; the
/// self-distance case returns exact zeros on the diagonal and an exactly symmetric matrix, and
/// <see cref="SquaredEuclidean(ReadOnlySpan{double}, ReadOnlySpan{double})"/> gives the exact value of one pair.
/// </summary>
public static class Distances
{
    /// <summary>Exact Σ (aᵢ − bᵢ)² of two equal-length vectors. O(d).</summary>
    public static double SquaredEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Vectors have lengths {a.Length} and {b.Length}.", nameof(b));
        double s = 0;
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= System.Numerics.Vector<double>.Count)
        {
            var acc = System.Numerics.Vector<double>.Zero;
            int w = System.Numerics.Vector<double>.Count;
            for (; i <= a.Length - w; i += w)
            {
                var d = new System.Numerics.Vector<double>(a[i..]) - new System.Numerics.Vector<double>(b[i..]);
                acc += d * d;
            }
            s = System.Numerics.Vector.Sum(acc);
        }
        for (; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /// <summary>
    /// Σ (aᵢ − bᵢ)² summed strictly in index order (no SIMD reassociation): bit-identical to SciPy's
    /// <c>pdist</c> and plain loops, for algorithms whose tie-breaking must reproduce a reference exactly
    /// (hierarchical clustering). Slower than <see cref="SquaredEuclidean(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// for long vectors. O(d).
    /// </summary>
    public static double SquaredEuclideanInOrder(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Vectors have lengths {a.Length} and {b.Length}.", nameof(b));
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /// <summary>D[i, j] = ‖xᵢ − yⱼ‖² for the rows of x (m × d) and y (n × d); a new m × n matrix.</summary>
    public static Matrix SquaredEuclidean(Matrix x, Matrix y, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Columns != y.Columns) throw new ArgumentException($"Points have {x.Columns} and {y.Columns} features; they must match.", nameof(y));
        var d = new Matrix(x.Rows, y.Rows);
        SquaredEuclidean(x, Reductions.RowSquaredNorms(x), y, Reductions.RowSquaredNorms(y), d.Storage, d.Columns, threads);
        if (ReferenceEquals(x, y)) FixSelf(d);
        return d;
    }

    /// <summary>
    /// D[i, j] = ‖xᵢ − xⱼ‖² for all pairs of rows of x; a new symmetric n × n matrix with an exactly zero diagonal.
    /// </summary>
    public static Matrix SquaredEuclidean(Matrix x, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        var norms = Reductions.RowSquaredNorms(x);
        var d = new Matrix(x.Rows, x.Rows);
        SquaredEuclidean(x, norms, x, norms, d.Storage, d.Columns, threads);
        FixSelf(d);
        return d;
    }

    /// <summary>
    /// Kernel form: writes ‖xᵢ − yⱼ‖² to <c>destination[i * ldd + j]</c> given precomputed squared row norms
    /// (e.g. from <see cref="Reductions.RowSquaredNorms"/>), so callers that reuse one side (k-means centres,
    /// k-NN training rows) do not recompute them. Values are clamped at 0. Allocates nothing but GEMM packing.
    /// </summary>
    public static void SquaredEuclidean(Matrix x, ReadOnlySpan<double> xSquaredNorms, Matrix y, ReadOnlySpan<double> ySquaredNorms,
        Span<double> destination, int ldd, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int m = x.Rows, n = y.Rows;
        if (xSquaredNorms.Length != m || ySquaredNorms.Length != n) throw new ArgumentException("Norm spans must have one value per row.");
        Blas.Gemm(false, true, m, n, x.Columns, -2.0, MatrixOps.Data(x), MatrixOps.Ld(x), MatrixOps.Data(y), MatrixOps.Ld(y), 0.0, destination, ldd, threads);
        for (int i = 0; i < m; i++)
        {
            var row = destination.Slice(i * ldd, n);
            TensorPrimitives.Add(row, ySquaredNorms, row);
            TensorPrimitives.Add(row, xSquaredNorms[i], row);
            TensorPrimitives.Max(row, 0.0, row);
        }
    }

    /// <summary>Most rows of y <see cref="SquaredEuclideanToFew(Matrix, ReadOnlySpan{double}, Matrix, ReadOnlySpan{double}, Span{double}, int)"/> keeps in registers; more go to the GEMM form.</summary>
    public const int FewRows = 32;

    /// <summary>
    /// The kernel form of <see cref="SquaredEuclidean(Matrix, ReadOnlySpan{double}, Matrix, ReadOnlySpan{double}, Span{double}, int, int)"/>
    /// specialised for few rows of y (at most <see cref="FewRows"/>: k-means centres, mixture means): y is
    /// transposed once and each row of x is multiplied against it with the dot products of all y rows held in
    /// SIMD registers, which avoids the packing overhead GEMM pays on such skinny shapes. Single-threaded (callers
    /// split x into blocks); falls back to the GEMM form when y has more rows. Same expansion and clamping at 0;
    /// rounding may differ from the GEMM form in the last bits. O(m·n·d).
    /// </summary>
    public static void SquaredEuclideanToFew(Matrix x, ReadOnlySpan<double> xSquaredNorms, Matrix y, ReadOnlySpan<double> ySquaredNorms,
        Span<double> destination, int ldd)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int m = x.Rows, n = y.Rows, d = x.Columns;
        if (xSquaredNorms.Length != m || ySquaredNorms.Length != n) throw new ArgumentException("Norm spans must have one value per row.");
        if (y.Columns != d) throw new ArgumentException($"Points have {d} and {y.Columns} features; they must match.", nameof(y));
        if (FewColumnsKernel.IsSupported && n <= FewColumnsKernel.MaxColumns)
        {
            ToFewAvx512(x, xSquaredNorms, y, ySquaredNorms, destination, ldd);
            return;
        }
        int w = System.Numerics.Vector<double>.Count;
        int chunks = (n + w - 1) / w;
        if (n > FewRows || !System.Numerics.Vector.IsHardwareAccelerated || chunks > 8)
        {
            SquaredEuclidean(x, xSquaredNorms, y, ySquaredNorms, destination, ldd, 1);
            return;
        }
        // yT[f, j] padded to whole vectors, scaled by −2.
        int width = chunks * w;
        Span<double> yt = stackalloc double[d * width <= 4096 ? d * width : 0];
        double[]? heap = yt.IsEmpty ? new double[d * width] : null;
        if (heap is not null) yt = heap;
        yt.Clear();
        for (int j = 0; j < n; j++)
        {
            var row = y.Row(j);
            for (int f = 0; f < d; f++) yt[f * width + j] = -2.0 * row[f];
        }
        Span<double> acc = stackalloc double[width];
        var accs = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(acc);
        var ytv = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(yt);
        for (int i = 0; i < m; i++)
        {
            var xi = x.Row(i);
            for (int c = 0; c < chunks; c++) accs[c] = System.Numerics.Vector<double>.Zero;
            for (int f = 0; f < d; f++)
            {
                var xf = new System.Numerics.Vector<double>(xi[f]);
                var yrow = ytv.Slice(f * chunks, chunks);
                for (int c = 0; c < chunks; c++) accs[c] += xf * yrow[c];
            }
            var dst = destination.Slice(i * ldd, n);
            acc[..n].CopyTo(dst);
            TensorPrimitives.Add(dst, ySquaredNorms, dst);
            TensorPrimitives.Add(dst, xSquaredNorms[i], dst);
            TensorPrimitives.Max(dst, 0.0, dst);
        }
    }

    /// <summary>The AVX-512 path of <see cref="SquaredEuclideanToFew(Matrix, ReadOnlySpan{double}, Matrix, ReadOnlySpan{double}, Span{double}, int)"/>: 64 rows of x at a time through
    /// <see cref="FewColumnsKernel"/>, y transposed and scaled by −2 once.</summary>
    private static void ToFewAvx512(Matrix x, ReadOnlySpan<double> xSquaredNorms, Matrix y, ReadOnlySpan<double> ySquaredNorms,
        Span<double> destination, int ldd)
    {
        const int rowsPerPass = 64;
        int m = x.Rows, n = y.Rows, d = x.Columns;
        int chunks = FewColumnsKernel.Chunks(n);
        int panelLength = d * FewColumnsKernel.MaxColumns;
        Span<double> panel = panelLength <= 2048 ? stackalloc double[panelLength] : new double[panelLength];
        FewColumnsKernel.Pack(y, -2.0, panel);
        Span<double> add = stackalloc double[FewColumnsKernel.MaxColumns];
        add.Clear();
        ySquaredNorms.CopyTo(add);
        Span<double> tile = stackalloc double[rowsPerPass * FewColumnsKernel.MaxColumns];
        var data = MatrixOps.Data(x);
        int ldx = MatrixOps.Ld(x);
        for (int r0 = 0; r0 < m; r0 += rowsPerPass)
        {
            int len = Math.Min(rowsPerPass, m - r0);
            FewColumnsKernel.Multiply(data[(r0 * ldx)..], ldx, len, d, panel, chunks, add, xSquaredNorms.Slice(r0, len), 0.0, tile);
            for (int i = 0; i < len; i++)
                tile.Slice(i * FewColumnsKernel.MaxColumns, n).CopyTo(destination.Slice((r0 + i) * ldd, n));
        }
    }

    /// <summary>
    /// <see cref="SquaredEuclideanToFew(Matrix, ReadOnlySpan{double}, Matrix, ReadOnlySpan{double}, Span{double}, int)"/> over blocks of 1,024 rows of x in parallel (up to
    /// <paramref name="threads"/>, 0 = all cores); each block writes its own rows, so the result does not depend
    /// on the thread count. O(m·n·d).
    /// </summary>
    public static void SquaredEuclideanToFew(Matrix x, double[] xSquaredNorms, Matrix y, double[] ySquaredNorms,
        double[] destination, int ldd, int threads)
    {
        ArgumentNullException.ThrowIfNull(x);
        const int block = 1024;
        int m = x.Rows, blocks = (m + block - 1) / block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, b =>
        {
            int r0 = b * block, len = Math.Min(block, m - r0);
            SquaredEuclideanToFew(x.RowRange(r0, len), xSquaredNorms.AsSpan(r0, len), y, ySquaredNorms, destination.AsSpan(r0 * ldd), ldd);
        });
    }

    private static void FixSelf(Matrix d)
    {
        int n = d.Rows;
        var s = d.Storage;
        for (int i = 0; i < n; i++)
        {
            s[i * n + i] = 0;
            for (int j = i + 1; j < n; j++) s[j * n + i] = s[i * n + j];
        }
    }
}
