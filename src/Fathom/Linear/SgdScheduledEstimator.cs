using Fathom.Core;

namespace Fathom.Linear;

/// <summary>
/// The learning-rate hyperparameters <see cref="SGDClassifier"/> and <see cref="SGDRegressor"/> share on top of
/// <see cref="SgdEstimator"/>: the schedule, its initial rate and exponent, and weight averaging. Their defaults
/// differ between the two (scikit-learn's): the classifier's are given here, the regressor sets its own.
/// </summary>
public abstract record SgdScheduledEstimator : SgdEstimator
{
    private protected SgdScheduledEstimator() { }

    /// <summary>Learning-rate schedule: constant, optimal, invscaling or adaptive. Default optimal for
    /// <see cref="SGDClassifier"/>, invscaling for <see cref="SGDRegressor"/>.</summary>
    [Hyperparameter("learning-rate schedule: constant, optimal, invscaling or adaptive")]
    public SgdLearningRate LearningRate { get; init; } = SgdLearningRate.Optimal;

    /// <summary>Initial learning rate for constant, invscaling and adaptive (must then be &gt; 0). Default 0 for
    /// <see cref="SGDClassifier"/>, 0.01 for <see cref="SGDRegressor"/>.</summary>
    [Hyperparameter("initial learning rate (constant, invscaling, adaptive)", Min = 0)]
    public double Eta0 { get; init; }

    /// <summary>Exponent of the invscaling schedule. Default 0.5 for <see cref="SGDClassifier"/>, 0.25 for
    /// <see cref="SGDRegressor"/>.</summary>
    [Hyperparameter("exponent of the invscaling schedule")]
    public double PowerT { get; init; } = 0.5;

    /// <summary>Averaged SGD: 0 (default) off; 1 averages the weights over all steps; N &gt; 1 from the N-th sample seen on.</summary>
    [Hyperparameter("averaged SGD: 0 off, 1 from the start, N from the N-th sample seen", Min = 0)]
    public int Average { get; init; }

    /// <summary>The checks <see cref="Hyperparameters.Validate"/> cannot express, after it.</summary>
    internal void ValidateSettings()
    {
        Hyperparameters.Validate(this);
        SgdFitting.CheckSchedule(GetType().Name, LearningRate, Eta0, Alpha);
    }

    /// <summary>The settings of one SGD run with these hyperparameters and the given loss.</summary>
    internal SgdSettings Settings(SgdLossKind loss, double lossParameter) => new(loss, lossParameter, Penalty, Alpha, L1Ratio,
        LearningRate, Eta0, PowerT, FitIntercept, Tol ?? double.NegativeInfinity, NIterNoChange, Shuffle, Average);
}
