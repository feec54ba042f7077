using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The two dense products every linear model needs, in one place: <c>Z = X·Wᵀ + 1bᵀ</c> and <c>G += Rᵀ·X</c>
/// on a block of rows. Several classes (k &gt; 1) go to the shared <see cref="Blas.Gemm(bool, bool, int, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, double, Span{double}, int, int)"/>.
/// One output (k = 1: binary logistic, linear regression) uses the 4-row-blocked matrix-vector kernels below
/// instead of <see cref="Blas.Gemv(bool, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, double, Span{double})"/>:
/// measured on the logistic benchmark (400k × 28, one thread) an objective evaluation takes ~15 ms CPU with
/// them against ~23 ms with the shared Gemv (which does one row per TensorPrimitives call). They should move
/// into Numerics' Gemv, after which this class delegates there too.
/// </summary>
internal static class LinearKernels
{

    /// <summary>
    /// z[i·k + c] = b[c] + Σⱼ x[rowStart + i, j] · w[c·p + j] for i &lt; rowCount, c &lt; k, where p = x.Columns and
    /// W is k × p row-major. <paramref name="b"/> may be empty (no intercept).
    /// </summary>
    public static void Project(Matrix x, int rowStart, int rowCount, ReadOnlySpan<double> w, ReadOnlySpan<double> b, int k, Span<double> z)
    {
        int p = x.Columns;
        var data = x.Storage;
        int stride = x.Stride;
        int baseOffset = x.Offset + rowStart * stride;
        if (k == 1)
        {
            ProjectOne(data, baseOffset, stride, rowCount, p, w[..p], b.IsEmpty ? 0.0 : b[0], z);
            return;
        }
        if (rowCount == 0) return;
        var a = new ReadOnlySpan<double>(data, baseOffset, (rowCount - 1) * stride + p);
        // Z = X·Wᵀ (+ b on every row)
        Blas.Gemm(false, true, rowCount, k, p, 1.0, a, stride, w[..(k * p)], p, 0.0, z[..(rowCount * k)], k, threads: 1);
        if (!b.IsEmpty)
            for (int i = 0; i < rowCount; i++) TensorPrimitives.Add(z.Slice(i * k, k), b[..k], z.Slice(i * k, k));
    }

    /// <summary>g[c·p + j] += Σᵢ r[i·k + c] · x[rowStart + i, j] (G += Rᵀ X; G is k × p row-major).</summary>
    public static void AccumulateTransposed(Matrix x, int rowStart, int rowCount, ReadOnlySpan<double> r, int k, Span<double> g)
    {
        int p = x.Columns;
        var data = x.Storage;
        int stride = x.Stride;
        int baseOffset = x.Offset + rowStart * stride;
        if (k == 1)
        {
            AccumulateOne(data, baseOffset, stride, rowCount, p, r, g[..p]);
            return;
        }
        if (rowCount == 0) return;
        var a = new ReadOnlySpan<double>(data, baseOffset, (rowCount - 1) * stride + p);
        // G += Rᵀ·X
        Blas.Gemm(true, false, k, p, rowCount, 1.0, r[..(rowCount * k)], k, a, stride, 1.0, g[..(k * p)], p, threads: 1);
    }

    /// <summary>z[i] = b + row_i · w, four rows at a time so each loaded piece of w serves four rows.</summary>
    private static void ProjectOne(double[] data, int offset, int stride, int n, int p, ReadOnlySpan<double> w, double b, Span<double> z)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && p >= Vector256<double>.Count)
        {
            ref double wr = ref MemoryMarshal.GetReference(w);
            int pv = p - p % Vector256<double>.Count;
            for (; i + 4 <= n; i += 4)
            {
                ref double x0 = ref data[offset + i * stride];
                ref double x1 = ref Unsafe.Add(ref x0, stride);
                ref double x2 = ref Unsafe.Add(ref x1, stride);
                ref double x3 = ref Unsafe.Add(ref x2, stride);
                var a0 = Vector256<double>.Zero;
                var a1 = Vector256<double>.Zero;
                var a2 = Vector256<double>.Zero;
                var a3 = Vector256<double>.Zero;
                for (int j = 0; j < pv; j += Vector256<double>.Count)
                {
                    var wv = Vector256.LoadUnsafe(ref wr, (nuint)j);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)j), wv, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)j), wv, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x2, (nuint)j), wv, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x3, (nuint)j), wv, a3);
                }
                double s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
                for (int j = pv; j < p; j++)
                {
                    double wj = Unsafe.Add(ref wr, j);
                    s0 += Unsafe.Add(ref x0, j) * wj;
                    s1 += Unsafe.Add(ref x1, j) * wj;
                    s2 += Unsafe.Add(ref x2, j) * wj;
                    s3 += Unsafe.Add(ref x3, j) * wj;
                }
                z[i] = b + s0;
                z[i + 1] = b + s1;
                z[i + 2] = b + s2;
                z[i + 3] = b + s3;
            }
        }
        for (; i < n; i++) z[i] = b + TensorPrimitives.Dot(new ReadOnlySpan<double>(data, offset + i * stride, p), w);
    }

    /// <summary>g += Σᵢ r[i] · row_i, four rows at a time so each piece of g is loaded and stored once per four rows.</summary>
    private static void AccumulateOne(double[] data, int offset, int stride, int n, int p, ReadOnlySpan<double> r, Span<double> g)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && p >= Vector256<double>.Count)
        {
            ref double gr = ref MemoryMarshal.GetReference(g);
            int pv = p - p % Vector256<double>.Count;
            for (; i + 4 <= n; i += 4)
            {
                ref double x0 = ref data[offset + i * stride];
                ref double x1 = ref Unsafe.Add(ref x0, stride);
                ref double x2 = ref Unsafe.Add(ref x1, stride);
                ref double x3 = ref Unsafe.Add(ref x2, stride);
                double r0 = r[i], r1 = r[i + 1], r2 = r[i + 2], r3 = r[i + 3];
                var v0 = Vector256.Create(r0);
                var v1 = Vector256.Create(r1);
                var v2 = Vector256.Create(r2);
                var v3 = Vector256.Create(r3);
                for (int j = 0; j < pv; j += Vector256<double>.Count)
                {
                    var acc = Vector256.LoadUnsafe(ref gr, (nuint)j);
                    acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)j), v0, acc);
                    acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)j), v1, acc);
                    acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x2, (nuint)j), v2, acc);
                    acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x3, (nuint)j), v3, acc);
                    acc.StoreUnsafe(ref gr, (nuint)j);
                }
                for (int j = pv; j < p; j++)
                    Unsafe.Add(ref gr, j) += Unsafe.Add(ref x0, j) * r0 + Unsafe.Add(ref x1, j) * r1
                                             + Unsafe.Add(ref x2, j) * r2 + Unsafe.Add(ref x3, j) * r3;
            }
        }
        for (; i < n; i++) TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(data, offset + i * stride, p), r[i], g, g);
    }
}
