using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Gaussian mixture model fitted by expectation–maximization, as scikit-learn's <c>GaussianMixture</c>: the
/// density p(x) = Σⱼ wⱼ·𝒩(x | μⱼ, Σⱼ) with k components whose covariances are full, tied (shared), diagonal
/// or spherical. Each run starts from responsibilities given by k-means or random numbers (or from the
/// parameters given in <see cref="WeightsInit"/>, <see cref="MeansInit"/>, <see cref="PrecisionsInit"/>), then
/// alternates the E-step (responsibilities from log densities, normalized with log-sum-exp) and the M-step
/// (weighted means and covariances plus <see cref="RegCovar"/> on the diagonal) until the mean log-likelihood
/// gains less than <see cref="Tol"/>; the best of <see cref="NInit"/> runs is kept.
/// </summary>
/// <remarks>
/// Each iteration costs O(n·k·d²) for full covariances (GEMM blocks over the Cholesky factors of the
/// precisions) and O(n·k·d) for diagonal or spherical ones; memory O(n·k). The data are centred on their
/// mean before fitting (densities and covariances do not change; rounding improves). Sample weights scale
/// each row's responsibilities (a weight of 2 counts as the row twice); scikit-learn has no weights.
/// Deterministic for a given <see cref="Seed"/>, whatever the thread count.
/// </remarks>
public sealed record GaussianMixture : IClusterer
{
    /// <summary>Number of mixture components k (default 1). Must not exceed the number of rows.</summary>
    [Hyperparameter("number of mixture components k", Min = 1)]
    public int Components { get; init; } = 1;

    /// <summary>Covariance shape (default full).</summary>
    [Hyperparameter("covariance shape: full, tied, diag or spherical")]
    public GaussianMixtureCovariance CovarianceType { get; init; } = GaussianMixtureCovariance.Full;

    /// <summary>Convergence threshold on the gain of the mean log-likelihood per iteration (default 1e-3).</summary>
    [Hyperparameter("stop when the mean log-likelihood gains less than tol in one iteration", Min = 0)]
    public double Tol { get; init; } = 1e-3;

    /// <summary>Non-negative value added to the diagonal of every covariance (default 1e-6), keeping them positive definite.</summary>
    [Hyperparameter("added to every variance so covariances stay positive definite", Min = 0)]
    public double RegCovar { get; init; } = 1e-6;

    /// <summary>Largest number of EM iterations of one run (default 100).</summary>
    [Hyperparameter("largest number of EM iterations of one run", Min = 1)]
    public int MaxIter { get; init; } = 100;

    /// <summary>Number of runs from different starts; the one with the highest final lower bound is kept (default 1).</summary>
    [Hyperparameter("number of runs from different starts; the best mean log-likelihood wins", Min = 1)]
    public int NInit { get; init; } = 1;

    /// <summary>How the first responsibilities are made (default k-means).</summary>
    [Hyperparameter("initialization: k_means or random")]
    public GaussianMixtureInit Init { get; init; } = GaussianMixtureInit.KMeans;

    /// <summary>Seed of the initialization (default 0).</summary>
    [Hyperparameter("seed of the initialization")]
    public int Seed { get; init; }

    /// <summary>Optional initial mixing weights (k values ≥ 0 summing to 1); replaces the ones from <see cref="Init"/>.</summary>
    public IReadOnlyList<double>? WeightsInit { get; init; }

    /// <summary>Optional initial means (k × d); replaces the ones from <see cref="Init"/>.</summary>
    public Matrix? MeansInit { get; init; }

    /// <summary>
    /// Optional initial precisions (inverse covariances) in the layout of <see cref="CovarianceType"/>: full
    /// (k·d) × d (one d × d block per component), tied d × d, diag k × d, spherical k × 1. Replaces the ones
    /// from <see cref="Init"/>.
    /// </summary>
    public Matrix? PrecisionsInit { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = true, IsStochastic = true };

    /// <summary>Fits the mixture to the rows of <paramref name="x"/>.</summary>
    /// <param name="x">n × d finite values, n ≥ <see cref="Components"/>.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation, progress and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range, more components than rows, or
    /// initial parameters of the wrong shape or value (the parameter is named).</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, bad weights, or a covariance that
    /// becomes singular (the message suggests raising <see cref="RegCovar"/>).</exception>
    public GaussianMixtureModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        InputChecks.Features(x, nameof(GaussianMixture));
        InputChecks.Weights(sampleWeight, x.Rows, nameof(GaussianMixture));
        if (Components > x.Rows)
            throw new InvalidHyperparameterException("components",
                $"GaussianMixture: components = {Components} is larger than the number of rows ({x.Rows}); choose at most {x.Rows} components or give more rows.");
        CheckInitialParameters(x.Columns);
        return GaussianMixtureFit.Run(this, x, sampleWeight, context ?? FitContext.Default);
    }

    IClusteringModel IClusterer.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    private void CheckInitialParameters(int d)
    {
        int k = Components;
        if (WeightsInit is { } w)
        {
            if (w.Count != k)
                throw new InvalidHyperparameterException("weights_init", $"GaussianMixture: weights_init has {w.Count} values; give one per component ({k}).");
            if (w.Any(v => !double.IsFinite(v) || v < 0))
                throw new InvalidHyperparameterException("weights_init", "GaussianMixture: weights_init has a negative or non-finite value; weights must lie in [0, 1].");
            if (Math.Abs(w.Sum() - 1) > 1e-6)
                throw new InvalidHyperparameterException("weights_init", $"GaussianMixture: weights_init sums to {w.Sum():G6}; the weights must sum to 1.");
        }
        if (MeansInit is { } m)
        {
            if (m.Rows != k || m.Columns != d)
                throw new InvalidHyperparameterException("means_init", $"GaussianMixture: means_init is {m.Rows} × {m.Columns}; it must be components × features = {k} × {d}.");
            if (m.Clone().AsSpan().ToArray().Any(v => !double.IsFinite(v)))
                throw new InvalidHyperparameterException("means_init", "GaussianMixture: means_init has a NaN or infinite value.");
        }
        if (PrecisionsInit is { } p)
        {
            var (rows, cols) = CovarianceType switch
            {
                GaussianMixtureCovariance.Full => (k * d, d),
                GaussianMixtureCovariance.Tied => (d, d),
                GaussianMixtureCovariance.Diag => (k, d),
                _ => (k, 1),
            };
            if (p.Rows != rows || p.Columns != cols)
                throw new InvalidHyperparameterException("precisions_init",
                    $"GaussianMixture: precisions_init is {p.Rows} × {p.Columns}; for covariance_type {Hyperparameters.ToSnakeCase(CovarianceType.ToString())} with {k} components and {d} features it must be {rows} × {cols}.");
        }
    }
}
