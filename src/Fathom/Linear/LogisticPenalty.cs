namespace Fathom.Linear;

/// <summary>The penalty of <see cref="LogisticRegression"/> (scikit-learn's <c>penalty</c>).</summary>
public enum LogisticPenalty
{
    /// <summary>No penalty: plain maximum likelihood (<c>C</c> is ignored).</summary>
    None,

    /// <summary>Squared L2 norm of the coefficients, ‖W‖²/(2C); the intercept is not penalized.</summary>
    L2,
}
