using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>The data matrix X seen through its products only (dense GEMM or sparse kernels), optionally transposed,
/// so the truncated SVD algorithms never need to know which storage they work on.</summary>
internal sealed class SvdOperand
{
    private readonly Matrix? _dense;
    private readonly SparseMatrix? _sparse;
    private readonly bool _transposed;
    private readonly int _threads;

    private SvdOperand(Matrix? dense, SparseMatrix? sparse, bool transposed, int threads)
    {
        _dense = dense;
        _sparse = sparse;
        _transposed = transposed;
        _threads = threads;
    }

    public static SvdOperand Of(Matrix x, int threads) => new(x, null, false, threads);

    public static SvdOperand Of(SparseMatrix x, int threads) => new(null, x, false, threads);

    /// <summary>The same data, transposed (no copy).</summary>
    public SvdOperand T => new(_dense, _sparse, !_transposed, _threads);

    public int Rows => _transposed ? BaseColumns : BaseRows;

    public int Columns => _transposed ? BaseRows : BaseColumns;

    private int BaseRows => _dense?.Rows ?? _sparse!.Rows;

    private int BaseColumns => _dense?.Columns ?? _sparse!.Columns;

    /// <summary>M·B.</summary>
    public Matrix Multiply(Matrix b) => _transposed ? BaseTransposeMultiply(b) : BaseMultiply(b);

    /// <summary>Mᵀ·B.</summary>
    public Matrix TransposeMultiply(Matrix b) => _transposed ? BaseMultiply(b) : BaseTransposeMultiply(b);

    /// <summary>y = M·x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (_transposed) BaseTransposeMultiply(x, y);
        else BaseMultiply(x, y);
    }

    /// <summary>y = Mᵀ·x.</summary>
    public void TransposeMultiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (_transposed) BaseMultiply(x, y);
        else BaseTransposeMultiply(x, y);
    }

    private Matrix BaseMultiply(Matrix b) =>
        _dense is not null ? MatrixOps.Multiply(_dense, b, _threads) : SparseProducts.Multiply(_sparse!, b, _threads);

    private Matrix BaseTransposeMultiply(Matrix b) =>
        _dense is not null ? MatrixOps.TransposeMultiply(_dense, b, _threads) : SparseTransposeProducts.Multiply(_sparse!, b, _threads);

    private void BaseMultiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (_dense is not null) Blas.Gemv(false, _dense.Rows, _dense.Columns, 1.0, MatrixOps.Data(_dense), MatrixOps.Ld(_dense), x, 0.0, y);
        else SparseProducts.Multiply(_sparse!, x, y, _threads);
    }

    private void BaseTransposeMultiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (_dense is not null) Blas.Gemv(true, _dense.Rows, _dense.Columns, 1.0, MatrixOps.Data(_dense), MatrixOps.Ld(_dense), x, 0.0, y);
        else SparseTransposeProducts.Multiply(_sparse!, x, y, _threads);
    }

    /// <summary>Total variance (ddof 0) of the columns of the untransposed X.</summary>
    public double TotalColumnVariance() =>
        _dense is not null ? Reductions.ColumnVariances(_dense, ddof: 0).Sum() : SparseReductions.ColumnVariances(_sparse!, ddof: 0).Sum();
}
