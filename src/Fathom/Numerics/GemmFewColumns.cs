using System.Numerics;

namespace Fathom.Numerics;

internal static partial class GemmDriver<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of C one <see cref="FewColumns"/> work item covers.</summary>
    private const int FewColumnsRowBlock = 64;

    /// <summary>Whether <see cref="FewColumns"/> takes a product of this shape: float64 on AVX-512, C at most
    /// <see cref="FewColumnsKernel.MaxColumns"/> wide and tall enough for whole register tiles.</summary>
    private static bool UseFewColumns(int m, int n) =>
        typeof(T) == typeof(double) && FewColumnsKernel.IsSupported && n <= FewColumnsKernel.MaxColumns && m >= 8;

    /// <summary>
    /// C = α·op(A)·op(B) + β·C for C with at most 32 columns (k-means, power iterations, projections onto a few
    /// components, Gram matrices of a few long columns). op(A) is read in place — no packing of the big operand —
    /// while op(B) is packed one k-slice at a time into a 32-wide panel and the 4 × 32 tile of dot products stays in
    /// registers (<see cref="FewColumnsKernel"/>). The k-slices, FMA chains and C updates are those of the
    /// blocked path (same KC, same update rule), so the result is bit-identical to it whatever the thread count.
    /// Threads split the rows of C in whole blocks. O(m·n·k).
    /// </summary>
    private static unsafe void FewColumns(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb,
        T beta, T* c, int ldc, int threads)
    {
        int kcMax = ConfigFor(512).KC;
        int chunks = FewColumnsKernel.Chunks(n);
        int blocks = (m + FewColumnsRowBlock - 1) / FewColumnsRowBlock;
        int nt = threads <= 0 ? Environment.ProcessorCount : threads;
        nt = (int)Math.Clamp((long)m * n * k / (1L << 22), 1, Math.Min(nt, blocks));
        double al = double.CreateTruncating(alpha), be = double.CreateTruncating(beta);
        nint ia = (nint)a, ib = (nint)b, ic = (nint)c;
        void Work(int t)
        {
            int b0 = (int)((long)blocks * t / nt), b1 = (int)((long)blocks * (t + 1) / nt);
            // The thread's reusable packing buffer (the blocked path's): panel, then the result tile.
            int panelLength = Math.Min(kcMax, k) * FewColumnsKernel.MaxColumns;
            double* pp = (double*)Buffer((nuint)((panelLength + FewColumnsRowBlock * FewColumnsKernel.MaxColumns) * sizeof(double)));
            double* pt = pp + panelLength;
            new Span<double>(pp, panelLength).Clear(); // padding columns must read as zero
            double* pa = (double*)ia, pb = (double*)ib, pc = (double*)ic;
            {
                for (int p0 = 0; p0 < k; p0 += kcMax)
                {
                    int kc = Math.Min(kcMax, k - p0);
                    int mode = p0 > 0 ? 2 : be == 0 ? 0 : 1;
                    // Padding columns stay zero: they are never written.
                    if (!transB)
                        for (int f = 0; f < kc; f++)
                            System.Buffer.MemoryCopy(pb + (long)(p0 + f) * ldb, pp + f * FewColumnsKernel.MaxColumns, n * sizeof(double), n * sizeof(double));
                    else
                        for (int j = 0; j < n; j++)
                        {
                            double* src = pb + (long)j * ldb + p0;
                            for (int f = 0; f < kc; f++) pp[f * FewColumnsKernel.MaxColumns + j] = src[f];
                        }
                    for (int blk = b0; blk < b1; blk++)
                    {
                        int r0 = blk * FewColumnsRowBlock, rows = Math.Min(FewColumnsRowBlock, m - r0);
                        double* x = transA ? pa + (long)p0 * lda + r0 : pa + (long)r0 * lda + p0;
                        long rowStride = transA ? 1 : lda, columnStride = transA ? lda : 1;
                        FewColumnsKernel.Multiply(x, rowStride, columnStride, rows, kc, pp, chunks, null, null, 0, pt);
                        for (int i = 0; i < rows; i++)
                        {
                            double* ci = pc + (long)(r0 + i) * ldc;
                            double* ti = pt + i * FewColumnsKernel.MaxColumns;
                            switch (mode)
                            {
                                case 0: for (int j = 0; j < n; j++) ci[j] = al * ti[j]; break;
                                case 1: for (int j = 0; j < n; j++) ci[j] = Math.FusedMultiplyAdd(al, ti[j], be * ci[j]); break;
                                default: for (int j = 0; j < n; j++) ci[j] = Math.FusedMultiplyAdd(al, ti[j], ci[j]); break;
                            }
                        }
                    }
                }
            }
        }
        if (nt == 1) Work(0);
        else Parallel.For(0, nt, new ParallelOptions { MaxDegreeOfParallelism = nt }, Work);
    }
}
