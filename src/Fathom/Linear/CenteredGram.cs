using System.Numerics.Tensors;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The normal-equation pieces AᵀA and Aᵀb of the centred, weight-scaled problem (see <see cref="CenteredDesign"/>)
/// without materializing A: rows are centred and scaled one block at a time into a small buffer and accumulated
/// with the shared GEMM/GEMV kernels. Blocks are fixed by the data size (not the thread count) and their partial
/// sums are added in block order, so the result is the same on any number of threads. Saves the n × p copy and
/// one pass over memory; used by the Cholesky path of <see cref="Ridge"/> when rows ≫ features.
/// </summary>
internal static class CenteredGram
{
    /// <summary>Largest feature count for which the per-block partial Gram matrices are kept (16 · p² doubles).</summary>
    public const int MaxFeatures = 512;

    /// <summary>Partial AᵀA and Aᵀb of rows [start, end), in blocks of 512 rows. Fully optimized at first call:
    /// it runs once per fit, so tiered compilation would otherwise spend the whole fit in unoptimized code.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (double[] Gram, double[] Xty) Part(Matrix x, double[] y, double[]? sampleWeight, double[] mean, double yMean, int start, int end)
    {
        int p = x.Columns;
        const int block = 512;
        var buf = new double[block * p];
        var b = new double[block];
        var g = new double[p * p];
        var q = new double[p];
        for (int r0 = start; r0 < end; r0 += block)
        {
            int rows = Math.Min(block, end - r0);
            for (int r = 0; r < rows; r++)
            {
                int i = r0 + r;
                var dst = buf.AsSpan(r * p, p);
                TensorPrimitives.Subtract(x.Row(i), mean, dst);
                double yi = y[i] - yMean;
                if (sampleWeight is not null)
                {
                    double s = Math.Sqrt(sampleWeight[i]);
                    TensorPrimitives.Multiply(dst, s, dst);
                    yi *= s;
                }
                b[r] = yi;
            }
            Blas.Gemm(true, false, p, p, rows, 1.0, buf, p, buf, p, 1.0, g, p, 1);
            Blas.Gemv(true, rows, p, 1.0, buf, p, b.AsSpan(0, rows), 1.0, q);
        }
        return (g, q);
    }

    /// <summary>AᵀA (exactly symmetric) and Aᵀb for A = √s·(X − x̄), b = √s·(y − ȳ).</summary>
    public static (Matrix Gram, double[] Xty) Compute(Matrix x, double[] y, double[]? sampleWeight, ReadOnlySpan<double> xMean,
        double yMean, int threads)
    {
        int n = x.Rows, p = x.Columns;
        const int parts = 16;
        int rowsPerPart = (n + parts - 1) / parts;
        int partCount = (n + rowsPerPart - 1) / rowsPerPart;
        var grams = new double[partCount][];
        var xtys = new double[partCount][];
        var mean = xMean.ToArray();
        Parallel.For(0, partCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, part =>
        {
            int start = part * rowsPerPart, end = Math.Min(n, start + rowsPerPart);
            (grams[part], xtys[part]) = Part(x, y, sampleWeight, mean, yMean, start, end);
        });
        var gram = new Matrix(p, p);
        var xty = new double[p];
        for (int part = 0; part < partCount; part++)
        {
            TensorPrimitives.Add(gram.AsSpan(), grams[part], gram.AsSpan());
            TensorPrimitives.Add(xty, xtys[part], xty);
        }
        var s2 = gram.Storage;
        for (int i = 0; i < p; i++)
            for (int j = i + 1; j < p; j++) s2[j * p + i] = s2[i * p + j] = 0.5 * (s2[i * p + j] + s2[j * p + i]);
        return (gram, xty);
    }
}
