using Fathom.Core;
using Fathom.Linear;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Anomaly;

/// <summary>
/// Kernel density estimation, as scikit-learn 1.2's <c>KernelDensity</c> with the Euclidean metric:
/// log p(x) = log Σᵢ wᵢ K((x − xᵢ)/h) − log Σᵢ wᵢ − log Z(h, d), with the kernels of <see cref="DensityKernel"/> and their
/// normalising constants Z (so each integrates to 1). Also an outlier detector: the score is the log density and the
/// offset is the <see cref="Contamination"/> quantile of the training rows' log densities.
/// </summary>
/// <remarks>
/// <para>Sums are exact (scikit-learn's default atol = rtol = 0): per query row a log-sum-exp over all training rows for
/// the gaussian and exponential kernels (O(m·n·d)), and over the rows within h found by the <see cref="NearestNeighbors"/>
/// radius search (a KD-tree in low dimension) for the compact kernels. Far from all data the log density stays finite
/// for the gaussian and exponential kernels and is −∞ for the compact ones (as scikit-learn).</para>
/// <para><see cref="Contamination"/> is Fathom's addition (scikit-learn's KernelDensity has no threshold); the offset is
/// the unweighted quantile over training rows.</para>
/// </remarks>
public sealed record KernelDensity : IOutlierDetector
{
    /// <summary>Bandwidth h &gt; 0 (default 1, as scikit-learn); ignored when <see cref="BandwidthRule"/> is set.</summary>
    [Hyperparameter("kernel bandwidth h", Min = 0, MinExclusive = true)]
    public double Bandwidth { get; init; } = 1.0;

    /// <summary>Bandwidth from a rule of thumb instead of <see cref="Bandwidth"/>: scott or silverman; null (default) uses <see cref="Bandwidth"/>.</summary>
    [Hyperparameter("bandwidth rule of thumb: scott or silverman", NullMeans = "use bandwidth")]
    public BandwidthRule? BandwidthRule { get; init; }

    /// <summary>Kernel (default gaussian).</summary>
    [Hyperparameter("kernel: gaussian, tophat, epanechnikov, exponential, linear or cosine")]
    public DensityKernel Kernel { get; init; } = DensityKernel.Gaussian;

    /// <summary>Share of training rows taken as outliers for <see cref="IOutlierModel.Predict"/> (default 0.1; Fathom's addition).</summary>
    [Hyperparameter("share of training rows flagged (threshold at that quantile of their log densities)", Min = 0, MinExclusive = true, Max = 0.5)]
    public double Contamination { get; init; } = 0.1;

    /// <summary>Takes sample weights (weighted kernel sum); deterministic.</summary>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = true };

    /// <summary>Validates and stores the rows (and weights), resolves the bandwidth and sets the offset.</summary>
    /// <param name="x">Rows (n × d), finite.</param>
    /// <param name="sampleWeight">Optional non-negative weights (not all zero).</param>
    /// <param name="context">Thread limit for the training scores.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, bad weights.</exception>
    public KernelDensityModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        InputChecks.Features(x, nameof(KernelDensity));
        InputChecks.Weights(sampleWeight, x.Rows, nameof(KernelDensity));
        context ??= FitContext.Default;
        int n = x.Rows, d = x.Columns;
        double total = sampleWeight?.Sum() ?? n;
        double h = BandwidthRule switch
        {
            Anomaly.BandwidthRule.Scott => Math.Pow(total, -1.0 / (d + 4)),
            Anomaly.BandwidthRule.Silverman => Math.Pow(total * (d + 2) / 4.0, -1.0 / (d + 4)),
            _ => Bandwidth,
        };
        var weights = sampleWeight is null ? null : (double[])sampleWeight.Clone();
        var index = Kernel is DensityKernel.Gaussian or DensityKernel.Exponential ? null : NearestNeighbors.Create(x.Clone(), NeighborMetric.Euclidean, NeighborAlgorithm.Auto, 1);
        var model = new KernelDensityModel(this, x.Clone(), weights, total, h, index, double.NegativeInfinity);
        var scores = model.ScoreSamples(x, context.ThreadCount);
        return model.WithOffset(Dummy.DummyRegressor.Percentile(scores, 100.0 * Contamination));
    }

    IOutlierModel IOutlierDetector.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    /// <summary>log Z: the log of the integral over ℝᵈ of the unnormalised kernel with bandwidth h (scikit-learn's
    /// <c>_log_kernel_norm</c>, negated): with V_d the volume of the unit d-ball and S_{d−1} its surface,
    /// gaussian (2π)^{d/2}hᵈ; tophat V_d hᵈ; epanechnikov V_d hᵈ·2/(d + 2); exponential S_{d−1}Γ(d)hᵈ; linear V_d hᵈ/(d + 1);
    /// cosine S_{d−1}hᵈ·∫₀¹ cos(πr/2) r^{d−1} dr.</summary>
    public static double LogKernelNorm(DensityKernel kernel, double h, int d)
    {
        double factor = kernel switch
        {
            DensityKernel.Gaussian => 0.5 * d * Math.Log(2 * Math.PI),
            DensityKernel.Tophat => LogVolume(d),
            DensityKernel.Epanechnikov => LogVolume(d) + Math.Log(2.0 / (d + 2.0)),
            DensityKernel.Exponential => LogSurface(d - 1) + Statistics.SpecialFunctions.LogGamma(d),
            DensityKernel.Linear => LogVolume(d) - Math.Log(d + 1.0),
            _ => CosineFactor(d),
        };
        return factor + d * Math.Log(h);
    }

    /// <summary>
    /// log(S_{d−1}·C(d − 1)) with C(n) = ∫₀¹ cos(πr/2) rⁿ dr from integration by parts (a = π/2): C(0) = 1/a,
    /// C(1) = 1/a − 1/a², C(n) = 1/a − n(n − 1)/a²·C(n − 2). scikit-learn 1.2.1's series is this recursion for odd d, but
    /// it ends on C(1) = 1/a for even d, which makes its cosine densities wrong (NaN for d = 4); Fathom uses the exact value.
    /// </summary>
    private static double CosineFactor(int d)
    {
        const double a = Math.PI / 2;
        int n = d - 1;
        double c = n % 2 == 0 ? 1 / a : 1 / a - 1 / (a * a);
        for (int k = n % 2 == 0 ? 2 : 3; k <= n; k += 2) c = 1 / a - k * (k - 1) / (a * a) * c;
        return Math.Log(c) + LogSurface(d - 1);
    }

    /// <summary>log of the volume of the unit n-ball: (n/2) log π − log Γ(n/2 + 1).</summary>
    private static double LogVolume(int n) => 0.5 * n * Math.Log(Math.PI) - Statistics.SpecialFunctions.LogGamma(0.5 * n + 1);

    /// <summary>log of the surface of the unit n-sphere (in ℝⁿ⁺¹): log 2π + log V_{n−1}.</summary>
    private static double LogSurface(int n) => Math.Log(2 * Math.PI) + LogVolume(n - 1);
}
