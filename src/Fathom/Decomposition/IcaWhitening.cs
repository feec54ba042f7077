namespace Fathom.Decomposition;

/// <summary>How <see cref="FastICA"/> scales its sources (scikit-learn's <c>whiten</c>).</summary>
public enum IcaWhitening
{
    /// <summary>Sources rescaled to unit variance (scikit-learn 1.3's default).</summary>
    UnitVariance,

    /// <summary>Sources left at the scale the whitened iteration gives (scikit-learn 1.2's default).</summary>
    ArbitraryVariance,
}
