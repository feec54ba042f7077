using System.Numerics.Tensors;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// Q_ij = y_i y_j K(x_i, x_j) for classification and one-class problems. Keeps its own transposed copy of the
/// data (features × rows) so that swapping variables swaps columns, and every row of Q over the active prefix
/// [0, len) is one transposed GEMV (p contiguous SIMD multiply-adds of length len — much faster than len short
/// dot products when p is small) followed by the element-wise kernel map.
/// </summary>
internal sealed class ClassificationQ : QMatrix
{
    private const int Block = 512;
    private readonly double[] _xt;
    private readonly int _p;
    private readonly int _n;
    private readonly double[] _xi;
    private readonly double[] _norms;
    private readonly double[] _y;
    private readonly bool _signed;
    private readonly double[] _diag;
    private readonly KernelFunction _kernel;
    private readonly KernelCache _cache;

    /// <summary>Copies x (n × p) and y (±1 per row).</summary>
    public ClassificationQ(Matrix x, double[] y, KernelFunction kernel, double cacheMegabytes)
    {
        int n = x.Rows;
        _n = n;
        _p = x.Columns;
        _xt = new double[(long)n * _p];
        for (int i = 0; i < n; i++)
        {
            var r = x.Row(i);
            for (int k = 0; k < _p; k++) _xt[k * n + i] = r[k];
        }
        _xi = new double[_p];
        _norms = Reductions.RowSquaredNorms(x);
        _y = (double[])y.Clone();
        _signed = Array.Exists(_y, v => v != _y[0]) || _y[0] != 1;
        _kernel = kernel;
        _cache = new KernelCache(n, cacheMegabytes);
        _diag = new double[n];
        Span<double> one = stackalloc double[1];
        for (int i = 0; i < n; i++)
        {
            one[0] = _norms[i];
            kernel.FromDots(one, _norms[i], _norms.AsSpan(i, 1));
            _diag[i] = one[0];
        }
    }

    /// <inheritdoc/>
    public override double[] Diagonal => _diag;

    /// <inheritdoc/>
    public override double[] GetRow(int i, int len)
    {
        var row = _cache.Get(i, len, out int start);
        if (start < len)
        {
            for (int k = 0; k < _p; k++) _xi[k] = _xt[k * _n + i];
            // blocks of Block entries: the p multiply-adds and the kernel map stay in L1
            for (int b = start; b < len; b += Block)
            {
                int m = Math.Min(Block, len - b);
                var dst = row.AsSpan(b, m);
                Blas.Gemv(true, _p, m, 1.0, _xt.AsSpan(b), _n, _xi, 0.0, dst);
                _kernel.FromDots(dst, _norms[i], _norms.AsSpan(b, m));
                if (_signed)
                {
                    TensorPrimitives.Multiply(dst, _y.AsSpan(b, m), dst);
                    if (_y[i] < 0) TensorPrimitives.Negate(dst, dst);
                }
            }
        }
        return row;
    }

    /// <inheritdoc/>
    public override void Swap(int i, int j)
    {
        if (i == j) return;
        _cache.Swap(i, j);
        for (int k = 0; k < _p; k++)
        {
            int o = k * _n;
            (_xt[o + i], _xt[o + j]) = (_xt[o + j], _xt[o + i]);
        }
        (_norms[i], _norms[j]) = (_norms[j], _norms[i]);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_diag[i], _diag[j]) = (_diag[j], _diag[i]);
    }

    /// <inheritdoc/>
    public override void Dispose() => _cache.Dispose();
}
