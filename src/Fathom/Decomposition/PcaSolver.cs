namespace Fathom.Decomposition;

/// <summary>How <see cref="PCA"/> computes the singular value decomposition.</summary>
public enum PcaSolver
{
    /// <summary>scikit-learn's rule: full when max(rows, features) ≤ 500 or the component count is not an
    /// integer below 0.8 · min(rows, features); randomized otherwise.</summary>
    Auto,

    /// <summary>Exact thin SVD of the centred data (QR reduction, then a dense SVD). O(n·p·min(n, p)).</summary>
    Full,

    /// <summary>Randomized SVD (Halko, Martinsson &amp; Tropp 2011) with 10 oversamples and power iterations;
    /// needs an integer component count. O(n·p·k) per iteration.</summary>
    Randomized,
}
