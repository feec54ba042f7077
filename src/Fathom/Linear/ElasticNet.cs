using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Linear regression with a combined L1 and L2 penalty, as scikit-learn's ElasticNet: minimizes
/// 1/(2n)·Σᵢ sᵢ(yᵢ − xᵢ·β − β₀)² + α·ρ·‖β‖₁ + α(1 − ρ)/2·‖β‖², ρ = <see cref="L1Ratio"/>, with weights
/// rescaled to sum to n. Solved by cyclic coordinate descent with scikit-learn's duality-gap stopping rule.
/// </summary>
/// <remarks>Cost per sweep O(n·p), or O(p²) on the precomputed Gram matrix (built once in O(n·p²)).</remarks>
public sealed record ElasticNet : SparseLinearEstimator, IRegressor
{
    /// <summary>Overall penalty strength α ≥ 0. Default 1.0.</summary>
    [Hyperparameter("overall strength of the penalty", Min = 0)]
    public double Alpha { get; init; } = 1.0;

    /// <summary>Share ρ of the L1 part in [0, 1]: 1 is the lasso, 0 ridge. Default 0.5.</summary>
    [Hyperparameter("share of the L1 part of the penalty: 1 is the lasso, 0 ridge", Min = 0, Max = 1)]
    public double L1Ratio { get; init; } = 0.5;

    /// <summary>Validates, then fits a new model from zero coefficients.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, one per row, finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation (checked every sweep); non-convergence is reported through its log.</param>
    public ElasticNetModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null) =>
        WarmFit(x, y, null, sampleWeight, context);

    /// <summary>Fits starting from <paramref name="initialCoefficients"/> (scikit-learn's warm start), e.g. a
    /// model fitted at a nearby <see cref="Alpha"/>; null starts from zeros.</summary>
    /// <exception cref="InvalidInputException">The start has the wrong length or non-finite values.</exception>
    public ElasticNetModel WarmFit(Matrix x, double[] y, IReadOnlyList<double>? initialCoefficients, double[]? sampleWeight = null,
        FitContext? context = null)
    {
        var r = FitOnce(x, y, sampleWeight, Alpha, L1Ratio, initialCoefficients, context);
        return new ElasticNetModel(this, r.Coefficients, r.Intercept, r.Iterations, r.DualGap, r.Converged);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
