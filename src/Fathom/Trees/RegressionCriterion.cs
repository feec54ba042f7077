namespace Fathom.Trees;

/// <summary>How a regression tree measures the impurity of a node (scikit-learn's <c>criterion</c>).</summary>
public enum RegressionCriterion
{
    /// <summary>Weighted variance of the targets, Σ wᵢ(yᵢ − ȳ)² / Σ wᵢ; leaves predict the weighted mean. scikit-learn's default.</summary>
    SquaredError,

    /// <summary>Squared error with Friedman's improvement score (w_l·w_r/(w_l+w_r))·(ȳ_l − ȳ_r)² for choosing splits;
    /// node impurities and leaf values as <see cref="SquaredError"/>.</summary>
    FriedmanMse,

    /// <summary>Half Poisson deviance, Σ wᵢ (yᵢ log(yᵢ/ȳ) − yᵢ + ȳ) / Σ wᵢ; targets must be non-negative with a positive sum.
    /// Splits that leave a child with a zero target sum are not considered.</summary>
    Poisson,

    /// <summary>Mean absolute error around the weighted median, Σ wᵢ |yᵢ − median| / Σ wᵢ; leaves predict the weighted
    /// median (the midpoint of the two middle values when the cumulative weight hits exactly half). Slower: O(n log n)
    /// per candidate feature with two Fenwick trees over the node's sorted targets.</summary>
    AbsoluteError,
}
