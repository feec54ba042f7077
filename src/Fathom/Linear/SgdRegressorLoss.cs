namespace Fathom.Linear;

/// <summary>The loss of <see cref="SGDRegressor"/> (scikit-learn's <c>loss</c>) on the residual r = p − y.</summary>
public enum SgdRegressorLoss
{
    /// <summary>½ r²: least squares.</summary>
    SquaredError,

    /// <summary>½ r² when |r| ≤ ε, ε|r| − ½ε² beyond: robust least squares.</summary>
    Huber,

    /// <summary>max(0, |r| − ε): linear support vector regression.</summary>
    EpsilonInsensitive,

    /// <summary>max(0, |r| − ε)².</summary>
    SquaredEpsilonInsensitive,
}
