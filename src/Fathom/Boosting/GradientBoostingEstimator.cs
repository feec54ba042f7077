using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Boosting;

/// <summary>
/// The hyperparameters and tags <see cref="GradientBoostingClassifier"/> and <see cref="GradientBoostingRegressor"/>
/// share (scikit-learn 1.2's HistGradientBoosting defaults, except early stopping off); the concrete types add the loss
/// and the fit.
/// </summary>
public abstract record GradientBoostingEstimator
{
    private protected GradientBoostingEstimator() { }

    /// <summary>Shrinkage applied to every leaf value (default 0.1).</summary>
    [Hyperparameter("shrinkage applied to every leaf value", Min = 0, MinExclusive = true)]
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Number of boosting iterations (default 100); one tree each (one per class for multiclass classification).</summary>
    [Hyperparameter("number of boosting iterations", Min = 1)]
    public int MaxIter { get; init; } = 100;

    /// <summary>Largest number of leaves per tree (default 31); null for no limit.</summary>
    [Hyperparameter("largest number of leaves per tree", Min = 2, NullMeans = "no limit")]
    public int? MaxLeafNodes { get; init; } = 31;

    /// <summary>Largest depth of each tree (root = depth 0); null (default) for no limit.</summary>
    [Hyperparameter("largest depth of each tree (edges from the root)", Min = 1, NullMeans = "no limit")]
    public int? MaxDepth { get; init; }

    /// <summary>Fewest rows each leaf must keep (default 20).</summary>
    [Hyperparameter("fewest rows each leaf must keep", Min = 1)]
    public int MinSamplesLeaf { get; init; } = 20;

    /// <summary>L2 penalty λ on leaf values (default 0): leaf value −G/(H+λ).</summary>
    [Hyperparameter("L2 penalty on the leaf values", Min = 0)]
    public double L2Regularization { get; init; }

    /// <summary>Bins per feature for non-missing values (default 255, at most 255); missing values get one more.</summary>
    [Hyperparameter("bins per feature for non-missing values", Min = 2, Max = 255)]
    public int MaxBins { get; init; } = 255;

    /// <summary>Whether to stop on a held-out validation loss (default false, unlike scikit-learn's "auto").</summary>
    [Hyperparameter("whether to hold out validation_fraction of the rows and stop when their loss stalls")]
    public bool EarlyStopping { get; init; }

    /// <summary>Fraction of the rows held out (stratified for classes) for early stopping (default 0.1).</summary>
    [Hyperparameter("fraction of the rows held out for early stopping", Min = 0, MinExclusive = true, Max = 1, MaxExclusive = true)]
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Iterations without an improvement larger than <see cref="Tol"/> before stopping (default 10).</summary>
    [Hyperparameter("iterations without improvement before early stopping", Min = 1)]
    public int NIterNoChange { get; init; } = 10;

    /// <summary>Smallest validation-loss improvement that counts for early stopping (default 1e-7).</summary>
    [Hyperparameter("smallest validation-loss improvement that counts", Min = 0)]
    public double Tol { get; init; } = 1e-7;

    /// <summary>Fraction of the rows drawn (without replacement, by <see cref="Seed"/>) for each iteration's trees
    /// (default 1: all rows; XGBoost's subsample). Rows left out still get their leaf's value.</summary>
    [Hyperparameter("fraction of rows drawn for each iteration", Min = 0, MinExclusive = true, Max = 1)]
    public double Subsample { get; init; } = 1.0;

    /// <summary>Fraction of the features drawn for each tree (default 1: all; XGBoost's colsample_bytree).</summary>
    [Hyperparameter("fraction of features drawn for each tree", Min = 0, MinExclusive = true, Max = 1)]
    public double ColsampleByTree { get; init; } = 1.0;

    /// <summary>Fraction of the tree's features drawn at each split (default 1: all; scikit-learn 1.4's max_features,
    /// XGBoost's colsample_bynode); at least one feature, round(fraction × count).</summary>
    [Hyperparameter("fraction of the tree's features drawn at each split", Min = 0, MinExclusive = true, Max = 1)]
    public double MaxFeatures { get; init; } = 1.0;

    /// <summary>Monotonic constraint per feature as comma-separated −1/0/1 (e.g. "1,0,-1"; default null: none), as
    /// scikit-learn's monotonic_cst: with 1 the prediction never decreases as the feature grows, with −1 it never
    /// increases. A split that breaks it is rejected and leaf values below a constrained split are bounded.</summary>
    [Hyperparameter("monotonic constraint per feature, comma-separated -1/0/1 (none: no constraint)")]
    public string? MonotonicCst { get; init; }

    /// <summary>Indices of the categorical features, comma-separated (e.g. "0,3"; default null: none), as
    /// scikit-learn's categorical_features: their values must be integer category codes in [0, max_bins) (NaN =
    /// missing). Splits send a set of categories left (categories ordered by gradient/hessian ratio, then scanned);
    /// at prediction, categories not seen in training go where missing values go.</summary>
    [Hyperparameter("indices of the categorical features, comma-separated (none: all numeric)")]
    public string? CategoricalFeatures { get; init; }

    /// <summary>Seed of the binning subsample (above 200,000 rows), the validation split and the row and feature
    /// sampling (default 0).</summary>
    [Hyperparameter("seed of the binning subsample, the validation split and the row/feature sampling")]
    public int Seed { get; init; }

    /// <summary>Takes sample weights, missing values; scale-invariant; stochastic through <see cref="Seed"/>.</summary>
    public EstimatorTags Tags => new() { IsScaleInvariant = true, IsStochastic = true, AllowsMissingValues = true };

    /// <summary>The fit settings of these hyperparameters for <paramref name="x"/> (monotonic constraints checked against
    /// <paramref name="classes"/>, categorical columns against the data).</summary>
    internal BoostingSettings Settings(Matrix x, int classes, string who)
    {
        var settings = BoostingInput.Settings(LearningRate, MaxIter, MaxLeafNodes, MaxDepth, MinSamplesLeaf, L2Regularization, MaxBins,
            EarlyStopping, ValidationFraction, NIterNoChange, Tol, Seed, Subsample, ColsampleByTree, MaxFeatures,
            BoostingInput.Monotonic(MonotonicCst, x.Columns, classes, who));
        return settings with { Categorical = BoostingInput.Categorical(CategoricalFeatures, x, MaxBins, settings.Grower.Monotonic, who) };
    }
}
