using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Linear regression fitted by plain stochastic gradient descent, as scikit-learn's SGDRegressor: minimizes
/// Σᵢ sᵢ ℓ(yᵢ, w·xᵢ + b) + α·R(w) one sample at a time (see <see cref="PlainSgd"/> for the exact update). Data arriving
/// in chunks can be learned with <see cref="PartialFit"/> and <see cref="SGDRegressorModel.PartialFit"/>.
/// </summary>
/// <remarks>O(n·p) per epoch. Features (and, for the default schedule, targets) should be on a unit scale. With
/// <see cref="SgdEstimator.Shuffle"/> the sample order comes from <see cref="SgdEstimator.Seed"/> (Fathom's generator, not scikit-learn's);
/// without it the updates are scikit-learn's to rounding.</remarks>
public sealed record SGDRegressor : SgdScheduledEstimator, IRegressor
{
    /// <summary>Loss: squared_error (default), huber, epsilon_insensitive or squared_epsilon_insensitive.</summary>
    [Hyperparameter("loss: squared_error, huber, epsilon_insensitive or squared_epsilon_insensitive")]
    public SgdRegressorLoss Loss { get; init; } = SgdRegressorLoss.SquaredError;

    /// <summary>Default-constructs with scikit-learn's defaults (the schedule's differ from the classifier's:
    /// invscaling, eta0 = 0.01, power_t = 0.25).</summary>
    public SGDRegressor()
    {
        LearningRate = SgdLearningRate.Invscaling;
        Eta0 = 0.01;
        PowerT = 0.25;
    }

    /// <summary>ε of the huber and epsilon-insensitive losses. Default 0.1.</summary>
    [Hyperparameter("epsilon of the huber and epsilon-insensitive losses", Min = 0)]
    public double Epsilon { get; init; } = 0.1;

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

    internal SGDRegressorModel Train(Matrix x, double[] y, double[]? sampleWeight, SgdState? start, double t0, int maxIter, FitContext context)
    {
        var kind = Loss switch
        {
            SgdRegressorLoss.SquaredError => SgdLossKind.SquaredError,
            SgdRegressorLoss.Huber => SgdLossKind.Huber,
            SgdRegressorLoss.EpsilonInsensitive => SgdLossKind.EpsilonInsensitive,
            _ => SgdLossKind.SquaredEpsilonInsensitive,
        };
        var settings = Settings(kind, Epsilon);
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
