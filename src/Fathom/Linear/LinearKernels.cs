using System.Numerics.Tensors;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The two dense products every linear model needs, in one place so that switching to the shared GEMM
/// kernels (src/Fathom/Numerics, when they land) is a one-line change per method:
/// <c>Z = X·Wᵀ + 1bᵀ</c> and <c>G += Rᵀ·X</c> on a block of rows.
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
            double b0 = b.IsEmpty ? 0.0 : b[0];
            var w0 = w[..p];
            for (int i = 0; i < rowCount; i++)
                z[i] = b0 + TensorPrimitives.Dot(new ReadOnlySpan<double>(data, baseOffset + i * stride, p), w0);
            return;
        }
        for (int i = 0; i < rowCount; i++)
        {
            var row = new ReadOnlySpan<double>(data, baseOffset + i * stride, p);
            var zi = z.Slice(i * k, k);
            for (int c = 0; c < k; c++)
                zi[c] = (b.IsEmpty ? 0.0 : b[c]) + TensorPrimitives.Dot(row, w.Slice(c * p, p));
        }
    }

    /// <summary>g[c·p + j] += Σᵢ r[i·k + c] · x[rowStart + i, j] (G += Rᵀ X; G is k × p row-major).</summary>
    public static void AccumulateTransposed(Matrix x, int rowStart, int rowCount, ReadOnlySpan<double> r, int k, Span<double> g)
    {
        int p = x.Columns;
        var data = x.Storage;
        int stride = x.Stride;
        int baseOffset = x.Offset + rowStart * stride;
        for (int i = 0; i < rowCount; i++)
        {
            var row = new ReadOnlySpan<double>(data, baseOffset + i * stride, p);
            for (int c = 0; c < k; c++)
            {
                double ric = r[i * k + c];
                if (ric == 0) continue;
                var gc = g.Slice(c * p, p);
                TensorPrimitives.MultiplyAdd(row, ric, gc, gc);
            }
        }
    }
}
