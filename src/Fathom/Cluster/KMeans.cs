using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// k-means clustering: finds k centres minimizing the inertia Σᵢ wᵢ‖xᵢ − c₍ₗᵢ₎‖², as scikit-learn's
/// <c>KMeans</c>. Each run starts from k-means++ (or random rows) and iterates Lloyd's algorithm until the
/// labels stop changing or the total squared centre shift is at most <see cref="Tol"/> × the mean feature
/// variance; the best of <see cref="NInit"/> runs is kept. Empty clusters are moved to the rows farthest
/// from their centres. Each iteration costs O(n·k·d) (one GEMM per block of rows, parallel over blocks);
/// the result is identical for the same <see cref="Seed"/> whatever the thread count.
/// </summary>
/// <remarks>
/// <see cref="NInit"/> defaults to 1: scikit-learn ≥ 1.4's <c>n_init="auto"</c> means one run with k-means++
/// (scikit-learn 1.2 defaulted to 10). Set it higher to guard against a poor local optimum.
/// </remarks>
public sealed record KMeans : IClusterer
{
    /// <summary>Number of clusters k (default 8). Must not exceed the number of rows.</summary>
    [Hyperparameter("number of clusters k", Min = 1)]
    public int Clusters { get; init; } = 8;

    /// <summary>Initialization (default k-means++).</summary>
    [Hyperparameter("initialization: k_means_plus_plus or random")]
    public KMeansInit Init { get; init; } = KMeansInit.KMeansPlusPlus;

    /// <summary>Number of runs from different starts; the one with the lowest inertia is kept (default 1).</summary>
    [Hyperparameter("number of runs from different initial centres; the lowest inertia wins", Min = 1)]
    public int NInit { get; init; } = 1;

    /// <summary>Largest number of iterations of one run (default 300).</summary>
    [Hyperparameter("largest number of iterations of one run", Min = 1)]
    public int MaxIter { get; init; } = 300;

    /// <summary>Convergence tolerance, relative to the mean feature variance (default 1e-4): a run stops when
    /// Σⱼ‖cⱼ(new) − cⱼ(old)‖² ≤ Tol · mean(var(X)).</summary>
    [Hyperparameter("stop when the total squared centre shift is at most tol times the mean feature variance", Min = 0)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>The iteration (default Lloyd; Elkan gives the same iterates with fewer distance computations).</summary>
    [Hyperparameter("algorithm: lloyd or elkan")]
    public KMeansAlgorithm Algorithm { get; init; } = KMeansAlgorithm.Lloyd;

    /// <summary>Seed of the initialization (default 0).</summary>
    [Hyperparameter("seed of the random initialization")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = true, IsStochastic = true };

    /// <summary>Clusters the rows of <paramref name="x"/>.</summary>
    /// <param name="x">n × d finite values.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (a weight of 2 counts as the row twice).</param>
    /// <param name="context">Cancellation, progress and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range, or more clusters than rows.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity (row and column named), bad weights.</exception>
    public KMeansModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        InputChecks.Features(x, nameof(KMeans));
        InputChecks.Weights(sampleWeight, x.Rows, nameof(KMeans));
        if (Clusters > x.Rows)
            throw new InvalidHyperparameterException("clusters",
                $"KMeans: clusters = {Clusters} is larger than the number of rows ({x.Rows}); choose at most {x.Rows} clusters or give more rows.");
        context ??= FitContext.Default;
        var result = KMeansCore.Fit(this, x, sampleWeight, context);
        return new KMeansModel(this, result.Centers, result.Labels, result.Inertia, result.Iterations);
    }

    IClusteringModel IClusterer.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);
}
