using Fathom.Core;

namespace Fathom.LinearAlgebra;

/// <summary>
/// A Cholesky factorization met a pivot that is not strictly positive (or is NaN), so the matrix is not
/// symmetric positive definite. <see cref="Pivot"/> is the 0-based index of the failing diagonal element.
/// </summary>
public sealed class MatrixNotPositiveDefiniteException : InvalidInputException
{
    /// <summary>Creates the exception for the failing pivot <paramref name="pivot"/>.</summary>
    public MatrixNotPositiveDefiniteException(int pivot, double value)
        : base($"The matrix is not positive definite: pivot {pivot} (leading minor of order {pivot + 1}) is {value:G6} after elimination, " +
               "but must be > 0. Check that the matrix is symmetric positive definite, or add a small ridge (e.g. 1e-10 × trace / n) to the diagonal.")
    {
        Pivot = pivot;
        PivotValue = value;
    }

    /// <summary>Creates the exception with a message.</summary>
    public MatrixNotPositiveDefiniteException(string message) : base(message) => Pivot = -1;

    /// <summary>Creates the exception with no message.</summary>
    public MatrixNotPositiveDefiniteException() => Pivot = -1;

    /// <summary>Creates the exception with a message and cause.</summary>
    public MatrixNotPositiveDefiniteException(string message, Exception innerException) : base(message, innerException) => Pivot = -1;

    /// <summary>0-based index of the diagonal element at which the factorization failed (-1 if unknown).</summary>
    public int Pivot { get; }

    /// <summary>The value the pivot had after elimination (≤ 0 or NaN).</summary>
    public double PivotValue { get; }
}
