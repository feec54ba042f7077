using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// ε-support vector regression, as scikit-learn's SVR (libsvm): the dual over (α, α*) of
/// min ½‖w‖² + C Σ w_i (ξ_i + ξ_i*) with |y_i − f(x_i)| ≤ ε + ξ, solved by the SMO solver of <see cref="SVC"/>
/// on the 2n-variable problem. f(x) = Σ (α_i − α_i*) K(x_i, x) + b.
/// </summary>
/// <remarks>Fit costs between O(n²·p) and O(n³). Sample weights multiply C per row; rows of weight 0 are dropped.</remarks>
public sealed record SVR : KernelSvmEstimator, IRegressor
{
    /// <summary>Penalty C &gt; 0 (default 1).</summary>
    [Hyperparameter("regularization: penalty of errors beyond epsilon", Min = 0, MinExclusive = true)]
    public double C { get; init; } = 1.0;

    /// <summary>Half-width ε ≥ 0 of the insensitive tube (default 0.1).</summary>
    [Hyperparameter("half-width of the epsilon-insensitive tube", Min = 0)]
    public double Epsilon { get; init; } = 0.1;

    /// <summary>Takes sample weights; deterministic.</summary>
    public EstimatorTags Tags { get; } = new();

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Finite targets.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies C).</param>
    /// <param name="context">Cancellation and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">C ≤ 0, ε &lt; 0, unknown kernel, bad gamma, …</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, bad weights.</exception>
    public SVRModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var options = Options;
        options.CheckGamma(nameof(SVR));
        double eps = Epsilon;
        return KernelRegressorTrainer.Fit(this, "svr", nameof(SVR), options, C, x, y, sampleWeight, context,
            (xk, yk, c, kernel, settings) => SvmFormulations.EpsilonSvr(xk, yk, eps, c, kernel, settings));
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);
}
