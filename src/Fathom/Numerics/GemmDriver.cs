using System.Numerics;
using System.Numerics.Tensors;

namespace Fathom.Numerics;

/// <summary>GEMM driver: chooses the small direct path or the packed, blocked, threaded path.</summary>
internal static partial class GemmDriver<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static void Run(bool transA, bool transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc, int threads)
    {
        if (m == 0 || n == 0) return;
        if (k == 0 || T.IsZero(alpha))
        {
            ScaleC(m, n, beta, c, ldc);
            return;
        }
        SmallGemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    internal static void ScaleC(int m, int n, T beta, Span<T> c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (T.IsZero(beta)) row.Clear();
            else if (beta != T.One) TensorPrimitives.Multiply(row, beta, row);
        }
    }

    /// <summary>Direct path without packing or threads: row-by-row axpy (B not transposed) or dot products (B transposed).</summary>
    internal static void SmallGemm(bool transA, bool transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
    {
        Span<T> tmp = new T[transA ? k : 0];
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> ai;
            if (transA)
            {
                for (int p = 0; p < k; p++) tmp[p] = a[p * lda + i];
                ai = tmp;
            }
            else ai = a.Slice(i * lda, k);
            var ci = c.Slice(i * ldc, n);
            if (!transB)
            {
                if (T.IsZero(beta)) ci.Clear();
                else if (beta != T.One) TensorPrimitives.Multiply(ci, beta, ci);
                for (int p = 0; p < k; p++)
                {
                    T s = alpha * ai[p];
                    TensorPrimitives.MultiplyAdd(b.Slice(p * ldb, n), s, ci, ci);
                }
            }
            else
            {
                for (int j = 0; j < n; j++)
                {
                    T d = alpha * TensorPrimitives.Dot(ai, b.Slice(j * ldb, k));
                    ci[j] = T.IsZero(beta) ? d : d + beta * ci[j];
                }
            }
        }
    }
}
