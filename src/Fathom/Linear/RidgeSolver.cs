namespace Fathom.Linear;

/// <summary>How <see cref="Ridge"/> solves its linear system (scikit-learn's <c>solver</c>, the dense ones).</summary>
public enum RidgeSolver
{
    /// <summary>Cholesky, falling back to the SVD when the system is not positive definite (e.g. alpha = 0 and collinear features).</summary>
    Auto,

    /// <summary>Cholesky factorization of XᵀX + αI (or of XXᵀ + αI when there are more features than rows). O(n·p² + p³).</summary>
    Cholesky,

    /// <summary>Thin SVD X = U·S·Vᵀ, β = V·diag(s / (s² + α))·Uᵀy; the most stable, singular values ≤ 1e-15 dropped. O(n·p²).</summary>
    Svd,
}
