using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Bottom-up hierarchical clustering, as scikit-learn's <c>AgglomerativeClustering</c> with the Euclidean
/// metric and no connectivity constraint: every row starts as its own cluster and the two closest clusters
/// (by <see cref="Linkage"/>) merge until one is left. The full merge tree is kept
/// (<see cref="AgglomerativeClusteringModel.Tree"/>, SciPy's linkage matrix), then cut into
/// <see cref="Clusters"/> clusters or wherever merges reach <see cref="DistanceThreshold"/>. Deterministic;
/// trees and labels equal SciPy's <c>linkage</c> and scikit-learn's, ties included.
/// </summary>
/// <remarks>
/// Complete and average linkage, and Ward on at most 4,096 rows, use the nearest-neighbour chain algorithm on
/// the matrix of pair distances: O(n²) time and n(n−1)/2 stored distances (8 bytes each: 400 MB for 10,000
/// rows; at most 65,000 rows). Ward on more rows runs the same chain on cluster centroids
/// (d(a, b) = √(2nₐn_b/(nₐ + n_b))·‖cₐ − c_b‖): O(n²·d) time, O(n·d) memory, no row limit; its merge heights
/// equal SciPy's to 1e-12 relative, but merges whose heights tie to the last bit may come in another order
/// (the cut partitions can then differ only at those tied heights). Single linkage uses Prim's minimum spanning
/// tree: O(n²·d) time, O(n) memory. The whole tree is always built (scikit-learn's
/// <c>compute_full_tree</c>): the chain algorithm finds merges out of distance order, so stopping early saves
/// nothing. Sample weights are not used (as in scikit-learn); given ones are ignored with a warning.
/// </remarks>
public sealed record AgglomerativeClustering : IClusterer
{
    /// <summary>Number of clusters to cut the tree into (default 2); must be null when <see cref="DistanceThreshold"/> is set.</summary>
    [Hyperparameter("number of clusters the tree is cut into", Min = 1, NullMeans = "cut at distance_threshold")]
    public int? Clusters { get; init; } = 2;

    /// <summary>Cut the tree where merges reach this linkage distance (default none); requires <see cref="Clusters"/> = null.</summary>
    [Hyperparameter("undo every merge at linkage distance ≥ this value", Min = 0, NullMeans = "cut into a fixed number of clusters")]
    public double? DistanceThreshold { get; init; }

    /// <summary>The linkage (default Ward).</summary>
    [Hyperparameter("linkage: ward, complete, average or single")]
    public AgglomerativeLinkage Linkage { get; init; } = AgglomerativeLinkage.Ward;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Builds the merge tree of the rows of <paramref name="x"/> and cuts it.</summary>
    /// <param name="x">n × d finite values.</param>
    /// <param name="sampleWeight">Ignored (a warning is logged).</param>
    /// <param name="context">Cancellation and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">Both or neither of clusters and distance_threshold given, or more clusters than rows.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, or too many rows for the stored distance matrix.</exception>
    public AgglomerativeClusteringModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (Clusters is null == DistanceThreshold is null)
            throw new InvalidHyperparameterException(Clusters is null ? "clusters" : "distance_threshold",
                "AgglomerativeClustering: give exactly one of clusters and distance_threshold (set the other to none).");
        InputChecks.Features(x, nameof(AgglomerativeClustering));
        context ??= FitContext.Default;
        if (sampleWeight is not null)
            context.Warn("AgglomerativeClustering: sample weights are not used (as in scikit-learn); they were ignored.");
        if (Clusters > x.Rows)
            throw new InvalidHyperparameterException("clusters",
                $"AgglomerativeClustering: clusters = {Clusters} is larger than the number of rows ({x.Rows}); choose at most {x.Rows}.");
        if (Linkage is AgglomerativeLinkage.Complete or AgglomerativeLinkage.Average && x.Rows > AgglomerativeCore.MaxRowsCondensed)
            throw new InvalidInputException(
                $"AgglomerativeClustering: {Linkage.ToString().ToLowerInvariant()} linkage stores all n(n−1)/2 pair distances, too many for {x.Rows} rows " +
                $"(at most {AgglomerativeCore.MaxRowsCondensed}); subsample the rows, or use single linkage (O(n) memory) or ward linkage (O(n·d) memory).");
        var tree = AgglomerativeCore.Build(x, Linkage, context);
        var labels = Clusters is int k ? tree.Cut(k) : tree.CutAtDistance(DistanceThreshold!.Value);
        return new AgglomerativeClusteringModel(this, x.Columns, tree, labels);
    }

    IClusteringModel IClusterer.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);
}
