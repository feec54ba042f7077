using Fathom.Core;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// What the four forests share beyond the tree growth hyperparameters (<see cref="TreeEstimator"/>): the number of
/// trees, bootstrap sampling, the out-of-bag score and the tags. Defaults that differ (<see cref="Bootstrap"/>: true for
/// random forests, false for extra trees; <see cref="TreeEstimator.MaxFeatures"/>: "sqrt" for classifiers, "1.0" for
/// regressors) are passed in by the concrete types, as scikit-learn sets them.
/// </summary>
public abstract record ForestEstimator : TreeEstimator
{
    private protected ForestEstimator(bool bootstrap, string maxFeatures) : base(maxFeatures) => Bootstrap = bootstrap;

    /// <summary>Number of trees (default 100).</summary>
    [Hyperparameter("number of trees", Min = 1)]
    public int NEstimators { get; init; } = 100;

    /// <summary>Whether each tree sees a bootstrap sample or all rows (default true for random forests, false for
    /// extra trees, as scikit-learn).</summary>
    [Hyperparameter("whether each tree is grown on a bootstrap sample of the rows")]
    public bool Bootstrap { get; init; }

    /// <summary>Whether to score each row with the trees that did not see it — accuracy for classifiers, R² for
    /// regressors (needs <see cref="Bootstrap"/>; default false).</summary>
    [Hyperparameter("whether to score each row with the trees that did not see it (out-of-bag accuracy or R2)")]
    public bool OobScore { get; init; }

    /// <summary>Bootstrap size: null (default) = n rows; a fraction in (0, 1] of n; or a whole row count above 1.</summary>
    [Hyperparameter("rows drawn per tree: a fraction in (0, 1] of the rows, or a whole count", Min = 0, MinExclusive = true, NullMeans = "as many as rows")]
    public double? MaxSamples { get; init; }

    /// <summary>Takes sample weights; accepts NaN (missing values, routed per split as a decision tree routes them);
    /// scale-invariant; stochastic through <see cref="TreeEstimator.Seed"/>.</summary>
    public EstimatorTags Tags => new() { IsScaleInvariant = true, IsStochastic = true, AllowsMissingValues = true };
}
