namespace Fathom.Decomposition;

/// <summary>How the randomized SVD keeps its power iterations well scaled (scikit-learn's <c>power_iteration_normalizer</c>).</summary>
public enum PowerIterationNormalizer
{
    /// <summary>scikit-learn's rule: <see cref="None"/> when at most 2 power iterations, else <see cref="LU"/>.</summary>
    Auto,

    /// <summary>No normalization between products (fast; loses the small directions after many iterations).</summary>
    None,

    /// <summary>LU with partial pivoting, keeping the permuted unit-lower factor P·L (same span as the product). O(n·l²).</summary>
    LU,

    /// <summary>Householder QR, keeping the orthonormal factor Q. O(n·l²), slower than LU but the most stable.</summary>
    QR,
}
