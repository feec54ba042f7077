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
public sealed record Perceptron : IClassifier
{
    /// <summary>Penalty: none (default), l2, l1 or elastic_net.</summary>
    [Hyperparameter("penalty: none, l2, l1 or elastic_net")]
    public SgdPenalty Penalty { get; init; } = SgdPenalty.None;

    /// <summary>Penalty strength α ≥ 0 (used only with a penalty). Default 1e-4.</summary>
    [Hyperparameter("strength of the penalty", Min = 0)]
    public double Alpha { get; init; } = 1e-4;

    /// <summary>Share of L1 in the elastic-net penalty. Default 0.15.</summary>
    [Hyperparameter("share of L1 in the elastic-net penalty", Min = 0, Max = 1)]
    public double L1Ratio { get; init; } = 0.15;

    /// <summary>Whether to fit an intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Largest number of epochs. Default 1000.</summary>
    [Hyperparameter("largest number of epochs", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    /// <summary>Stopping tolerance on the epoch loss (null: run all epochs). Default 1e-3.</summary>
    [Hyperparameter("stopping tolerance on the epoch loss", Min = 0, NullMeans = "run all max_iter epochs")]
    public double? Tol { get; init; } = 1e-3;

    /// <summary>Epochs without improvement before stopping. Default 5.</summary>
    [Hyperparameter("epochs without improvement before stopping", Min = 1)]
    public int NIterNoChange { get; init; } = 5;

    /// <summary>Whether to shuffle the rows before each epoch. Default true.</summary>
    [Hyperparameter("shuffle the rows before each epoch")]
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffling. Default 0.</summary>
    [Hyperparameter("seed of the shuffling")]
    public int Seed { get; init; }

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
