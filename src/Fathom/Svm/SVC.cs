using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// C-support vector classification, as scikit-learn's SVC (libsvm): for each pair of classes, the dual
/// min ½αᵀQα − Σα subject to yᵀα = 0 and 0 ≤ α_i ≤ C·w_i (Q_ij = y_i y_j K(x_i, x_j)) is solved by SMO with
/// second-order working-set selection, shrinking and an LRU kernel cache; multiclass is one-vs-one with voting.
/// The fitted <see cref="SVCModel"/> exposes support vectors, dual coefficients and intercepts in
/// scikit-learn's layout.
/// </summary>
/// <remarks>
/// Fit costs between O(n²·p) and O(n³) (kernel rows dominate; the cache holds <see cref="KernelSvmEstimator.CacheSize"/> MB of them).
/// Standardize the features first (the command line does). Sample weights multiply C per row (as scikit-learn's
/// libsvm); rows of weight 0 are dropped.
/// </remarks>
public sealed record SVC : KernelSvmEstimator, IClassifier
{
    /// <summary>Penalty C &gt; 0 of the margin violations (default 1).</summary>
    [Hyperparameter("regularization: penalty of margin violations", Min = 0, MinExclusive = true)]
    public double C { get; init; } = 1.0;

    /// <summary>Fit Platt-scaled probabilities by internal 5-fold cross-validation (default false; makes fit ~6× slower).</summary>
    [Hyperparameter("fit calibrated probabilities (Platt scaling, internal 5-fold cross-validation)")]
    public bool Probability { get; init; }

    /// <summary>Class weights: none (default) or balanced (n / (classes · n_c)); multiply C per class.</summary>
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
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies C).</param>
    /// <param name="context">Cancellation and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">C ≤ 0, unknown kernel, bad gamma, tol ≤ 0, …</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, one class, bad weights.</exception>
    public SVCModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        Options.CheckGamma(nameof(SVC));
        return KernelClassifierTrainer.Fit(this, "svc", nameof(SVC), Options, ClassWeight, C, Probability, Seed, DecisionFunctionShape,
            x, y, sampleWeight, context, SvmFormulations.CSvc);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
