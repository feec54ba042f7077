using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// ν-support vector regression, as scikit-learn's NuSVR (libsvm): like <see cref="SVR"/> but the tube width ε is
/// learned, with ν in (0, 1] bounding the fraction of errors from above and of support vectors from below
/// (Σ(α_i + α_i*) = C·ν·n); solved by the ν variant of the SMO solver. f(x) = Σ (α_i − α_i*) K(x_i, x) + b.
/// </summary>
/// <remarks>Fit costs between O(n²·p) and O(n³). Sample weights multiply C per row; rows of weight 0 are dropped.</remarks>
public sealed record NuSVR : KernelSvmEstimator, IRegressor
{
    /// <summary>Penalty C &gt; 0 (default 1).</summary>
    [Hyperparameter("regularization: penalty of errors beyond epsilon", Min = 0, MinExclusive = true)]
    public double C { get; init; } = 1.0;

    /// <summary>ν in (0, 1] (default 0.5).</summary>
    [Hyperparameter("upper bound on the fraction of errors, lower bound on the fraction of support vectors", Min = 0, MinExclusive = true, Max = 1)]
    public double Nu { get; init; } = 0.5;

    /// <summary>Takes sample weights; deterministic.</summary>
    public EstimatorTags Tags { get; } = new();

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Finite targets.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies C).</param>
    /// <param name="context">Cancellation and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">C ≤ 0, ν outside (0, 1], unknown kernel, bad gamma, …</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, bad weights.</exception>
    public SVRModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var options = Options;
        options.CheckGamma(nameof(NuSVR));
        double nu = Nu;
        return KernelRegressorTrainer.Fit(this, "nu-svr", nameof(NuSVR), options, C, x, y, sampleWeight, context,
            (xk, yk, c, kernel, settings) => SvmFormulations.NuSvr(xk, yk, nu, c, kernel, settings));
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);
}
