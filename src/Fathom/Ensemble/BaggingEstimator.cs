using Fathom.Core;

namespace Fathom.Ensemble;

/// <summary>
/// The hyperparameters and tags <see cref="BaggingClassifier"/> and <see cref="BaggingRegressor"/> share (scikit-learn
/// 1.2's <c>BaggingClassifier</c>/<c>BaggingRegressor</c> defaults); the concrete types add the member estimator and fit.
/// </summary>
public abstract record BaggingEstimator
{
    private protected BaggingEstimator() { }

    /// <summary>Number of members (default 10).</summary>
    [Hyperparameter("number of members", Min = 1)]
    public int NEstimators { get; init; } = 10;

    /// <summary>Rows per member: a fraction in (0, 1] of the rows (default 1), or a whole count above 1.</summary>
    [Hyperparameter("rows drawn per member: a fraction in (0, 1] of the rows, or a whole count", Min = 0, MinExclusive = true)]
    public double MaxSamples { get; init; } = 1.0;

    /// <summary>Features per member: a fraction in (0, 1] of the features (default 1), or a whole count above 1.</summary>
    [Hyperparameter("features drawn per member: a fraction in (0, 1] of the features, or a whole count", Min = 0, MinExclusive = true)]
    public double MaxFeatures { get; init; } = 1.0;

    /// <summary>Draw rows with replacement (default true).</summary>
    [Hyperparameter("draw rows with replacement")]
    public bool Bootstrap { get; init; } = true;

    /// <summary>Draw features with replacement (default false).</summary>
    [Hyperparameter("draw features with replacement")]
    public bool BootstrapFeatures { get; init; }

    /// <summary>Score each row with the members that did not draw it (out-of-bag accuracy or R²; needs bootstrap). Default false.</summary>
    [Hyperparameter("score each row with the members that did not draw it (out-of-bag accuracy or R²)")]
    public bool OobScore { get; init; }

    /// <summary>Seed of the draws and of the members' own seeds (default 0).</summary>
    [Hyperparameter("seed of the row and feature draws and of the members' seeds")]
    public int Seed { get; init; }

    /// <summary>Stochastic; takes sample weights; accepts missing values, is scale-invariant or needs non-negative features when the member does.</summary>
    public EstimatorTags Tags
    {
        get
        {
            var t = MemberTags;
            return new()
            {
                IsStochastic = true, AllowsMissingValues = t.AllowsMissingValues, IsScaleInvariant = t.IsScaleInvariant,
                RequiresNonNegativeFeatures = t.RequiresNonNegativeFeatures,
            };
        }
    }

    /// <summary>The tags of the member estimator (the default member's when none is set).</summary>
    private protected abstract EstimatorTags MemberTags { get; }
}
