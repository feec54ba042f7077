namespace Fathom.Ensemble;

/// <summary>How <see cref="AdaBoostRegressor"/> turns a row's absolute error e (divided by the largest error) into
/// the loss that re-weights it (AdaBoost.R2, Drucker 1997; scikit-learn's <c>loss</c>).</summary>
public enum AdaBoostLoss
{
    /// <summary>L = e (scikit-learn's default).</summary>
    Linear,

    /// <summary>L = e².</summary>
    Square,

    /// <summary>L = 1 − exp(−e).</summary>
    Exponential,
}
