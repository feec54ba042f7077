using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The elastic net with alpha chosen by K-fold cross-validation over its regularization path, as scikit-learn's ElasticNetCV
/// (grid of <see cref="NAlphas"/> values from α_max down to eps·α_max, contiguous folds, smallest mean held-out
/// squared error, refit on all rows). See <see cref="ElasticNet"/> for the objective.
/// </summary>
/// <remarks>Cost: K + 1 regularization paths (each warm-started coordinate descent) plus one refit.</remarks>
public sealed record ElasticNetCV : IRegressor
{
    /// <summary>Share ρ of the L1 part in [0, 1] (must be &gt; 0 with the automatic grid). Default 0.5.</summary>
    [Hyperparameter("share of the L1 part of the penalty: 1 is the lasso, 0 ridge", Min = 0, Max = 1)]
    public double L1Ratio { get; init; } = 0.5;

    /// <summary>Ratio α_min/α_max of the automatic grid, in (0, 1]. Default 1e-3.</summary>
    [Hyperparameter("ratio of the smallest to the largest alpha of the grid", Min = 0, MinExclusive = true, Max = 1)]
    public double Eps { get; init; } = 1e-3;

    /// <summary>Number of alphas of the automatic grid. Default 100.</summary>
    [Hyperparameter("number of alphas of the automatic grid", Min = 1)]
    public int NAlphas { get; init; } = 100;

    /// <summary>An explicit alpha grid (each ≥ 0), used instead of the automatic one when not null. Default null.</summary>
    public IReadOnlyList<double>? Alphas { get; init; }

    /// <summary>Whether to fit an (unpenalized) intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Largest number of coordinate-descent sweeps per fit. Default 1000.</summary>
    [Hyperparameter("largest number of coordinate-descent sweeps", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    /// <summary>Duality-gap tolerance of every fit. Default 1e-4.</summary>
    [Hyperparameter("stop when the duality gap is below tol times the target's sum of squares", Min = 0)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>Number of contiguous folds. Default 5.</summary>
    [Hyperparameter("number of cross-validation folds", Min = 2)]
    public int Cv { get; init; } = 5;

    /// <summary>Constrain the coefficients to be non-negative. Default false.</summary>
    [Hyperparameter("constrain the coefficients to be non-negative")]
    public bool Positive { get; init; }

    /// <summary>Validates, chooses alpha by cross-validation, then refits on all rows.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (weights the fits and the held-out errors).</param>
    /// <param name="context">Cancellation and progress (stage "cv").</param>
    /// <exception cref="InvalidHyperparameterException">Out-of-range settings, negative alphas, cv above the row count.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights.</exception>
    public ElasticNetCVModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var r = SparseCV.Fit(x, y, sampleWeight, L1Ratio, FitIntercept, MaxIter, Tol, Positive, Cv, NAlphas, Eps, Alphas, context, nameof(ElasticNetCV));
        return new ElasticNetCVModel(this with { Alphas = Alphas?.ToArray() }, r);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
