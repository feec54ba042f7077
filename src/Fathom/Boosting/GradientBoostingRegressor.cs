using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Boosting;

/// <summary>
/// Histogram gradient boosting for regression (scikit-learn 1.2's <c>HistGradientBoostingRegressor</c>): the
/// features are binned once into at most <see cref="MaxBins"/> quantile bins plus a bin for missing values, then
/// each iteration grows one regression tree leaf-wise on the gradients and hessians of <see cref="Loss"/>
/// (squared error, or Poisson deviance with a log link).
/// </summary>
/// <remarks>
/// <para>Defaults are scikit-learn's except <see cref="EarlyStopping"/>, which is off (scikit-learn's "auto" turns
/// it on above 10,000 rows); turn it on to hold out <see cref="ValidationFraction"/> of the rows and stop when
/// the validation loss stalls.</para>
/// <para>Missing values (NaN) are allowed: at each split they go to the side that gains more (learned); when a
/// feature had no missing value in training, they follow the child with more rows.</para>
/// <para>Cost: binning O(n·p·log bins) once, then per tree O(n·p) for the root histogram plus the smaller child
/// of each split (the larger is parent − smaller). Features are processed in parallel on up to
/// <see cref="FitContext.ThreadCount"/> threads; the model is bit-identical whatever the thread count.</para>
/// </remarks>
public sealed record GradientBoostingRegressor : IRegressor
{
    /// <summary>Loss the trees descend: squared_error (default), poisson (targets ≥ 0, log link), absolute_error,
    /// quantile (of <see cref="Quantile"/>), pseudo_huber (slope <see cref="HuberDelta"/>) or gamma (targets &gt; 0, log link).</summary>
    [Hyperparameter("loss: squared_error, poisson, absolute_error, quantile, pseudo_huber or gamma")]
    public BoostingLoss Loss { get; init; } = BoostingLoss.SquaredError;

    /// <summary>The quantile α predicted by the quantile loss (default 0.5, the median); ignored by other losses.
    /// (scikit-learn has no default and requires it with loss='quantile'.)</summary>
    [Hyperparameter("quantile predicted by loss=quantile", Min = 0, MinExclusive = true, Max = 1, MaxExclusive = true)]
    public double Quantile { get; init; } = 0.5;

    /// <summary>δ of the pseudo-Huber loss (default 1, XGBoost's huber_slope): residuals much smaller than δ are
    /// penalized quadratically, larger ones linearly. In the target's units; ignored by other losses.</summary>
    [Hyperparameter("delta of loss=pseudo_huber (quadratic below, linear above)", Min = 0, MinExclusive = true)]
    public double HuberDelta { get; init; } = 1.0;

    /// <summary>Shrinkage applied to every leaf value (default 0.1).</summary>
    [Hyperparameter("shrinkage applied to every leaf value", Min = 0, MinExclusive = true)]
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Number of boosting iterations (default 100); one tree each.</summary>
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

    /// <summary>Fraction of the rows held out for early stopping (default 0.1).</summary>
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

    /// <summary>Validates, then boosts.</summary>
    /// <param name="x">Features (n × p); NaN marks a missing value.</param>
    /// <param name="y">Targets, finite (non-negative with a positive sum for poisson, positive for gamma).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (scales gradients and hessians; min_samples_leaf counts rows).</param>
    /// <param name="context">Cancellation, progress (stage "iterations") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, length mismatch, bad targets or weights.</exception>
    public GradientBoostingRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(GradientBoostingRegressor);
        ArgumentNullException.ThrowIfNull(y);
        BoostingInput.CheckFit(x, y.Length, sampleWeight, who);
        TreeInput.CheckTargets(y, Loss == BoostingLoss.Poisson, who);
        if (Loss == BoostingLoss.Gamma)
            for (int i = 0; i < y.Length; i++)
                if (!(y[i] > 0))
                    throw new InvalidInputException($"{who}: target at row {i} is not positive; the gamma loss needs targets > 0 (use poisson or squared_error).", i);
        context ??= FitContext.Default;
        var loss = CreateLoss();
        var settings = BoostingInput.Settings(LearningRate, MaxIter, MaxLeafNodes, MaxDepth, MinSamplesLeaf, L2Regularization, MaxBins,
            EarlyStopping, ValidationFraction, NIterNoChange, Tol, Seed, Subsample, ColsampleByTree, MaxFeatures,
            BoostingInput.Monotonic(MonotonicCst, x.Columns, 1, who));
        settings = settings with { Categorical = BoostingInput.Categorical(CategoricalFeatures, x, MaxBins, settings.Grower.Monotonic, who) };
        var ensemble = BoostingCore.Fit(x, (double[])y.Clone(), sampleWeight, loss, settings, 0, context, who);
        return new GradientBoostingRegressionModel(this, ensemble);
    }

    /// <summary>The loss object of <see cref="Loss"/>.</summary>
    internal IBoostingLoss CreateLoss() => Loss switch
    {
        BoostingLoss.Poisson => new PoissonLoss(),
        BoostingLoss.AbsoluteError => new AbsoluteErrorLoss(),
        BoostingLoss.Quantile => new QuantileLoss(Quantile),
        BoostingLoss.PseudoHuber => new PseudoHuberLoss(HuberDelta),
        BoostingLoss.Gamma => new GammaLoss(),
        _ => new SquaredErrorLoss(),
    };

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
