namespace Fathom.Linear;

/// <summary>Information criterion a stepwise search minimizes.</summary>
public enum StepwiseCriterion
{
    /// <summary>Akaike: −2 ln L + 2k.</summary>
    Aic,

    /// <summary>Bayesian (Schwarz): −2 ln L + k ln n.</summary>
    Bic,
}
