using System.Numerics.Tensors;

namespace Fathom.Numerics;

/// <summary>
/// BLAS-like kernels on row-major spans with leading dimensions. Element (i, j) of an operand with leading
/// dimension <c>ld</c> is at <c>span[i * ld + j]</c>. <c>op(X)</c> is X or Xᵀ as the <c>trans</c> flag says.
/// All kernels allocate nothing (GEMM uses pooled packing buffers) and are thread-safe on disjoint outputs.
/// </summary>
public static class Blas
{
    /// <summary>
    /// General matrix multiply C = α·op(A)·op(B) + β·C, with op(A) m × k, op(B) k × n, C m × n.
    /// A is m × k (lda ≥ k) or, transposed, k × m (lda ≥ m); B is k × n (ldb ≥ n) or, transposed, n × k (ldb ≥ k).
    /// When β = 0, C is not read (NaNs in C are overwritten). Cache-blocked and SIMD (AVX-512/AVX2 FMA),
    /// parallel over blocks of C with at most <paramref name="threads"/> threads (0 = Environment.ProcessorCount).
    /// Deterministic: every element of C is computed by the same sequence of operations whatever the thread
    /// count (work is split over rows/columns of C, never over k). Cost 2mnk flops.
    /// </summary>
    public static void Gemm(bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc, int threads = 0)
    {
        GemmArgs.Check(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        GemmDriver<double>.Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads);
    }

    /// <summary>Single-precision <see cref="Gemm(bool, bool, int, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, double, Span{double}, int, int)"/>.</summary>
    public static void Gemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int threads = 0)
    {
        GemmArgs.Check(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        GemmDriver<float>.Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads);
    }

    /// <summary>
    /// Matrix-vector multiply y = α·op(A)·x + β·y, where A is m × n (row-major, lda ≥ n); op(A) = A needs x of
    /// length n and y of length m, op(A) = Aᵀ needs x of length m and y of length n. When β = 0, y is not read. O(mn).
    /// </summary>
    public static void Gemv(bool transA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y) => GemvCore(transA, m, n, alpha, a, lda, x, beta, y);

    /// <summary>Single-precision <see cref="Gemv(bool, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, double, Span{double})"/>.</summary>
    public static void Gemv(bool transA, int m, int n, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> x, float beta, Span<float> y) => GemvCore(transA, m, n, alpha, a, lda, x, beta, y);

    internal static void GemvCore<T>(bool transA, int m, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, T beta, Span<T> y) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (lda < Math.Max(1, n)) throw new ArgumentOutOfRangeException(nameof(lda), $"lda = {lda} must be ≥ n = {n}.");
        int xl = transA ? m : n, yl = transA ? n : m;
        if (x.Length < xl) throw new ArgumentException($"x has length {x.Length}, needs {xl}.", nameof(x));
        if (y.Length < yl) throw new ArgumentException($"y has length {y.Length}, needs {yl}.", nameof(y));
        if (m > 0 && n > 0 && a.Length < (long)(m - 1) * lda + n) throw new ArgumentException("A is too short for m, n and lda.", nameof(a));
        y = y[..yl];
        x = x[..xl];
        if (!transA)
        {
            for (int i = 0; i < m; i++)
            {
                T d = alpha * TensorPrimitives.Dot(a.Slice(i * lda, n), x);
                y[i] = T.IsZero(beta) ? d : d + beta * y[i];
            }
        }
        else
        {
            if (T.IsZero(beta)) y.Clear();
            else if (beta != T.One) TensorPrimitives.Multiply(y, beta, y);
            for (int i = 0; i < m; i++)
            {
                T s = alpha * x[i];
                if (!T.IsZero(s)) TensorPrimitives.MultiplyAdd(a.Slice(i * lda, n), s, y, y);
            }
        }
    }

    /// <summary>Dot product Σ xᵢyᵢ of equal-length spans (SIMD via TensorPrimitives).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => TensorPrimitives.Dot(x, y);

    /// <summary>Dot product Σ xᵢyᵢ of equal-length spans (SIMD via TensorPrimitives).</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => TensorPrimitives.Dot(x, y);

    /// <summary>y ← α·x + y (equal lengths).</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y) => TensorPrimitives.MultiplyAdd(x, alpha, y, y);

    /// <summary>y ← α·x + y (equal lengths).</summary>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.MultiplyAdd(x, alpha, y, y);
}
