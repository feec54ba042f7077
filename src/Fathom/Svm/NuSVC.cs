using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// ν-support vector classification, as scikit-learn's NuSVC (libsvm): for each pair of classes the dual
/// min ½αᵀQα subject to yᵀα = 0, Σα = ν·Σw and 0 ≤ α_i ≤ w_i is solved by the ν variant of the SMO solver of
/// <see cref="SVC"/> and rescaled to the C-SVC form (coefficients and intercept divided by the solver's r).
/// Multiclass is one-vs-one; the model is an <see cref="SVCModel"/>.
/// </summary>
/// <remarks>
/// Fit costs between O(n²·p) and O(n³) (kernel rows dominate; the cache holds <see cref="KernelSvmEstimator.CacheSize"/> MB of them).
/// Standardize the features first (the command line does). Sample weights bound each row's α (as scikit-learn's
/// libsvm); rows of weight 0 are dropped.
/// </remarks>
public sealed record NuSVC : KernelSvmEstimator, IClassifier
{
    /// <summary>ν in (0, 1] (default 0.5): an upper bound on the fraction of margin errors and a lower bound on the
    /// fraction of support vectors. Must be feasible: ν·(n_a + n_b)/2 ≤ min(n_a, n_b) for every pair of classes.</summary>
    [Hyperparameter("upper bound on the fraction of margin errors, lower bound on the fraction of support vectors", Min = 0, MinExclusive = true, Max = 1)]
    public double Nu { get; init; } = 0.5;

    /// <summary>Fit Platt-scaled probabilities by internal 5-fold cross-validation (default false; makes fit ~6× slower).</summary>
    [Hyperparameter("fit calibrated probabilities (Platt scaling, internal 5-fold cross-validation)")]
    public bool Probability { get; init; }

    /// <summary>Class weights: none (default) or balanced (n / (classes · n_c)); multiply each row's bound.</summary>
    [Hyperparameter("class weights: none or balanced")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>Shape of the multiclass decision function: ovr (default) or ovo.</summary>
    [Hyperparameter("multiclass decision function shape: ovr or ovo")]
    public SvmDecisionShape DecisionFunctionShape { get; init; } = SvmDecisionShape.Ovr;

    /// <summary>Seed of the cross-validation folds of <see cref="Probability"/> (default 0).</summary>
    [Hyperparameter("seed of the probability cross-validation folds")]
    public int Seed { get; init; }

    /// <summary>Takes sample weights; deterministic.</summary>
    public EstimatorTags Tags { get; } = new();

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels, at least two classes.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (bounds each α).</param>
    /// <param name="context">Cancellation and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">ν outside (0, 1], unknown kernel, bad gamma, tol ≤ 0, …</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, one class, bad weights, or an infeasible ν.</exception>
    public SVCModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        Options.CheckGamma(nameof(NuSVC));
        double nu = Nu;
        return KernelClassifierTrainer.Fit(this, "nu-svc", nameof(NuSVC), Options, ClassWeight, 1.0, Probability, Seed, DecisionFunctionShape,
            x, y, sampleWeight, context, (sub, ys, cs, kernel, settings) =>
            {
                double pos = 0, neg = 0;
                for (int i = 0; i < ys.Length; i++) if (ys[i] > 0) pos += cs[i]; else neg += cs[i];
                if (nu * (pos + neg) / 2 > Math.Min(pos, neg) * (1 + 1e-12))
                    throw new InvalidHyperparameterException("nu", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"NuSVC: nu = {nu} is infeasible: a pair of classes has (weighted) sizes {pos} and {neg}, and nu·(sum)/2 must not exceed the smaller one; lower nu to at most {2 * Math.Min(pos, neg) / (pos + neg):G6}."));
                return SvmFormulations.NuSvc(sub, ys, nu, cs, kernel, settings);
            });
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
