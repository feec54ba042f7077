using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Linear classifiers (SVM, logistic regression, …) fitted by plain stochastic gradient descent, as
/// scikit-learn's SGDClassifier: minimizes Σᵢ sᵢ ℓ(yᵢ, w·xᵢ + b) + α·R(w) one sample at a time (see
/// <see cref="PlainSgd"/> for the exact update). Two classes give one binary problem (y = +1 for <c>Classes[1]</c>);
/// more classes one binary problem per class (one-vs-all), each run independently. Data arriving in chunks can be
/// learned with <see cref="PartialFit"/> and <see cref="SGDClassifierModel.PartialFit"/>.
/// </summary>
/// <remarks>O(n·p) per epoch and class. Features should be standardized. With <see cref="Shuffle"/> the sample order
/// of each epoch comes from <see cref="Seed"/> (Fathom's generator, so not scikit-learn's order); without it the
/// updates are scikit-learn's to rounding.</remarks>
public sealed record SGDClassifier : IClassifier
{
    /// <summary>Loss: hinge (default), log_loss, modified_huber, squared_hinge or perceptron.</summary>
    [Hyperparameter("loss: hinge, log_loss, modified_huber, squared_hinge or perceptron")]
    public SgdClassifierLoss Loss { get; init; } = SgdClassifierLoss.Hinge;

    /// <summary>Penalty: l2 (default), l1, elastic_net or none.</summary>
    [Hyperparameter("penalty: l2, l1, elastic_net or none")]
    public SgdPenalty Penalty { get; init; } = SgdPenalty.L2;

    /// <summary>Penalty strength α ≥ 0 (also sets the optimal learning rate). Default 1e-4.</summary>
    [Hyperparameter("strength of the penalty (also sets the optimal learning rate)", Min = 0)]
    public double Alpha { get; init; } = 1e-4;

    /// <summary>Share ρ of L1 in the elastic-net penalty, in [0, 1]. Default 0.15.</summary>
    [Hyperparameter("share of L1 in the elastic-net penalty", Min = 0, Max = 1)]
    public double L1Ratio { get; init; } = 0.15;

    /// <summary>Whether to fit an intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Largest number of epochs (passes over the data). Default 1000.</summary>
    [Hyperparameter("largest number of epochs", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    /// <summary>Stop when n_iter_no_change epochs in a row fail to lower the summed loss by tol·n; null runs all
    /// max_iter epochs. Default 1e-3.</summary>
    [Hyperparameter("stopping tolerance on the epoch loss", Min = 0, NullMeans = "run all max_iter epochs")]
    public double? Tol { get; init; } = 1e-3;

    /// <summary>Epochs without improvement before stopping (or lowering the adaptive rate). Default 5.</summary>
    [Hyperparameter("epochs without improvement before stopping", Min = 1)]
    public int NIterNoChange { get; init; } = 5;

    /// <summary>Whether to shuffle the rows before each epoch. Default true.</summary>
    [Hyperparameter("shuffle the rows before each epoch")]
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffling. Default 0.</summary>
    [Hyperparameter("seed of the shuffling")]
    public int Seed { get; init; }

    /// <summary>Learning-rate schedule: optimal (default), constant, invscaling or adaptive.</summary>
    [Hyperparameter("learning-rate schedule: constant, optimal, invscaling or adaptive")]
    public SgdLearningRate LearningRate { get; init; } = SgdLearningRate.Optimal;

    /// <summary>Initial learning rate for constant, invscaling and adaptive (must then be &gt; 0). Default 0.</summary>
    [Hyperparameter("initial learning rate (constant, invscaling, adaptive)", Min = 0)]
    public double Eta0 { get; init; }

    /// <summary>Exponent of the invscaling schedule. Default 0.5.</summary>
    [Hyperparameter("exponent of the invscaling schedule")]
    public double PowerT { get; init; } = 0.5;

    /// <summary>Class weighting: none (default) or balanced.</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>Averaged SGD: 0 (default) off; 1 averages the weights over all steps; N &gt; 1 from the N-th sample seen on.</summary>
    [Hyperparameter("averaged SGD: 0 off, 1 from the start, N from the N-th sample seen", Min = 0)]
    public int Average { get; init; }

    /// <summary>Validates, then fits a new model from zero weights.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels (at least two classes).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation (checked every epoch), threads (one class per thread), convergence warnings.</param>
    /// <exception cref="InvalidHyperparameterException">Out-of-range values, eta0 = 0 with a non-optimal schedule, alpha = 0 with optimal.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights, a single class.</exception>
    public SGDClassifierModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        ValidateSettings();
        var (classes, codes) = SgdFitting.PresentClasses(x, y, sampleWeight, nameof(SGDClassifier));
        return SgdFitting.TrainClassifier(this, x, codes, classes, y.Kind, sampleWeight, null, 1.0, MaxIter, Seed, context ?? FitContext.Default);
    }

    /// <summary>
    /// One epoch on a first chunk of data, keeping the state for more chunks (<see cref="SGDClassifierModel.PartialFit"/>),
    /// as scikit-learn's first <c>partial_fit</c> call: <paramref name="classes"/> lists every class the stream will hold.
    /// </summary>
    /// <param name="x">Features of the chunk.</param>
    /// <param name="y">Labels of the chunk; each must be one of <paramref name="classes"/>.</param>
    /// <param name="classes">All classes (at least two); numeric names are ordered numerically, others ordinally.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation.</param>
    /// <exception cref="InvalidHyperparameterException">Bad settings, or class_weight = balanced (needs the whole data).</exception>
    /// <exception cref="InvalidInputException">A label outside <paramref name="classes"/>, fewer than two classes, bad data.</exception>
    public SGDClassifierModel PartialFit(Matrix x, ClassLabels y, IReadOnlyList<string> classes, double[]? sampleWeight = null,
        FitContext? context = null)
    {
        ValidateSettings();
        if (ClassWeight == ClassWeightMode.Balanced)
            throw new InvalidHyperparameterException("class_weight",
                "SGDClassifier: class_weight = balanced needs the whole data; use fit, or class_weight = none with partial_fit.");
        ArgumentNullException.ThrowIfNull(classes);
        var ordered = SgdFitting.OrderClasses(classes, nameof(SGDClassifier));
        var codes = SgdFitting.ChunkCodes(x, y, sampleWeight, ordered, nameof(SGDClassifier));
        return SgdFitting.TrainClassifier(this, x, codes, ordered, y.Kind, sampleWeight, null, 1.0, 1, Seed, context ?? FitContext.Default);
    }

    /// <summary>The checks <see cref="Hyperparameters.Validate"/> cannot express.</summary>
    internal void ValidateSettings()
    {
        Hyperparameters.Validate(this);
        SgdFitting.CheckSchedule(nameof(SGDClassifier), LearningRate, Eta0, Alpha);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
