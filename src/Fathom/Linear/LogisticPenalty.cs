namespace Fathom.Linear;

/// <summary>The penalty of <see cref="LogisticRegression"/> (scikit-learn's <c>penalty</c>).</summary>
public enum LogisticPenalty
{
    /// <summary>No penalty: plain maximum likelihood (<c>C</c> is ignored).</summary>
    None,

    /// <summary>Squared L2 norm of the coefficients, ‖W‖²/(2C); the intercept is not penalized. Solved by L-BFGS.</summary>
    L2,

    /// <summary>L1 norm of the coefficients, ‖W‖₁/C (sparse solutions); solved by proximal Newton with coordinate descent.</summary>
    L1,

    /// <summary>ρ‖W‖₁/C + (1 − ρ)‖W‖²/(2C), ρ = <see cref="LogisticRegression.L1Ratio"/>; solved by proximal Newton with
    /// coordinate descent.</summary>
    ElasticNet,
}
