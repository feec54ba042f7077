namespace Fathom.Decomposition;

/// <summary>How <see cref="TruncatedSVD"/> computes the leading singular triplets (scikit-learn's <c>algorithm</c>).</summary>
public enum TruncatedSvdAlgorithm
{
    /// <summary>Randomized SVD (Halko, Martinsson &amp; Tropp 2011) with <see cref="TruncatedSVD.NOversamples"/> extra
    /// directions and <see cref="TruncatedSVD.NIter"/> power iterations. O(nnz·(k + oversamples)·(iterations + 2)).</summary>
    Randomized,

    /// <summary>Exact: the largest eigenpairs of the smaller Gram matrix XᵀX (or XXᵀ), applied implicitly as two
    /// products with X, by thick-restart Lanczos to <see cref="TruncatedSVD.Tol"/>, then a Rayleigh–Ritz SVD of X·V —
    /// the same steps as SciPy's <c>svds(solver="arpack")</c>, which scikit-learn's <c>algorithm="arpack"</c> calls.</summary>
    Arpack,
}
