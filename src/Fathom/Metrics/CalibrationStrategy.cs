namespace Fathom.Metrics;

/// <summary>How a reliability curve bins the predicted probabilities.</summary>
public enum CalibrationStrategy
{
    /// <summary>Equal-width bins over [0, 1].</summary>
    Uniform,

    /// <summary>Bins holding equal numbers of rows (edges at quantiles of the predictions).</summary>
    Quantile,
}
