using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Boosting;

/// <summary>
/// Histogram gradient boosting for regression (scikit-learn 1.2's <c>HistGradientBoostingRegressor</c>): the
/// features are binned once into at most <see cref="GradientBoostingEstimator.MaxBins"/> quantile bins plus a bin for missing values, then
/// each iteration grows one regression tree leaf-wise on the gradients and hessians of <see cref="Loss"/>
/// (squared error, or Poisson deviance with a log link).
/// </summary>
/// <remarks>
/// <para>Defaults are scikit-learn's except <see cref="GradientBoostingEstimator.EarlyStopping"/>, which is off (scikit-learn's "auto" turns
/// it on above 10,000 rows); turn it on to hold out <see cref="GradientBoostingEstimator.ValidationFraction"/> of the rows and stop when
/// the validation loss stalls.</para>
/// <para>Missing values (NaN) are allowed: at each split they go to the side that gains more (learned); when a
/// feature had no missing value in training, they follow the child with more rows.</para>
/// <para>Cost: binning O(n·p·log bins) once, then per tree O(n·p) for the root histogram plus the smaller child
/// of each split (the larger is parent − smaller). Features are processed in parallel on up to
/// <see cref="FitContext.ThreadCount"/> threads; the model is bit-identical whatever the thread count.</para>
/// </remarks>
public sealed record GradientBoostingRegressor : GradientBoostingEstimator, IRegressor
{
    /// <summary>Loss the trees descend: squared_error (default), poisson (targets ≥ 0, log link), absolute_error,
    /// quantile (of <see cref="Quantile"/>), pseudo_huber (slope <see cref="HuberDelta"/>) or gamma (targets &gt; 0, log link).</summary>
    [Hyperparameter("loss: squared_error, poisson, absolute_error, quantile, pseudo_huber or gamma")]
    public BoostingLoss Loss { get; init; } = BoostingLoss.SquaredError;

    /// <summary>The quantile α predicted by the quantile loss (default 0.5, the median); ignored by other losses.
    /// (scikit-learn has no default and requires it with loss='quantile'.)</summary>
    [Hyperparameter("quantile predicted by loss=quantile", Min = 0, MinExclusive = true, Max = 1, MaxExclusive = true)]
    public double Quantile { get; init; } = 0.5;

    /// <summary>δ of the pseudo-Huber loss (default 1, XGBoost's huber_slope): residuals much smaller than δ are
    /// penalized quadratically, larger ones linearly. In the target's units; ignored by other losses.</summary>
    [Hyperparameter("delta of loss=pseudo_huber (quadratic below, linear above)", Min = 0, MinExclusive = true)]
    public double HuberDelta { get; init; } = 1.0;

    /// <summary>Validates, then boosts.</summary>
    /// <param name="x">Features (n × p); NaN marks a missing value.</param>
    /// <param name="y">Targets, finite (non-negative with a positive sum for poisson, positive for gamma).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (scales gradients and hessians; min_samples_leaf counts rows).</param>
    /// <param name="context">Cancellation, progress (stage "iterations") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, length mismatch, bad targets or weights.</exception>
    public GradientBoostingRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(GradientBoostingRegressor);
        ArgumentNullException.ThrowIfNull(y);
        BoostingInput.CheckFit(x, y.Length, sampleWeight, who);
        TreeInput.CheckTargets(y, Loss == BoostingLoss.Poisson, who);
        if (Loss == BoostingLoss.Gamma)
            for (int i = 0; i < y.Length; i++)
                if (!(y[i] > 0))
                    throw new InvalidInputException($"{who}: target at row {i} is not positive; the gamma loss needs targets > 0 (use poisson or squared_error).", i);
        context ??= FitContext.Default;
        var loss = CreateLoss();
        var settings = Settings(x, 1, who);
        var ensemble = BoostingCore.Fit(x, (double[])y.Clone(), sampleWeight, loss, settings, 0, context, who);
        return new GradientBoostingRegressionModel(this, ensemble);
    }

    /// <summary>The loss object of <see cref="Loss"/>.</summary>
    internal IBoostingLoss CreateLoss() => Loss switch
    {
        BoostingLoss.Poisson => new PoissonLoss(),
        BoostingLoss.AbsoluteError => new AbsoluteErrorLoss(),
        BoostingLoss.Quantile => new QuantileLoss(Quantile),
        BoostingLoss.PseudoHuber => new PseudoHuberLoss(HuberDelta),
        BoostingLoss.Gamma => new GammaLoss(),
        _ => new SquaredErrorLoss(),
    };

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
