using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Fathom.Numerics;

/// <summary>
/// GEMM driver (Goto/BLIS scheme): for each NC-wide column block of C and each KC-deep slice of k, op(B) is
/// packed into NR-wide panels; for each MC-tall row block op(A) is packed into MR-tall panels; an unrolled
/// micro-kernel then computes each MR × NR tile. Every element of C gets, per k-slice, one FMA chain in
/// increasing k and one update C = α·acc + (β·C | C), whichever path, tile position or thread computes it,
/// so results do not depend on the thread count. Small problems use a direct path.
/// </summary>
internal static partial class GemmDriver<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Below this many multiply-adds (m·n·k) the direct path is used.</summary>
    internal const long SmallThreshold = 48L * 48 * 48;

    [ThreadStatic] private static nint _buffer;
    [ThreadStatic] private static nuint _bufferBytes;

    private readonly record struct Config(int Path, int MR, int NR, int MC, int KC, int NC);

    private static Config ConfigFor(int path)
    {
        bool dbl = typeof(T) == typeof(double);
        switch (path)
        {
            case 512:
                {
                    int nr = 3 * Vector512<T>.Count;
                    return new Config(512, 8, nr, dbl ? 192 : 192, dbl ? 256 : 384, nr * (dbl ? 128 : 64));
                }
            case 256:
                {
                    int nr = 2 * Vector256<T>.Count;
                    return new Config(256, 6, nr, 120, dbl ? 256 : 384, nr * (dbl ? 384 : 192));
                }
            default:
                return new Config(0, 4, 4, 128, 256, 2048);
        }
    }

    public static void Run(bool transA, bool transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc, int threads)
    {
        if (m == 0 || n == 0) return;
        if (k == 0 || T.IsZero(alpha))
        {
            ScaleC(m, n, beta, c, ldc);
            return;
        }
        if ((long)m * n * k <= SmallThreshold)
        {
            SmallGemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        if (!transA && transB && (long)m * n <= 4096 && k >= 2048)
        {
            // Small output, long inner dimension (e.g. V·Vᵀ, Xᵀ-free Gram of few rows): both operands are read
            // along k, so chunked dot products beat packing. Fixed chunking: results do not depend on threads.
            DotGemm(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        if (n == 1)
        {
            GemvPath(transA, transB, m, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        var cfg = ConfigFor(KernelSettings.ChoosePath());
        if (cfg.Path == 512 && UseFewColumns(m, n))
        {
            unsafe
            {
                fixed (T* pa = a)
                fixed (T* pb = b)
                fixed (T* pc = c)
                    FewColumns(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, threads);
            }
            return;
        }
        if (2 * n < cfg.NR && m >= 4 * cfg.NR)
        {
            // Few columns: the register tile would be mostly padding. Compute Cᵀ = op(B)ᵀ·op(A)ᵀ (m becomes the
            // wide side) into a scratch buffer, then transpose it into C.
            var ct = System.Buffers.ArrayPool<T>.Shared.Rent(m * n);
            try
            {
                Run(!transB, !transA, n, m, k, alpha, b, ldb, a, lda, T.Zero, ct.AsSpan(0, m * n), m, threads);
                for (int i = 0; i < m; i++)
                {
                    var ci = c.Slice(i * ldc, n);
                    if (T.IsZero(beta))
                        for (int j = 0; j < n; j++) ci[j] = ct[j * m + i];
                    else
                        for (int j = 0; j < n; j++) ci[j] = ct[j * m + i] + beta * ci[j];
                }
            }
            finally { System.Buffers.ArrayPool<T>.Shared.Return(ct); }
            return;
        }
        int nt = threads <= 0 ? Environment.ProcessorCount : threads;
        // Do not spread less than ~4 M multiply-adds per thread; the result is the same either way.
        nt = (int)Math.Clamp((long)m * n * k / (1L << 22), 1, nt);
        unsafe
        {
            fixed (T* pa = a)
            fixed (T* pb = b)
            fixed (T* pc = c)
            {
                if (nt == 1)
                {
                    Blocked(cfg, transA, transB, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, 0, m, 0, n);
                    return;
                }
                // Split C into nt strips over its longer side, aligned to the register tile.
                bool splitN = n >= m;
                int unit = splitN ? cfg.NR : cfg.MR;
                int len = splitN ? n : m;
                int units = (len + unit - 1) / unit;
                nt = Math.Min(nt, units);
                nint ia = (nint)pa, ib = (nint)pb, ic = (nint)pc;
                Parallel.For(0, nt, new ParallelOptions { MaxDegreeOfParallelism = nt }, t =>
                {
                    int s = (int)((long)units * t / nt) * unit, e = Math.Min(len, (int)((long)units * (t + 1) / nt) * unit);
                    if (s >= e) return;
                    if (splitN) Blocked(cfg, transA, transB, k, alpha, (T*)ia, lda, (T*)ib, ldb, beta, (T*)ic, ldc, 0, m, s, e);
                    else Blocked(cfg, transA, transB, k, alpha, (T*)ia, lda, (T*)ib, ldb, beta, (T*)ic, ldc, s, e, 0, n);
                });
            }
        }
    }

    private static unsafe T* Buffer(nuint bytes)
    {
        if (_bufferBytes < bytes)
        {
            if (_buffer != 0) NativeMemory.AlignedFree((void*)_buffer);
            _buffer = 0;
            _bufferBytes = 0;
            _buffer = (nint)NativeMemory.AlignedAlloc(bytes, 64);
            _bufferBytes = bytes;
        }
        return (T*)_buffer;
    }

    /// <summary>Sequential blocked product for rows [i0, i1) and columns [j0, j1) of C.</summary>
    private static unsafe void Blocked(Config cfg, bool transA, bool transB, int k, T alpha, T* a, int lda, T* b, int ldb,
        T beta, T* c, int ldc, int i0, int i1, int j0, int j1)
    {
        int MR = cfg.MR, NR = cfg.NR, MC = cfg.MC, KC = cfg.KC, NC = cfg.NC;
        // Size the (thread-static, reused) packing buffer by what this call needs, not by the block maxima.
        int mcMax = Math.Min(MC, (i1 - i0 + MR - 1) / MR * MR), kcMax = Math.Min(KC, k), ncMax = Math.Min(NC, (j1 - j0 + NR - 1) / NR * NR);
        nuint aLen = (nuint)((mcMax * kcMax + 15) & ~15), bLen = (nuint)((kcMax * ncMax + 15) & ~15), tLen = (nuint)(MR * NR); // 64-byte aligned parts
        T* packA = Buffer((aLen + bLen + tLen) * (nuint)sizeof(T));
        T* packB = packA + aLen;
        T* tile = packB + bLen;
        delegate*<int, T*, T*, T*, int, T, T, int, void> kernel = cfg.Path switch
        {
            512 => &Kernel512,
            256 => &Kernel256,
            _ => &KernelScalar,
        };
        for (int jc = j0; jc < j1; jc += NC)
        {
            int nc = Math.Min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                int mode = pc > 0 ? 2 : T.IsZero(beta) ? 0 : 1;
                PackB(transB, b, ldb, pc, kc, jc, nc, packB, NR);
                for (int ic = i0; ic < i1; ic += MC)
                {
                    int mc = Math.Min(MC, i1 - ic);
                    PackA(transA, a, lda, ic, mc, pc, kc, packA, MR);
                    for (int jr = 0; jr < nc; jr += NR)
                    {
                        int nr = Math.Min(NR, nc - jr);
                        T* pb = packB + (nint)jr * kc;
                        for (int ir = 0; ir < mc; ir += MR)
                        {
                            int mr = Math.Min(MR, mc - ir);
                            T* pa = packA + (nint)ir * kc;
                            T* cij = c + (nint)(ic + ir) * ldc + jc + jr;
                            if (mr == MR && nr == NR) kernel(kc, pa, pb, cij, ldc, alpha, beta, mode);
                            else
                            {
                                kernel(kc, pa, pb, tile, NR, alpha, beta, 3);
                                for (int i = 0; i < mr; i++)
                                    for (int j = 0; j < nr; j++) StoreScalar(cij + (nint)i * ldc + j, tile[i * NR + j], alpha, beta, mode);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs op(A)[ic.., pc..] (mc × kc) into MR-row panels: panel r holds element (i, p) at [p·MR + i]; zero padded.</summary>
    private static unsafe void PackA(bool transA, T* a, int lda, int ic, int mc, int pc, int kc, T* dst, int MR)
    {
        for (int ir = 0; ir < mc; ir += MR)
        {
            int mr = Math.Min(MR, mc - ir);
            T* d = dst + (nint)ir * kc;
            if (!transA)
            {
                for (int i = 0; i < mr; i++)
                {
                    T* src = a + (nint)(ic + ir + i) * lda + pc;
                    for (int p = 0; p < kc; p++) d[p * MR + i] = src[p];
                }
                for (int i = mr; i < MR; i++)
                    for (int p = 0; p < kc; p++) d[p * MR + i] = T.Zero;
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    T* src = a + (nint)(pc + p) * lda + ic + ir;
                    T* dp = d + p * MR;
                    for (int i = 0; i < mr; i++) dp[i] = src[i];
                    for (int i = mr; i < MR; i++) dp[i] = T.Zero;
                }
            }
        }
    }

    /// <summary>Packs op(B)[pc.., jc..] (kc × nc) into NR-column panels: panel holds element (p, j) at [p·NR + j]; zero padded.</summary>
    private static unsafe void PackB(bool transB, T* b, int ldb, int pc, int kc, int jc, int nc, T* dst, int NR)
    {
        for (int jr = 0; jr < nc; jr += NR)
        {
            int nr = Math.Min(NR, nc - jr);
            T* d = dst + (nint)jr * kc;
            if (!transB)
            {
                for (int p = 0; p < kc; p++)
                {
                    T* src = b + (nint)(pc + p) * ldb + jc + jr;
                    T* dp = d + p * NR;
                    if (nr == NR) Unsafe.CopyBlockUnaligned(dp, src, (uint)(NR * sizeof(T)));
                    else
                    {
                        for (int j = 0; j < nr; j++) dp[j] = src[j];
                        for (int j = nr; j < NR; j++) dp[j] = T.Zero;
                    }
                }
            }
            else
            {
                for (int j = 0; j < nr; j++)
                {
                    T* src = b + (nint)(jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) d[p * NR + j] = src[p];
                }
                for (int j = nr; j < NR; j++)
                    for (int p = 0; p < kc; p++) d[p * NR + j] = T.Zero;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> x, Vector512<T> y, Vector512<T> z)
    {
        if (typeof(T) == typeof(double)) return Vector512.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();
        return Vector512.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> x, Vector256<T> y, Vector256<T> z)
    {
        if (typeof(T) == typeof(double)) return Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();
        return Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
    }

    // Update rules (mode): 0 = α·acc (β = 0, first k-slice), 1 = fma(α, acc, β·C) (first slice), 2 = fma(α, acc, C), 3 = raw acc.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(T* p, Vector512<T> acc, Vector512<T> va, Vector512<T> vb, int mode)
    {
        switch (mode)
        {
            case 0: (va * acc).Store(p); break;
            case 1: Fma(va, acc, vb * Vector512.Load(p)).Store(p); break;
            case 2: Fma(va, acc, Vector512.Load(p)).Store(p); break;
            default: acc.Store(p); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(T* p, Vector256<T> acc, Vector256<T> va, Vector256<T> vb, int mode)
    {
        switch (mode)
        {
            case 0: (va * acc).Store(p); break;
            case 1: Fma(va, acc, vb * Vector256.Load(p)).Store(p); break;
            case 2: Fma(va, acc, Vector256.Load(p)).Store(p); break;
            default: acc.Store(p); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreScalar(T* p, T acc, T alpha, T beta, int mode)
    {
        switch (mode)
        {
            case 0: *p = alpha * acc; break;
            case 1: *p = T.FusedMultiplyAdd(alpha, acc, beta * *p); break;
            case 2: *p = T.FusedMultiplyAdd(alpha, acc, *p); break;
            default: *p = acc; break;
        }
    }

    /// <summary>C = α·A·Bᵀ + β·C for a small C: k is walked in chunks that keep the rows of A and B in cache.</summary>
    private static void DotGemm(int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
    {
        const int chunk = 2048;
        var acc = new T[m * n];
        for (int p0 = 0; p0 < k; p0 += chunk)
        {
            int len = Math.Min(chunk, k - p0);
            for (int i = 0; i < m; i++)
            {
                var ai = a.Slice(i * lda + p0, len);
                for (int j = 0; j < n; j++) acc[i * n + j] += TensorPrimitives.Dot(ai, b.Slice(j * ldb + p0, len));
            }
        }
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                ref T cij = ref c[i * ldc + j];
                cij = T.IsZero(beta) ? alpha * acc[i * n + j] : alpha * acc[i * n + j] + beta * cij;
            }
    }

    /// <summary>n = 1: C[:, 0] = α·op(A)·op(B)[:, 0] + β·C[:, 0] as a matrix-vector product.</summary>
    private static void GemvPath(bool transA, bool transB, int m, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
    {
        var x = new T[k];
        for (int p = 0; p < k; p++) x[p] = transB ? b[p] : b[p * ldb];
        var y = ldc == 1 ? c[..m] : new T[m];
        if (ldc != 1 && !T.IsZero(beta))
            for (int i = 0; i < m; i++) y[i] = c[i * ldc];
        if (transA) Blas.GemvCore(true, k, m, alpha, a, lda, x, beta, y);
        else Blas.GemvCore(false, m, k, alpha, a, lda, x, beta, y);
        if (ldc != 1)
            for (int i = 0; i < m; i++) c[i * ldc] = y[i];
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
        Span<T> tmp = !transA ? default : k <= 512 ? stackalloc T[k] : new T[k];
        for (int i = 0; i < m; i++)
        {
            scoped ReadOnlySpan<T> ai;
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
