using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// Unsupervised outlier detection by the one-class SVM of Schölkopf et al., as scikit-learn's OneClassSVM (libsvm):
/// min ½αᵀKα subject to Σα = ν·Σw and 0 ≤ α_i ≤ w_i, solved by the SMO solver of <see cref="SVC"/>. The decision
/// f(x) = Σ α_i K(x_i, x) − ρ is positive for inliers; ν bounds the fraction of training outliers from above and
/// of support vectors from below.
/// </summary>
/// <remarks>Fit costs between O(n²·p) and O(n³). Not a classifier: <see cref="Fit"/> takes no labels.</remarks>
public sealed record OneClassSVM : KernelSvmEstimator, IEstimator
{
    /// <summary>ν in (0, 1] (default 0.5).</summary>
    [Hyperparameter("upper bound on the fraction of training outliers, lower bound on the fraction of support vectors", Min = 0, MinExclusive = true, Max = 1)]
    public double Nu { get; init; } = 0.5;

    /// <summary>Takes sample weights (bounds of the α); deterministic.</summary>
    public EstimatorTags Tags { get; } = new();

    /// <summary>Validates, then fits a new model on the rows of <paramref name="x"/>.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row; rows of weight 0 are dropped.</param>
    /// <param name="context">Cancellation and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">ν outside (0, 1], unknown kernel, bad gamma, …</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, bad weights.</exception>
    public OneClassSVMModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var options = Options;
        options.CheckGamma(nameof(OneClassSVM));
        ArgumentNullException.ThrowIfNull(x);
        KernelSvmOptions.CheckData(x, x.Rows, sampleWeight, nameof(OneClassSVM));
        var kept = KernelSvmOptions.KeptRows(x.Rows, sampleWeight);
        var xk = kept.Length == x.Rows ? x : x.SelectRows(kept);
        var w = kept.Select(i => sampleWeight is null ? 1.0 : sampleWeight[i]).ToArray();
        var kernel = options.Resolve(x, nameof(OneClassSVM)); // gamma "scale" from all given rows, as scikit-learn
        var sol = SvmFormulations.OneClass(xk, Nu, w, kernel, options.Settings(context));
        var sv = Enumerable.Range(0, kept.Length).Where(i => sol.Coef[i] != 0).ToArray();
        var dual = new Matrix(1, sv.Length);
        for (int t = 0; t < sv.Length; t++) dual[0, t] = sol.Coef[sv[t]];
        var state = new KernelExpansion(kernel, xk.SelectRows(sv), sv.Select(i => kept[i]).ToArray(), [sv.Length], dual, [-sol.Rho]);
        return new OneClassSVMModel(this, state, sol.Iterations);
    }
}
