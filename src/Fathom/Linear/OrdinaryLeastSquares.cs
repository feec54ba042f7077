using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Ordinary least squares with the statistics of statsmodels' OLS (WLS with sample weights): the same
/// coefficients as <see cref="LinearRegression"/>, plus standard errors, t statistics, p-values, confidence
/// intervals, R², adjusted R², the F test, log-likelihood, AIC/BIC and residual diagnostics in
/// <see cref="OrdinaryLeastSquaresModel.Summary"/>.
/// </summary>
/// <remarks>
/// β̂ = D⁺y by the SVD of the design D = [1, X] (rank-deficient designs get the minimum-norm solution and
/// statsmodels' pseudo-inverse covariance); Cov(β̂) = σ̂² (DᵀD)⁺ with σ̂² = SSR / (n − rank). Cost O(n·q² + q³),
/// q = p + 1, and O(n·q) memory for the design copy.
/// </remarks>
public sealed record OrdinaryLeastSquares : IRegressor
{
    /// <summary>Whether to add an intercept (a constant column, statsmodels' add_constant). Default true.</summary>
    [Hyperparameter("whether to fit an intercept (a constant column)")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Confidence level of the coefficient intervals, in (0, 1). Default 0.95.</summary>
    [Hyperparameter("confidence level of the coefficient intervals", Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true)]
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Sample weights are honoured (weighted least squares). Scale-invariant: predictions, t statistics and p-values do
    /// not change when a feature is rescaled, so the command line leaves features in their own units and the
    /// coefficients read in them.
    /// </summary>
    public EstimatorTags Tags => new() { IsScaleInvariant = true };

    /// <summary>Validates, then fits a new model with its summary statistics.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, one per row, finite.</param>
    /// <param name="sampleWeight">Optional non-negative precision weights (weighted least squares); rows of weight 0 are left out.</param>
    /// <param name="context">Cancellation (checked before the solve).</param>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights, or no more
    /// weighted rows than coefficients (the residual variance needs at least one residual degree of freedom).</exception>
    public OrdinaryLeastSquaresModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string name = nameof(OrdinaryLeastSquares);
        TargetChecks.Regression(x, y, sampleWeight, name);
        int used = sampleWeight is null ? x.Rows : sampleWeight.Count(w => w > 0);
        int coefficients = x.Columns + (FitIntercept ? 1 : 0);
        if (used <= coefficients)
            throw new InvalidInputException(
                $"{name}: {used} rows were given for {coefficients} coefficients; standard errors need more rows than coefficients. Add rows or drop features.");
        (context ?? FitContext.Default).ThrowIfCancellationRequested();
        var (beta, summary) = OlsFit.Run(x, y, sampleWeight, FitIntercept, ConfidenceLevel);
        var coef = FitIntercept ? beta[1..] : beta;
        return new OrdinaryLeastSquaresModel(this, coef, FitIntercept ? beta[0] : 0, summary);
    }

    /// <inheritdoc/>
    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);
}
