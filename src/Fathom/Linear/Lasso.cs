using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Linear regression with an L1 penalty, as scikit-learn's Lasso: minimizes
/// 1/(2n)·Σᵢ sᵢ(yᵢ − xᵢ·β − β₀)² + α‖β‖₁ with weights rescaled to sum to n (an <see cref="ElasticNet"/> with
/// L1Ratio = 1). Solved by cyclic coordinate descent with scikit-learn's duality-gap stopping rule.
/// </summary>
/// <remarks>Cost per sweep O(n·p), or O(p²) on the precomputed Gram matrix (built once in O(n·p²)).</remarks>
public sealed record Lasso : IRegressor
{
    /// <summary>Penalty strength α ≥ 0 on ‖β‖₁. Default 1.0.</summary>
    [Hyperparameter("strength of the L1 penalty on the coefficients", Min = 0)]
    public double Alpha { get; init; } = 1.0;

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

    /// <summary>Validates, then fits a new model from zero coefficients.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, one per row, finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation (checked every sweep); non-convergence is reported through its log.</param>
    public LassoModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null) =>
        WarmFit(x, y, null, sampleWeight, context);

    /// <summary>Fits starting from <paramref name="initialCoefficients"/> (scikit-learn's warm start), e.g. a
    /// model fitted at a nearby <see cref="Alpha"/>; null starts from zeros.</summary>
    /// <exception cref="InvalidInputException">The start has the wrong length or non-finite values.</exception>
    public LassoModel WarmFit(Matrix x, double[] y, IReadOnlyList<double>? initialCoefficients, double[]? sampleWeight = null,
        FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var r = ElasticNetFitter.FitOnce(x, y, sampleWeight, FitIntercept, Precompute, Alpha, 1.0, MaxIter, Tol, Positive,
            initialCoefficients, context, nameof(Lasso));
        return new LassoModel(this, r.Coefficients, r.Intercept, r.Iterations, r.DualGap, r.Converged);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
