using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The perceptron, as scikit-learn's Perceptron: <see cref="SGDClassifier"/> with the perceptron loss
/// max(0, −y·p), a constant learning rate <see cref="Eta0"/> (default 1) and no penalty by default. Returns an
/// <see cref="SGDClassifierModel"/> (whose parameters are the equivalent SGD settings), which also supports
/// partial fits.
/// </summary>
/// <remarks>O(n·p) per epoch and class.</remarks>
public sealed record Perceptron : SgdEstimator, IClassifier
{
    /// <summary>Default-constructs with scikit-learn's defaults (no penalty, unlike the SGD estimators).</summary>
    public Perceptron() => Penalty = SgdPenalty.None;

    /// <summary>Constant learning rate. Default 1.</summary>
    [Hyperparameter("constant learning rate", Min = 0, MinExclusive = true)]
    public double Eta0 { get; init; } = 1.0;

    /// <summary>Class weighting: none (default) or balanced.</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>The equivalent <see cref="SGDClassifier"/>.</summary>
    public SGDClassifier ToSgd() => new()
    {
        Loss = SgdClassifierLoss.Perceptron,
        Penalty = Penalty,
        Alpha = Alpha,
        L1Ratio = L1Ratio,
        FitIntercept = FitIntercept,
        MaxIter = MaxIter,
        Tol = Tol,
        NIterNoChange = NIterNoChange,
        Shuffle = Shuffle,
        Seed = Seed,
        LearningRate = SgdLearningRate.Constant,
        Eta0 = Eta0,
        ClassWeight = ClassWeight,
    };

    /// <summary>Validates, then fits a new model (see <see cref="SGDClassifier.Fit"/>).</summary>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights, a single class.</exception>
    public SGDClassifierModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        return ToSgd().Fit(x, y, sampleWeight, context);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
