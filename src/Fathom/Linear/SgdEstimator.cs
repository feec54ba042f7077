using Fathom.Core;

namespace Fathom.Linear;

/// <summary>
/// The hyperparameters <see cref="SGDClassifier"/>, <see cref="SGDRegressor"/> and <see cref="Perceptron"/> share
/// (scikit-learn's defaults): the penalty, the epoch budget and stopping rule, and the row shuffling. The concrete
/// types add the loss, the learning rate and the fit.
/// </summary>
public abstract record SgdEstimator
{
    private protected SgdEstimator() { }

    /// <summary>Penalty: l2 (default for the SGD estimators), l1, elastic_net or none (default for
    /// <see cref="Perceptron"/>).</summary>
    [Hyperparameter("penalty: l2, l1, elastic_net or none")]
    public SgdPenalty Penalty { get; init; } = SgdPenalty.L2;

    /// <summary>Penalty strength α ≥ 0 (with the optimal learning rate it also sets the rate). Default 1e-4.</summary>
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
}
