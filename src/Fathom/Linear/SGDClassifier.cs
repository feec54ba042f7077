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
/// <remarks>O(n·p) per epoch and class. Features should be standardized. With <see cref="SgdEstimator.Shuffle"/> the sample order
/// of each epoch comes from <see cref="SgdEstimator.Seed"/> (Fathom's generator, so not scikit-learn's order); without it the
/// updates are scikit-learn's to rounding.</remarks>
public sealed record SGDClassifier : SgdScheduledEstimator, IClassifier
{
    /// <summary>Loss: hinge (default), log_loss, modified_huber, squared_hinge or perceptron.</summary>
    [Hyperparameter("loss: hinge, log_loss, modified_huber, squared_hinge or perceptron")]
    public SgdClassifierLoss Loss { get; init; } = SgdClassifierLoss.Hinge;

    /// <summary>Class weighting: none (default) or balanced.</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

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

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
