namespace Fathom.Core;

/// <summary>
/// What an estimator can do, read by the common estimator checks, the command line and pipelines
/// (scikit-learn's estimator tags are the model).
/// </summary>
public sealed record EstimatorTags
{
    /// <summary>Tags of an estimator that takes sample weights, rejects missing values and is deterministic.</summary>
    public static EstimatorTags Default { get; } = new();

    /// <summary>Fit honours per-sample weights (unit weights = no weights; integer weights = repeated rows).</summary>
    public bool SupportsSampleWeight { get; init; } = true;

    /// <summary>NaN in the features is accepted (treated as missing) instead of rejected.</summary>
    public bool AllowsMissingValues { get; init; }

    /// <summary>The fit uses randomness, controlled by a <c>Seed</c> hyperparameter.</summary>
    public bool IsStochastic { get; init; }

    /// <summary>Results do not change when features are rescaled (trees); the command line then skips scaling.</summary>
    public bool IsScaleInvariant { get; init; }

    /// <summary>
    /// Fit rejects negative feature values (count models such as multinomial naive Bayes, chi² scores); the command
    /// line then leaves numeric columns unscaled, and the contract checks give it data shifted to be non-negative.
    /// </summary>
    public bool RequiresNonNegativeFeatures { get; init; }
}
