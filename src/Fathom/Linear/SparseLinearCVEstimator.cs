using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The hyperparameters <see cref="LassoCV"/> and <see cref="ElasticNetCV"/> share (scikit-learn's defaults): the
/// alpha grid, the coordinate-descent budget, the folds and the sign constraint. The concrete types add the L1 share
/// and the fitted model.
/// </summary>
public abstract record SparseLinearCVEstimator
{
    private protected SparseLinearCVEstimator() { }

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

    /// <summary>Validates these hyperparameters, then chooses alpha by cross-validation with L1 share
    /// <paramref name="l1Ratio"/> and refits on all rows.</summary>
    internal SparseCVResult CrossValidate(Matrix x, double[] y, double[]? sampleWeight, double l1Ratio, FitContext? context)
    {
        Hyperparameters.Validate(this);
        return SparseCV.Fit(x, y, sampleWeight, l1Ratio, FitIntercept, MaxIter, Tol, Positive, Cv, NAlphas, Eps, Alphas, context, GetType().Name);
    }
}
