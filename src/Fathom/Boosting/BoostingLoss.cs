namespace Fathom.Boosting;

/// <summary>Loss of a <see cref="GradientBoostingRegressor"/>.</summary>
public enum BoostingLoss
{
    /// <summary>Half squared error ½(y − f)² (identity link); the default.</summary>
    SquaredError,

    /// <summary>Half Poisson deviance with a log link: predictions e^f; targets must be ≥ 0.</summary>
    Poisson,
}
