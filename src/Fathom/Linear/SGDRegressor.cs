using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Linear regression fitted by plain stochastic gradient descent, as scikit-learn's SGDRegressor: minimizes
/// Σᵢ sᵢ ℓ(yᵢ, w·xᵢ + b) + α·R(w) one sample at a time (see <see cref="PlainSgd"/> for the exact update). Data arriving
/// in chunks can be learned with <see cref="PartialFit"/> and <see cref="SGDRegressorModel.PartialFit"/>.
/// </summary>
/// <remarks>O(n·p) per epoch. Features (and, for the default schedule, targets) should be on a unit scale. With
/// <see cref="Shuffle"/> the sample order comes from <see cref="Seed"/> (Fathom's generator, not scikit-learn's);
/// without it the updates are scikit-learn's to rounding.</remarks>
public sealed record SGDRegressor : IRegressor
{
    /// <summary>Loss: squared_error (default), huber, epsilon_insensitive or squared_epsilon_insensitive.</summary>
    [Hyperparameter("loss: squared_error, huber, epsilon_insensitive or squared_epsilon_insensitive")]
    public SgdRegressorLoss Loss { get; init; } = SgdRegressorLoss.SquaredError;

    /// <summary>Penalty: l2 (default), l1, elastic_net or none.</summary>
    [Hyperparameter("penalty: l2, l1, elastic_net or none")]
    public SgdPenalty Penalty { get; init; } = SgdPenalty.L2;

    /// <summary>Penalty strength α ≥ 0. Default 1e-4.</summary>
    [Hyperparameter("strength of the penalty (also sets the optimal learning rate)", Min = 0)]
    public double Alpha { get; init; } = 1e-4;

    /// <summary>Share ρ of L1 in the elastic-net penalty, in [0, 1]. Default 0.15.</summary>
    [Hyperparameter("share of L1 in the elastic-net penalty", Min = 0, Max = 1)]
    public double L1Ratio { get; init; } = 0.15;

    /// <summary>Whether to fit an intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Largest number of epochs. Default 1000.</summary>
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

    /// <summary>ε of the huber and epsilon-insensitive losses. Default 0.1.</summary>
    [Hyperparameter("epsilon of the huber and epsilon-insensitive losses", Min = 0)]
    public double Epsilon { get; init; } = 0.1;

    /// <summary>Learning-rate schedule: invscaling (default), constant, optimal or adaptive.</summary>
    [Hyperparameter("learning-rate schedule: constant, optimal, invscaling or adaptive")]
    public SgdLearningRate LearningRate { get; init; } = SgdLearningRate.Invscaling;

    /// <summary>Initial learning rate. Default 0.01.</summary>
    [Hyperparameter("initial learning rate (constant, invscaling, adaptive)", Min = 0)]
    public double Eta0 { get; init; } = 0.01;

    /// <summary>Exponent of the invscaling schedule. Default 0.25.</summary>
    [Hyperparameter("exponent of the invscaling schedule")]
    public double PowerT { get; init; } = 0.25;

    /// <summary>Averaged SGD: 0 (default) off; 1 averages the weights over all steps; N &gt; 1 from the N-th sample seen on.</summary>
    [Hyperparameter("averaged SGD: 0 off, 1 from the start, N from the N-th sample seen", Min = 0)]
    public int Average { get; init; }

    /// <summary>Validates, then fits a new model from zero weights.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation (every epoch) and convergence warnings.</param>
    /// <exception cref="InvalidHyperparameterException">Out-of-range values, eta0 = 0 with a non-optimal schedule, alpha = 0 with optimal.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights.</exception>
    public SGDRegressorModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        ValidateSettings();
        TargetChecks.Regression(x, y, sampleWeight, nameof(SGDRegressor));
        return Train(x, y, sampleWeight, null, 1.0, MaxIter, context ?? FitContext.Default);
    }

    /// <summary>One epoch on a first chunk, keeping the state for more chunks (<see cref="SGDRegressorModel.PartialFit"/>).</summary>
    /// <exception cref="InvalidHyperparameterException">Bad settings.</exception>
    /// <exception cref="InvalidInputException">Bad data.</exception>
    public SGDRegressorModel PartialFit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        ValidateSettings();
        TargetChecks.Regression(x, y, sampleWeight, nameof(SGDRegressor));
        return Train(x, y, sampleWeight, null, 1.0, 1, context ?? FitContext.Default);
    }

    private void ValidateSettings()
    {
        Hyperparameters.Validate(this);
        SgdFitting.CheckSchedule(nameof(SGDRegressor), LearningRate, Eta0, Alpha);
    }

    internal SGDRegressorModel Train(Matrix x, double[] y, double[]? sampleWeight, SgdState? start, double t0, int maxIter, FitContext context)
    {
        var kind = Loss switch
        {
            SgdRegressorLoss.SquaredError => SgdLossKind.SquaredError,
            SgdRegressorLoss.Huber => SgdLossKind.Huber,
            SgdRegressorLoss.EpsilonInsensitive => SgdLossKind.EpsilonInsensitive,
            _ => SgdLossKind.SquaredEpsilonInsensitive,
        };
        var settings = new SgdSettings(kind, Epsilon, Penalty, Alpha, L1Ratio, LearningRate, Eta0, PowerT, FitIntercept,
            Tol ?? double.NegativeInfinity, NIterNoChange, Shuffle, Average);
        var state = start?.Clone() ?? new SgdState(x.Columns);
        var sw = sampleWeight ?? Enumerable.Repeat(1.0, x.Rows).ToArray();
        var rng = new RandomSource(Seed).Fork((long)t0);
        int epochs = PlainSgd.Run(x, y, sw, settings, state, t0, 1.0, 1.0, maxIter, rng, context.CancellationToken);
        if (maxIter > 1 && Tol is not null && epochs == maxIter)
            context.Warn($"{nameof(SGDRegressor)}: the maximum number of epochs ({maxIter}) was reached before convergence; increase max_iter.");
        return new SGDRegressorModel(this, state, t0 + (double)epochs * x.Rows, epochs);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
