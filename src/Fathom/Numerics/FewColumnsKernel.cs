using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Fathom.Numerics;

/// <summary>
/// Products X·Yᵀ where Y has at most <see cref="MaxColumns"/> rows (k-means centres, k-means++ candidates,
/// mixture means): the shape where a packed GEMM spends more time packing than multiplying. Y is transposed
/// once into a d × 32 panel (zero padded); X is read in place, 4 rows at a time, with the 4 × (up to 4 AVX-512
/// vectors) tile of dot products held in registers over the whole depth d. O(m·n·d) flops, no packing of X.
/// Available when <see cref="IsSupported"/> (AVX-512); callers keep a portable path otherwise.
/// </summary>
internal static class FewColumnsKernel
{
    /// <summary>Doubles per AVX-512 vector.</summary>
    private const int W = 8;

    /// <summary>Most columns of the result (rows of Y) one call handles: 4 vectors of 8 doubles.</summary>
    internal const int MaxColumns = 4 * W;

    /// <summary>Whether the AVX-512 path runs on this processor.</summary>
    internal static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <summary>Vectors needed to hold <paramref name="n"/> columns.</summary>
    internal static int Chunks(int n) => (n + W - 1) / W;

    /// <summary>Writes the d × 32 panel panel[f·32 + j] = scale·y[j, f] (zero for j ≥ rows of y).</summary>
    internal static void Pack(Matrix y, double scale, Span<double> panel)
    {
        int n = y.Rows, d = y.Columns;
        panel[..(d * MaxColumns)].Clear();
        for (int j = 0; j < n; j++)
        {
            var row = y.Row(j);
            for (int f = 0; f < d; f++) panel[f * MaxColumns + j] = scale * row[f];
        }
    }

    /// <summary>
    /// For each row i of x (m × d, leading dimension <paramref name="ldx"/>) writes the padded result row
    /// out[i·32 + j] = Σ_f x[i, f]·panel[f·32 + j] + add[j] + rowAdd[i] (rowAdd may be empty), clamped below at
    /// <paramref name="floor"/>; only the first <paramref name="chunks"/> vectors of each row are written.
    /// </summary>
    internal static unsafe void Multiply(ReadOnlySpan<double> x, int ldx, int m, int d, ReadOnlySpan<double> panel, int chunks,
        ReadOnlySpan<double> add, ReadOnlySpan<double> rowAdd, double floor, Span<double> output)
    {
        fixed (double* px = x, pp = panel, pa = add, pr = rowAdd, po = output)
            Multiply(px, ldx, 1, m, d, pp, chunks, pa, pr, floor, po);
    }

    /// <summary>
    /// Pointer form: x[i, f] is at x + i·rowStride + f·columnStride (so Aᵀ is read in place with rowStride 1);
    /// when <paramref name="add"/> is null the raw dot products are stored (no additions, no floor) — the
    /// per-element FMA chain over f is the same as the GEMM micro-kernels'.
    /// </summary>
    internal static unsafe void Multiply(double* x, long rowStride, long columnStride, int m, int d, double* panel, int chunks,
        double* add, double* rowAdd, double floor, double* output)
    {
        switch (chunks)
        {
            case 1: Run<One>(x, rowStride, columnStride, m, d, panel, add, rowAdd, floor, output); break;
            case 2: Run<Two>(x, rowStride, columnStride, m, d, panel, add, rowAdd, floor, output); break;
            case 3: Run<Three>(x, rowStride, columnStride, m, d, panel, add, rowAdd, floor, output); break;
            default: Run<Four>(x, rowStride, columnStride, m, d, panel, add, rowAdd, floor, output); break;
        }
    }

    private interface IChunks { static abstract int Count { get; } }
    private readonly struct One : IChunks { public static int Count => 1; }
    private readonly struct Two : IChunks { public static int Count => 2; }
    private readonly struct Three : IChunks { public static int Count => 3; }
    private readonly struct Four : IChunks { public static int Count => 4; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Run<TC>(double* x, long rowStride, long columnStride, int m, int d, double* panel, double* add, double* rowAdd,
        double floor, double* output)
        where TC : struct, IChunks
    {
        int c = TC.Count;
        bool raw = add is null;
        var fl = raw ? Vector512.Create(double.NegativeInfinity) : Vector512.Create(floor);
        var add0 = raw ? default : Vector512.Load(add);
        var add1 = !raw && c > 1 ? Vector512.Load(add + W) : default;
        var add2 = !raw && c > 2 ? Vector512.Load(add + 2 * W) : default;
        var add3 = !raw && c > 3 ? Vector512.Load(add + 3 * W) : default;
        for (int i0 = 0; i0 < m; i0 += 4)
        {
            // Rows past the end repeat the last row; their results are not stored.
            double* r0 = x + i0 * rowStride;
            double* r1 = x + Math.Min(i0 + 1, m - 1) * rowStride;
            double* r2 = x + Math.Min(i0 + 2, m - 1) * rowStride;
            double* r3 = x + Math.Min(i0 + 3, m - 1) * rowStride;
            Vector512<double> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector512<double> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector512<double> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector512<double> a30 = default, a31 = default, a32 = default, a33 = default;
            double* p = panel;
            long o = 0;
            for (int f = 0; f < d; f++, p += MaxColumns, o += columnStride)
            {
                var x0 = Vector512.Create(r0[o]);
                var x1 = Vector512.Create(r1[o]);
                var x2 = Vector512.Create(r2[o]);
                var x3 = Vector512.Create(r3[o]);
                var b0 = Vector512.Load(p);
                a00 = Vector512.FusedMultiplyAdd(x0, b0, a00); a10 = Vector512.FusedMultiplyAdd(x1, b0, a10);
                a20 = Vector512.FusedMultiplyAdd(x2, b0, a20); a30 = Vector512.FusedMultiplyAdd(x3, b0, a30);
                if (c > 1)
                {
                    var b1 = Vector512.Load(p + W);
                    a01 = Vector512.FusedMultiplyAdd(x0, b1, a01); a11 = Vector512.FusedMultiplyAdd(x1, b1, a11);
                    a21 = Vector512.FusedMultiplyAdd(x2, b1, a21); a31 = Vector512.FusedMultiplyAdd(x3, b1, a31);
                }
                if (c > 2)
                {
                    var b2 = Vector512.Load(p + 2 * W);
                    a02 = Vector512.FusedMultiplyAdd(x0, b2, a02); a12 = Vector512.FusedMultiplyAdd(x1, b2, a12);
                    a22 = Vector512.FusedMultiplyAdd(x2, b2, a22); a32 = Vector512.FusedMultiplyAdd(x3, b2, a32);
                }
                if (c > 3)
                {
                    var b3 = Vector512.Load(p + 3 * W);
                    a03 = Vector512.FusedMultiplyAdd(x0, b3, a03); a13 = Vector512.FusedMultiplyAdd(x1, b3, a13);
                    a23 = Vector512.FusedMultiplyAdd(x2, b3, a23); a33 = Vector512.FusedMultiplyAdd(x3, b3, a33);
                }
            }
            int rows = Math.Min(4, m - i0);
            Finish<TC>(output + (long)i0 * MaxColumns, a00, a01, a02, a03, add0, add1, add2, add3, rowAdd, i0, fl, raw);
            if (rows > 1) Finish<TC>(output + (long)(i0 + 1) * MaxColumns, a10, a11, a12, a13, add0, add1, add2, add3, rowAdd, i0 + 1, fl, raw);
            if (rows > 2) Finish<TC>(output + (long)(i0 + 2) * MaxColumns, a20, a21, a22, a23, add0, add1, add2, add3, rowAdd, i0 + 2, fl, raw);
            if (rows > 3) Finish<TC>(output + (long)(i0 + 3) * MaxColumns, a30, a31, a32, a33, add0, add1, add2, add3, rowAdd, i0 + 3, fl, raw);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Finish<TC>(double* o, Vector512<double> v0, Vector512<double> v1, Vector512<double> v2, Vector512<double> v3,
        Vector512<double> add0, Vector512<double> add1, Vector512<double> add2, Vector512<double> add3, double* rowAdd, int i, Vector512<double> floor,
        bool raw)
        where TC : struct, IChunks
    {
        if (raw)
        {
            v0.Store(o);
            if (TC.Count > 1) v1.Store(o + W);
            if (TC.Count > 2) v2.Store(o + 2 * W);
            if (TC.Count > 3) v3.Store(o + 3 * W);
            return;
        }
        var r = Vector512.Create(rowAdd is null ? 0.0 : rowAdd[i]);
        Vector512.Max(v0 + add0 + r, floor).Store(o);
        if (TC.Count > 1) Vector512.Max(v1 + add1 + r, floor).Store(o + W);
        if (TC.Count > 2) Vector512.Max(v2 + add2 + r, floor).Store(o + 2 * W);
        if (TC.Count > 3) Vector512.Max(v3 + add3 + r, floor).Store(o + 3 * W);
    }
}
