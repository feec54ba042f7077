namespace Fathom.Metrics;

/// <summary>Which kind of model a <see cref="Scorer"/> scores.</summary>
public enum ScorerTask
{
    /// <summary>Classifiers: scored from predicted labels and/or class probabilities.</summary>
    Classification,

    /// <summary>Regressors: scored from predicted numbers.</summary>
    Regression,
}
