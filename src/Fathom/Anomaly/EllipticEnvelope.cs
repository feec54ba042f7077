using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Anomaly;

/// <summary>
/// Outliers as rows far from a robust Gaussian fit, as scikit-learn 1.2's <c>EllipticEnvelope</c>: the location and
/// covariance are the reweighted minimum covariance determinant estimate (FastMCD with scikit-learn's steps: random
/// h-subsets, C-steps, the consistency correction and the reweighting; see <see cref="EllipticEnvelopeModel"/>), a
/// row's score is minus its squared Mahalanobis distance −(x − μ)ᵀΣ⁻¹(x − μ), and the offset is the
/// <see cref="Contamination"/> quantile of the training rows' scores.
/// </summary>
/// <remarks>
/// <para>h = ⌈(n + p + 1)/2⌉ rows by default (the most robust choice, breakdown ≈ 50 %), or ⌊support_fraction·n⌋.
/// The random starts come from <see cref="Seed"/> through Fathom's generator, so they differ from scikit-learn's; on
/// data whose MCD is clear-cut both find the same support and hence the same estimates (tested to 1e-10), elsewhere
/// they may settle on different, equally valid local optima. Cost: O(trials · n · p² + p³) per C-step pass.</para>
/// <para>Deterministic for a given seed; sample weights are not used (scikit-learn has none here).</para>
/// </remarks>
public sealed record EllipticEnvelope : IOutlierDetector
{
    /// <summary>Share of outliers expected in the training rows (default 0.1, as scikit-learn); sets the offset.</summary>
    [Hyperparameter("expected share of outliers; sets the threshold at that quantile of the training scores", Min = 0, MinExclusive = true, Max = 0.5)]
    public double Contamination { get; init; } = 0.1;

    /// <summary>Share of rows in the raw MCD support: null (default) = ⌈(n + p + 1)/2⌉ / n; else a value in (0, 1].</summary>
    [Hyperparameter("share of rows the raw robust estimate is computed from", Min = 0, MinExclusive = true, Max = 1, NullMeans = "(n + p + 1) / 2 rows")]
    public double? SupportFraction { get; init; }

    /// <summary>Seed of the random starting subsets (default 0).</summary>
    [Hyperparameter("seed of the random starting subsets")]
    public int Seed { get; init; }

    /// <summary>No sample weights; stochastic through <see cref="Seed"/>.</summary>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Validates, computes the robust location and covariance, and the offset.</summary>
    /// <param name="x">Rows (n × p, n ≥ 2), finite.</param>
    /// <param name="sampleWeight">Ignored with a warning.</param>
    /// <param name="context">Log (warnings).</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter out of range.</exception>
    /// <exception cref="InvalidInputException">Fewer than 2 rows, NaN/infinity, or a support whose covariance is zero.</exception>
    public EllipticEnvelopeModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(EllipticEnvelope);
        InputChecks.Features(x, who);
        context ??= FitContext.Default;
        if (sampleWeight is not null)
        {
            InputChecks.Weights(sampleWeight, x.Rows, who);
            context.Warn($"{who}: sample weights are not used by the elliptic envelope (as in scikit-learn); they were ignored.");
        }
        if (x.Rows < 2) throw new InvalidInputException($"{who}: needs at least 2 rows; got {x.Rows}.");
        var mcd = FastMcd.Fit(x, SupportFraction, new RandomSource(Seed));
        if (mcd.RawCovariance.AsSpan().ToArray().All(v => Math.Abs(v) <= 1e-8) && mcd.RawSupport.Count(s => s) < x.Rows)
            throw new InvalidInputException($"{who}: the covariance of the most concentrated rows is zero (too many identical rows); increase support_fraction.");
        var scores = mcd.Distances.Select(d => -d).ToArray();
        double offset = Dummy.DummyRegressor.Percentile(scores, 100.0 * Contamination);
        return new EllipticEnvelopeModel(this, mcd, offset);
    }

    IOutlierModel IOutlierDetector.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);
}
