namespace Fathom.Metrics;

/// <summary>Disagreement weights of Cohen's kappa for ordered labels.</summary>
public enum KappaWeighting
{
    /// <summary>Every disagreement weighs 1 (plain kappa).</summary>
    None,

    /// <summary>A disagreement weighs |i − j| (label positions in sorted order).</summary>
    Linear,

    /// <summary>A disagreement weighs (i − j)².</summary>
    Quadratic,
}
