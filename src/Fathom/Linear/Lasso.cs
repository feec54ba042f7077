using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Linear regression with an L1 penalty, as scikit-learn's Lasso: minimizes
/// 1/(2n)·Σᵢ sᵢ(yᵢ − xᵢ·β − β₀)² + α‖β‖₁ with weights rescaled to sum to n (an <see cref="ElasticNet"/> with
/// L1Ratio = 1). Solved by cyclic coordinate descent with scikit-learn's duality-gap stopping rule.
/// </summary>
/// <remarks>Cost per sweep O(n·p), or O(p²) on the precomputed Gram matrix (built once in O(n·p²)).</remarks>
public sealed record Lasso : SparseLinearEstimator, IRegressor
{
    /// <summary>Penalty strength α ≥ 0 on ‖β‖₁. Default 1.0.</summary>
    [Hyperparameter("strength of the L1 penalty on the coefficients", Min = 0)]
    public double Alpha { get; init; } = 1.0;

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
        var r = FitOnce(x, y, sampleWeight, Alpha, 1.0, initialCoefficients, context);
        return new LassoModel(this, r.Coefficients, r.Intercept, r.Iterations, r.DualGap, r.Converged);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
