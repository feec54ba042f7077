namespace Fathom.Discriminant;

/// <summary>How <see cref="LinearDiscriminantAnalysis"/> is solved (scikit-learn's <c>solver</c>).</summary>
public enum LdaSolver
{
    /// <summary>
    /// Singular value decomposition of the within-class-centred, standardized data, then of the scaled class
    /// centres (the default). Never forms the covariance, so it works with many features; no shrinkage.
    /// O(n·p·min(n, p)).
    /// </summary>
    Svd,

    /// <summary>Least squares: coefficients solve Σ_w·βᵀ = Mᵀ (minimum-norm when singular); supports shrinkage; no transform. O(n·p² + p³).</summary>
    Lsqr,

    /// <summary>Generalized symmetric eigenproblem S_b·v = λ·S_w·v; supports shrinkage and transform; needs S_w positive definite. O(n·p² + p³).</summary>
    Eigen,
}
