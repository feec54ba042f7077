namespace Fathom.LinearAlgebra;

/// <summary>
/// A symmetric linear map applied implicitly: writes <c>y = A·x</c> (y is overwritten) for a symmetric n × n
/// matrix A that need not be stored, e.g. <c>XᵀX</c> applied as <c>Xᵀ(X·x)</c> for a sparse X.
/// </summary>
/// <param name="x">The input vector (length n).</param>
/// <param name="y">The output vector (length n), overwritten.</param>
public delegate void SymmetricOperator(ReadOnlySpan<double> x, Span<double> y);
