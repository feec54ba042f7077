using System.Numerics.Tensors;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// The 2l × 2l Q matrix of ε-SVR and ν-SVR, [K −K; −K K], served from a cache of the l kernel rows: variable
/// t &lt; l is α_t (sign +1), variable t ≥ l is α*_{t−l} (sign −1); Q_st = sign_s sign_t K(x_{index s}, x_{index t}).
/// Kernel rows are computed by a transposed GEMV over all l rows (data kept features × rows).
/// </summary>
internal sealed class RegressionQ : QMatrix
{
    private readonly double[] _xt;
    private readonly double[] _xi;
    private readonly int _p;
    private readonly double[] _norms;
    private readonly KernelFunction _kernel;
    private readonly KernelCache _cache;
    private readonly int _l;
    private readonly double[] _sign;
    private readonly int[] _index;
    private readonly double[] _diag;
    private readonly double[][] _buffers;
    private int _next;

    /// <summary>For the rows of x (contiguous copy made).</summary>
    public RegressionQ(Matrix x, KernelFunction kernel, double cacheMegabytes)
    {
        _l = x.Rows;
        _p = x.Columns;
        _xt = new double[(long)_l * _p];
        for (int i = 0; i < _l; i++)
        {
            var r = x.Row(i);
            for (int k = 0; k < _p; k++) _xt[k * _l + i] = r[k];
        }
        _xi = new double[_p];
        _norms = Reductions.RowSquaredNorms(x);
        _kernel = kernel;
        _cache = new KernelCache(_l, cacheMegabytes);
        _sign = new double[2 * _l];
        _index = new int[2 * _l];
        _diag = new double[2 * _l];
        Span<double> one = stackalloc double[1];
        for (int k = 0; k < _l; k++)
        {
            _sign[k] = 1;
            _sign[k + _l] = -1;
            _index[k] = k;
            _index[k + _l] = k;
            one[0] = _norms[k];
            kernel.FromDots(one, _norms[k], _norms.AsSpan(k, 1));
            _diag[k] = _diag[k + _l] = one[0];
        }
        _buffers = [new double[2 * _l], new double[2 * _l]];
    }

    /// <inheritdoc/>
    public override double[] Diagonal => _diag;

    /// <inheritdoc/>
    public override double[] GetRow(int i, int len)
    {
        int real = _index[i];
        var row = _cache.Get(real, _l, out int start);
        if (start < _l)
        {
            var dst = row.AsSpan(start, _l - start);
            for (int k = 0; k < _p; k++) _xi[k] = _xt[k * _l + real];
            Blas.Gemv(true, _p, _l - start, 1.0, _xt.AsSpan(start), _l, _xi, 0.0, dst);
            _kernel.FromDots(dst, _norms[real], _norms.AsSpan(start, _l - start));
        }
        var buf = _buffers[_next];
        _next = 1 - _next;
        double si = _sign[i];
        for (int j = 0; j < len; j++) buf[j] = si * _sign[j] * row[_index[j]];
        return buf;
    }

    /// <inheritdoc/>
    public override void Swap(int i, int j)
    {
        (_sign[i], _sign[j]) = (_sign[j], _sign[i]);
        (_index[i], _index[j]) = (_index[j], _index[i]);
        (_diag[i], _diag[j]) = (_diag[j], _diag[i]);
    }

    /// <inheritdoc/>
    public override void Dispose() => _cache.Dispose();
}
