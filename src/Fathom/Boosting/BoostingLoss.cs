namespace Fathom.Boosting;

/// <summary>Loss of a <see cref="GradientBoostingRegressor"/>.</summary>
public enum BoostingLoss
{
    /// <summary>Half squared error ½(y − f)² (identity link); the default.</summary>
    SquaredError,

    /// <summary>Half Poisson deviance with a log link: predictions e^f; targets must be ≥ 0.</summary>
    Poisson,

    /// <summary>Absolute error |y − f| (scikit-learn's absolute_error): leaf values are the median residual of their rows.</summary>
    AbsoluteError,

    /// <summary>Pinball loss of the <see cref="GradientBoostingRegressor.Quantile"/> quantile (scikit-learn's quantile):
    /// leaf values are that quantile of their rows' residuals.</summary>
    Quantile,

    /// <summary>Pseudo-Huber δ²(√(1 + ((f − y)/δ)²) − 1) with δ = <see cref="GradientBoostingRegressor.HuberDelta"/>
    /// (XGBoost's reg:pseudohubererror; scikit-learn's HistGradientBoosting has no Huber loss).</summary>
    PseudoHuber,

    /// <summary>Half Gamma deviance with a log link: predictions e^f; targets must be &gt; 0.</summary>
    Gamma,
}
