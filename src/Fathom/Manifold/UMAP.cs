using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>
/// Uniform manifold approximation and projection (McInnes, Healy &amp; Melville 2018), after umap-learn 0.5's
/// defaults. (1) The k = <see cref="NNeighbors"/> nearest neighbours of each row (the row counts as its own first
/// neighbour, as in umap-learn, so k − 1 others); (2) smooth k-NN distances: ρᵢ = distance to the nearest neighbour
/// and σᵢ with Σⱼ exp(−(dᵢⱼ − ρᵢ)/σᵢ) = log₂ k; (3) memberships wᵢⱼ = exp(−(dᵢⱼ − ρᵢ)/σᵢ) combined by fuzzy union
/// w + wᵀ − w∘wᵀ; (4) a spectral (Laplacian eigenmap) start; (5) stochastic gradient descent on the fuzzy
/// cross-entropy with <see cref="NegativeSampleRate"/> negative samples per edge sample, output kernel
/// 1/(1 + a·d^(2b)) with a, b fitted to <see cref="MinDist"/> and <see cref="Spread"/>. The descent is sequential, so
/// the embedding depends only on <see cref="Seed"/> (umap-learn's parallel mode is not reproducible). The model
/// keeps the training rows and embedding and places new rows by the same procedure against them.
/// </summary>
public sealed record UMAP : ITransformer
{
    /// <summary>Neighbourhood size k, including the row itself (default 15).</summary>
    [Hyperparameter("neighbourhood size, counting the row itself", Min = 2)]
    public int NNeighbors { get; init; } = 15;

    /// <summary>Output dimensions (default 2).</summary>
    [Hyperparameter("dimensions of the embedding", Min = 1)]
    public int NComponents { get; init; } = 2;

    /// <summary>Smallest distance between embedded points (default 0.1); with <see cref="Spread"/> it fixes a and b.</summary>
    [Hyperparameter("how tightly points may pack in the embedding", Min = 0)]
    public double MinDist { get; init; } = 0.1;

    /// <summary>Scale of the embedded clusters (default 1); must be at least <see cref="MinDist"/>.</summary>
    [Hyperparameter("scale of the embedded points", Min = 0, MinExclusive = true)]
    public double Spread { get; init; } = 1.0;

    /// <summary>Optimization epochs; null = 500 up to 10,000 rows, else 200 (umap-learn's rule).</summary>
    [Hyperparameter("epochs of stochastic gradient descent", Min = 1, NullMeans = "500 for up to 10,000 rows, else 200")]
    public int? NEpochs { get; init; }

    /// <summary>Initial step size α, decayed linearly to 0 (default 1).</summary>
    [Hyperparameter("initial learning rate of the layout", Min = 0, MinExclusive = true)]
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Negative samples per positive edge sample (default 5).</summary>
    [Hyperparameter("negative samples per positive sample", Min = 0)]
    public int NegativeSampleRate { get; init; } = 5;

    /// <summary>Weight γ of the repulsive term (default 1).</summary>
    [Hyperparameter("weight of the repulsion", Min = 0)]
    public double RepulsionStrength { get; init; } = 1.0;

    /// <summary>Neighbours assumed connected at distance ρ (default 1).</summary>
    [Hyperparameter("number of neighbours assumed fully connected", Min = 0)]
    public double LocalConnectivity { get; init; } = 1.0;

    /// <summary>Starting layout (default spectral).</summary>
    [Hyperparameter("initial layout: spectral or random")]
    public UmapInit Init { get; init; } = UmapInit.Spectral;

    /// <summary>Neighbour search (default auto: exact up to 4,096 rows, nearest-neighbour descent above).</summary>
    [Hyperparameter("neighbour search: auto, exact or descent")]
    public UmapNeighborSearch NeighborSearch { get; init; } = UmapNeighborSearch.Auto;

    /// <summary>Seed of the neighbour descent, the start and the negative sampling (default 0).</summary>
    [Hyperparameter("seed of the random choices")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>. Cost: the neighbour search, plus
    /// O(epochs · n · k · (1 + negative rate) · dims) for the layout.</summary>
    /// <exception cref="InvalidHyperparameterException">A value out of range, or min_dist &gt; spread.</exception>
    /// <exception cref="InvalidInputException">Fewer than 2 rows, no columns, a text or date column, NaN or infinity.</exception>
    public UMAPModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var m = ManifoldInput.ToMatrix(x, nameof(UMAP));
        return FitCore(m, x.ColumnNames.ToArray(), x.Columns.Select(c => c.Kind).ToArray(), context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …).</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public UMAPModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        if (x.Columns == 0) throw new InvalidInputException("UMAP: the data has no columns; give it at least one feature.");
        Linear.InputChecks.Finite(x, nameof(UMAP));
        return FitCore(x.Clone(), ManifoldInput.OutputNames("x", x.Columns), Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(), context ?? FitContext.Default);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    /// <summary>Epochs of the fit for <paramref name="rows"/> rows.</summary>
    internal int FitEpochs(int rows) => NEpochs ?? (rows <= 10_000 ? 500 : 200);

    private UMAPModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        int n = x.Rows;
        if (n < 2) throw new InvalidInputException($"UMAP: the data has {n} row(s); an embedding needs at least 2 rows.");
        if (MinDist > Spread)
            throw new InvalidHyperparameterException("min_dist", string.Create(CultureInfo.InvariantCulture,
                $"UMAP: min_dist = {MinDist} is larger than spread = {Spread}; choose min_dist ≤ spread."));
        int k = Math.Min(NNeighbors, n) - 1; // others, the row itself being the first neighbour
        var rng = new RandomSource(Seed);
        var (ids, dist) = Neighbours(x, k, rng, ctx);
        ctx.ThrowIfCancellationRequested();
        var graph = Graph(ids, dist, n, k);
        int epochs = FitEpochs(n);
        var (a, b) = UmapCurve.Fit(MinDist, Spread);
        Matrix? start = Init == UmapInit.Spectral ? UmapLayout.Spectral(graph, NComponents, rng.Fork(1)) : null;
        bool spectral = start is not null;
        start ??= UmapLayout.Random(n, NComponents, rng.Fork(2));
        UmapLayout.Prepare(start, spectral, rng.Fork(3));
        var (heads, tails, eps) = UmapLayout.Edges(graph, epochs);
        UmapLayout.Optimize(start, start, heads, tails, eps, epochs, a, b, RepulsionStrength, LearningRate, NegativeSampleRate,
            moveOther: true, rng.Fork(4), ctx);
        return new UMAPModel(this, names, kinds, x, start, a, b);
    }

    private (int[] Ids, double[] Dist) Neighbours(Matrix x, int k, RandomSource rng, FitContext ctx)
    {
        int n = x.Rows;
        bool exact = NeighborSearch == UmapNeighborSearch.Exact || (NeighborSearch == UmapNeighborSearch.Auto && n <= 4096);
        if (!exact) return NNDescent.Search(x, k, rng.Fork(5), ctx.ThreadCount);
        var nn = Neighbors.NearestNeighbors.Build(x).KNeighborsOfPoints(k, ctx.ThreadCount);
        return (nn.Indices, nn.Distances.Clone().Storage);
    }

    /// <summary>Fuzzy simplicial set from k other neighbours per row (distances ascending).</summary>
    internal SparseAffinities Graph(int[] ids, double[] dist, int n, int k)
    {
        // prepend the row itself at distance 0, as umap-learn's neighbour lists do
        var full = new double[n * (k + 1)];
        for (int i = 0; i < n; i++) Array.Copy(dist, i * k, full, i * (k + 1) + 1, k);
        var (sigma, rho) = UmapGraph.SmoothKnn(full, n, k + 1, k + 1, LocalConnectivity, skip: 1);
        var w = UmapGraph.Memberships(dist, n, k, sigma, rho);
        return UmapGraph.FuzzyUnion(n, k, ids, w);
    }
}
