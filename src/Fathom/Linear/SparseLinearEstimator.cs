using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The hyperparameters <see cref="Lasso"/> and <see cref="ElasticNet"/> share (scikit-learn's defaults): the
/// intercept, the coordinate-descent budget and tolerance, the sign constraint and the Gram-matrix switch. The
/// concrete types add the penalty (alpha and the L1 share) and the fitted model.
/// </summary>
public abstract record SparseLinearEstimator
{
    private protected SparseLinearEstimator() { }

    /// <summary>Whether to fit an (unpenalized) intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Largest number of coordinate-descent sweeps. Default 1000.</summary>
    [Hyperparameter("largest number of coordinate-descent sweeps", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    /// <summary>Tolerance: the duality gap must fall below tol·‖y − ȳ‖². Default 1e-4.</summary>
    [Hyperparameter("stop when the duality gap is below tol times the target's sum of squares", Min = 0)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>Constrain the coefficients to be non-negative. Default false.</summary>
    [Hyperparameter("constrain the coefficients to be non-negative")]
    public bool Positive { get; init; }

    /// <summary>Use the precomputed Gram matrix XᵀX: true, false, or null (default) for automatic (when rows &gt; features).
    /// Changes speed only, not the solution.</summary>
    [Hyperparameter("precompute the Gram matrix (speed only)", NullMeans = "automatic: when there are more rows than features")]
    public bool? Precompute { get; init; }

    /// <summary>Validates these hyperparameters, then runs coordinate descent once at penalty
    /// (<paramref name="alpha"/>, <paramref name="l1Ratio"/>) from <paramref name="start"/> (zeros when null).</summary>
    internal ElasticNetFitter.Result FitOnce(Matrix x, double[] y, double[]? sampleWeight, double alpha, double l1Ratio,
        IReadOnlyList<double>? start, FitContext? context)
    {
        Hyperparameters.Validate(this);
        return ElasticNetFitter.FitOnce(x, y, sampleWeight, FitIntercept, Precompute, alpha, l1Ratio, MaxIter, Tol, Positive,
            start, context, GetType().Name);
    }
}
