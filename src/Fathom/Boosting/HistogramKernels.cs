using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Fathom.Boosting;

/// <summary>
/// The histogram inner loops. Bins are stored in blocks of four features interleaved by row (see
/// <see cref="BinMapper.Index"/>): one 32-bit load gives a row's bins of four features. A node's rows are contiguous
/// (<see cref="NodeRowStore"/>), so every pass reads sequentially. Each cell gets (gradient, hessian, 1, 0) added by
/// one 256-bit add; the (gradient, hessian) float pair of a row is read once per pass and widened by one instruction.
/// Each cell is summed in row order by one call, so results never depend on the thread count.
/// </summary>
internal static class HistogramKernels
{
    /// <summary>Adds a node's rows to the histograms of features 4·block + j0 … 4·block + j0 + count − 1 (count 1–4,
    /// within the block): row k has bin word <paramref name="bins"/>[k] (the block's four bins, one a byte) and
    /// (gradient, hessian) floats gh[k]. The histogram of feature f starts at hist[f · width]. O(rows · count).</summary>
    public static void Build(ReadOnlySpan<uint> bins, int block, int j0, int count, ReadOnlySpan<ulong> gh, HistogramBin[] hist, int width)
    {
        ref uint w0 = ref MemoryMarshal.GetReference(bins);
        ref var hb = ref Unsafe.As<HistogramBin, Vector256<double>>(ref MemoryMarshal.GetArrayDataReference(hist));
        ref var h0 = ref Unsafe.Add(ref hb, (nint)(4 * block + j0) * width);
        ref ulong p0 = ref MemoryMarshal.GetReference(gh);
        int m = gh.Length;
        var tail = Vector128.Create(1.0, 0.0);
        if (count == 4)
        {
            ref var h1 = ref Unsafe.Add(ref h0, width);
            ref var h2 = ref Unsafe.Add(ref h0, 2 * width);
            ref var h3 = ref Unsafe.Add(ref h0, 3 * width);
            for (int k = 0; k < m; k++)
            {
                uint v = Unsafe.Add(ref w0, k);
                var c = Vector256.Create(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.Add(ref p0, k)).AsSingle()), tail);
                Unsafe.Add(ref h0, v & 0xFF) += c;
                Unsafe.Add(ref h1, (v >> 8) & 0xFF) += c;
                Unsafe.Add(ref h2, (v >> 16) & 0xFF) += c;
                Unsafe.Add(ref h3, v >> 24) += c;
            }
        }
        else if (count == 3)
        {
            ref var h1 = ref Unsafe.Add(ref h0, width);
            ref var h2 = ref Unsafe.Add(ref h0, 2 * width);
            int s = 8 * j0;
            for (int k = 0; k < m; k++)
            {
                uint v = Unsafe.Add(ref w0, k) >> s;
                var c = Vector256.Create(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.Add(ref p0, k)).AsSingle()), tail);
                Unsafe.Add(ref h0, v & 0xFF) += c;
                Unsafe.Add(ref h1, (v >> 8) & 0xFF) += c;
                Unsafe.Add(ref h2, (v >> 16) & 0xFF) += c;
            }
        }
        else if (count == 2)
        {
            ref var h1 = ref Unsafe.Add(ref h0, width);
            int s = 8 * j0;
            for (int k = 0; k < m; k++)
            {
                uint v = Unsafe.Add(ref w0, k) >> s;
                var c = Vector256.Create(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.Add(ref p0, k)).AsSingle()), tail);
                Unsafe.Add(ref h0, v & 0xFF) += c;
                Unsafe.Add(ref h1, (v >> 8) & 0xFF) += c;
            }
        }
        else
        {
            int s = 8 * j0;
            for (int k = 0; k < m; k++)
            {
                uint v = Unsafe.Add(ref w0, k) >> s;
                var c = Vector256.Create(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.Add(ref p0, k)).AsSingle()), tail);
                Unsafe.Add(ref h0, v & 0xFF) += c;
            }
        }
    }

    /// <summary>large = parent − small over the cells of features [first, first + count).</summary>
    public static void Subtract(HistogramBin[] parent, HistogramBin[] small, HistogramBin[] large, int first, int count, int width)
    {
        ref var p0 = ref Unsafe.As<HistogramBin, Vector256<double>>(ref MemoryMarshal.GetArrayDataReference(parent));
        ref var s0 = ref Unsafe.As<HistogramBin, Vector256<double>>(ref MemoryMarshal.GetArrayDataReference(small));
        ref var l0 = ref Unsafe.As<HistogramBin, Vector256<double>>(ref MemoryMarshal.GetArrayDataReference(large));
        for (nint b = (nint)first * width, end = (nint)(first + count) * width; b < end; b++)
            Unsafe.Add(ref l0, b) = Unsafe.Add(ref p0, b) - Unsafe.Add(ref s0, b);
    }
}
