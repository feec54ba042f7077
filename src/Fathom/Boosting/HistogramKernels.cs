using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fathom.Boosting;

/// <summary>
/// The histogram inner loops: one pass over a node's rows updates the histograms of up to four features, so the
/// gradients, hessians and row indices are read once per four features. Each feature's bins are still summed in row
/// order by a single thread, so results never depend on the thread count.
/// </summary>
internal static class HistogramKernels
{
    /// <summary>Adds rows to the histograms of features [first, first + count) (count ≤ 4). With
    /// <paramref name="rows"/> empty the rows are 0..g.Length−1 in order (the root); otherwise the k-th row is
    /// rows[k] and gh (gradient, hessian pairs) is already in that order. Histogram of feature f starts at bins[f · width].</summary>
    public static void Build(byte[] binned, int n, int first, int count, ReadOnlySpan<int> rows, ReadOnlySpan<float> gh,
        HistogramBin[] bins, int width)
    {
        int f = first, end = first + count;
        while (end - f >= 4)
        {
            Four(binned, n, f, rows, gh, bins, width);
            f += 4;
        }
        if (end - f >= 2)
        {
            Two(binned, n, f, rows, gh, bins, width);
            f += 2;
        }
        if (end - f == 1) One(binned, n, f, rows, gh, bins, width);
    }

    private static void Four(byte[] binned, int n, int f, ReadOnlySpan<int> rows, ReadOnlySpan<float> gh,
        HistogramBin[] bins, int width)
    {
        ref byte c0 = ref binned[(long)f * n];
        ref byte c1 = ref binned[(long)(f + 1) * n];
        ref byte c2 = ref binned[(long)(f + 2) * n];
        ref byte c3 = ref binned[(long)(f + 3) * n];
        ref var h0 = ref bins[f * width];
        ref var h1 = ref bins[(f + 1) * width];
        ref var h2 = ref bins[(f + 2) * width];
        ref var h3 = ref bins[(f + 3) * width];
        bool dense = rows.IsEmpty;
        ref int r0 = ref MemoryMarshal.GetReference(rows);
        ref float p0 = ref MemoryMarshal.GetReference(gh);
        int m = gh.Length / 2;
        for (int k = 0; k < m; k++)
        {
            nint r = dense ? k : Unsafe.Add(ref r0, k);
            double gk = Unsafe.Add(ref p0, 2 * k), hk = Unsafe.Add(ref p0, 2 * k + 1);
            ref var e0 = ref Unsafe.Add(ref h0, Unsafe.Add(ref c0, r));
            e0.Gradient += gk; e0.Hessian += hk; e0.Count++;
            ref var e1 = ref Unsafe.Add(ref h1, Unsafe.Add(ref c1, r));
            e1.Gradient += gk; e1.Hessian += hk; e1.Count++;
            ref var e2 = ref Unsafe.Add(ref h2, Unsafe.Add(ref c2, r));
            e2.Gradient += gk; e2.Hessian += hk; e2.Count++;
            ref var e3 = ref Unsafe.Add(ref h3, Unsafe.Add(ref c3, r));
            e3.Gradient += gk; e3.Hessian += hk; e3.Count++;
        }
    }

    private static void Two(byte[] binned, int n, int f, ReadOnlySpan<int> rows, ReadOnlySpan<float> gh,
        HistogramBin[] bins, int width)
    {
        ref byte c0 = ref binned[(long)f * n];
        ref byte c1 = ref binned[(long)(f + 1) * n];
        ref var h0 = ref bins[f * width];
        ref var h1 = ref bins[(f + 1) * width];
        bool dense = rows.IsEmpty;
        ref int r0 = ref MemoryMarshal.GetReference(rows);
        ref float p0 = ref MemoryMarshal.GetReference(gh);
        int m = gh.Length / 2;
        for (int k = 0; k < m; k++)
        {
            nint r = dense ? k : Unsafe.Add(ref r0, k);
            double gk = Unsafe.Add(ref p0, 2 * k), hk = Unsafe.Add(ref p0, 2 * k + 1);
            ref var e0 = ref Unsafe.Add(ref h0, Unsafe.Add(ref c0, r));
            e0.Gradient += gk; e0.Hessian += hk; e0.Count++;
            ref var e1 = ref Unsafe.Add(ref h1, Unsafe.Add(ref c1, r));
            e1.Gradient += gk; e1.Hessian += hk; e1.Count++;
        }
    }

    private static void One(byte[] binned, int n, int f, ReadOnlySpan<int> rows, ReadOnlySpan<float> gh,
        HistogramBin[] bins, int width)
    {
        ref byte c0 = ref binned[(long)f * n];
        ref var h0 = ref bins[f * width];
        bool dense = rows.IsEmpty;
        ref int r0 = ref MemoryMarshal.GetReference(rows);
        ref float p0 = ref MemoryMarshal.GetReference(gh);
        int m = gh.Length / 2;
        for (int k = 0; k < m; k++)
        {
            nint r = dense ? k : Unsafe.Add(ref r0, k);
            ref var e0 = ref Unsafe.Add(ref h0, Unsafe.Add(ref c0, r));
            e0.Gradient += Unsafe.Add(ref p0, 2 * k); e0.Hessian += Unsafe.Add(ref p0, 2 * k + 1); e0.Count++;
        }
    }
}
