using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fathom.Boosting;

/// <summary>The histogram inner loops (one feature, one node).</summary>
internal static class HistogramKernels
{
    /// <summary>All rows in order: bin of row k is col[k].</summary>
    public static void Dense(ReadOnlySpan<byte> col, ReadOnlySpan<float> g, ReadOnlySpan<float> h, Span<HistogramBin> bins)
    {
        ref var b0 = ref MemoryMarshal.GetReference(bins);
        for (int k = 0; k < g.Length; k++)
        {
            ref var e = ref Unsafe.Add(ref b0, col[k]);
            e.Gradient += g[k];
            e.Hessian += h[k];
            e.Count++;
        }
    }

    /// <summary>A node's rows: bin of the k-th row is col[rows[k]]; g and h are already in the node's row order.</summary>
    public static void Gather(ReadOnlySpan<byte> col, ReadOnlySpan<int> rows, ReadOnlySpan<float> g, ReadOnlySpan<float> h, Span<HistogramBin> bins)
    {
        ref var b0 = ref MemoryMarshal.GetReference(bins);
        for (int k = 0; k < rows.Length; k++)
        {
            ref var e = ref Unsafe.Add(ref b0, col[rows[k]]);
            e.Gradient += g[k];
            e.Hessian += h[k];
            e.Count++;
        }
    }
}
