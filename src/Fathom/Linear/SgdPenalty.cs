namespace Fathom.Linear;

/// <summary>The penalty of the SGD estimators (scikit-learn's <c>penalty</c>).</summary>
public enum SgdPenalty
{
    /// <summary>No penalty.</summary>
    None,

    /// <summary>α/2·‖w‖², applied by shrinking the weights by (1 − η·α) each step.</summary>
    L2,

    /// <summary>α·‖w‖₁, applied with the cumulative truncated gradient of Tsuruoka et al. (2009), as scikit-learn.</summary>
    L1,

    /// <summary>α·(ρ‖w‖₁ + (1 − ρ)/2·‖w‖²), ρ = <c>l1_ratio</c>.</summary>
    ElasticNet,
}
