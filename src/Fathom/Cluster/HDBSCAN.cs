using System.Globalization;
using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Hierarchical density-based clustering (HDBSCAN*, Campello, Moulavi &amp; Sander 2013), as scikit-learn 1.3's
/// <c>HDBSCAN</c>: no number of clusters and no radius to choose. The core distance of a row is the distance to its
/// <see cref="MinSamples"/>-th nearest row (itself counted); the mutual-reachability distance of two rows is
/// max(core_a, core_b, d(a, b) / <see cref="Alpha"/>). Single linkage on that distance gives a hierarchy of
/// density levels (<see cref="HDBSCANModel.SingleLinkageTree"/>); condensing it — splits that leave fewer than
/// <see cref="MinClusterSize"/> rows are rows falling out, not new clusters — gives the cluster tree
/// (<see cref="HDBSCANModel.CondensedTree"/>), from which the most stable clusters are selected (excess of mass) or
/// its leaves. Rows in no selected cluster are noise (label −1). Deterministic.
/// </summary>
/// <remarks>
/// Core distances come from the shared k-nearest-neighbour index (<see cref="NearestNeighbors"/>: KD-tree, ball
/// tree or brute force). The minimum spanning tree is Prim's algorithm on the complete mutual-reachability graph with
/// distances computed on the fly: O(n²·d) time, O(n) memory (50,000 rows in 2-d take a few seconds). Sample weights
/// are not used (as in scikit-learn); given ones are ignored with a warning. On exact ties of merge distances the
/// condensed tree splits all tied merges at once (the paper's definition), where scikit-learn binarizes them in
/// arbitrary order; results agree whenever merge distances are distinct.
/// </remarks>
public sealed record HDBSCAN : IClusterer
{
    /// <summary>Smallest group of rows that counts as a cluster (default 5); smaller splits are rows falling out.</summary>
    [Hyperparameter("smallest number of rows that makes a cluster", Min = 2)]
    public int MinClusterSize { get; init; } = 5;

    /// <summary>k of the core distance: the distance to the k-th nearest row, itself counted (default null = <see cref="MinClusterSize"/>).
    /// Larger values make the clustering more conservative (more noise).</summary>
    [Hyperparameter("k of the core distance (k-th nearest row, itself counted)", Min = 1, NullMeans = "min_cluster_size")]
    public int? MinSamples { get; init; }

    /// <summary>Distance below which clusters are not split further (default 0 = off): a selected cluster born at a
    /// smaller distance is replaced by its nearest ancestor born above it.</summary>
    [Hyperparameter("clusters born below this distance are merged into their ancestor", Min = 0)]
    public double ClusterSelectionEpsilon { get; init; }

    /// <summary>Largest cluster excess of mass may select (default null = no limit); ignored by leaf selection.</summary>
    [Hyperparameter("largest cluster excess-of-mass selection may keep", Min = 1, NullMeans = "no limit")]
    public int? MaxClusterSize { get; init; }

    /// <summary>The distance (default euclidean; manhattan, chebyshev, minkowski with <see cref="P"/> and cosine also work).</summary>
    [Hyperparameter("distance: euclidean, manhattan, chebyshev, minkowski or cosine")]
    public NeighborMetric Metric { get; init; } = NeighborMetric.Euclidean;

    /// <summary>Power of the Minkowski metric (default 2).</summary>
    [Hyperparameter("power p of the minkowski metric", Min = 1)]
    public double P { get; init; } = 2;

    /// <summary>Distance scaling of the mutual reachability, max(core_a, core_b, d / alpha) (default 1).</summary>
    [Hyperparameter("distance scaling in the mutual reachability", Min = 0, MinExclusive = true)]
    public double Alpha { get; init; } = 1.0;

    /// <summary>The k-NN search for the core distances (default auto: KD-tree or ball tree in low dimensions, brute force otherwise).</summary>
    [Hyperparameter("k-NN search of the core distances: auto, brute, kd_tree or ball_tree")]
    public NeighborAlgorithm Algorithm { get; init; } = NeighborAlgorithm.Auto;

    /// <summary>How flat clusters are picked from the condensed tree (default excess of mass).</summary>
    [Hyperparameter("cluster selection: eom (excess of mass) or leaf")]
    public HdbscanSelection ClusterSelectionMethod { get; init; } = HdbscanSelection.Eom;

    /// <summary>Whether the whole data may be one cluster (default false: the root is never selected).</summary>
    [Hyperparameter("allow the root (all rows) as the single cluster")]
    public bool AllowSingleCluster { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Clusters the rows of <paramref name="x"/>.</summary>
    /// <param name="x">n × d finite values.</param>
    /// <param name="sampleWeight">Ignored (a warning is logged).</param>
    /// <param name="context">Cancellation, thread limit and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range, min_samples above the row count, or the nan_euclidean metric.</exception>
    /// <exception cref="InvalidInputException">Empty data or NaN/infinity (row and column named).</exception>
    public HDBSCANModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (Metric == NeighborMetric.NanEuclidean)
            throw new InvalidHyperparameterException("metric", "HDBSCAN: the nan_euclidean metric is not supported; impute missing values first and use euclidean.");
        NeighborFit.CheckPoints(x, Metric, nameof(HDBSCAN));
        context ??= FitContext.Default;
        if (sampleWeight is not null)
            context.Warn("HDBSCAN: sample weights are not used (as in scikit-learn); they were ignored.");
        int n = x.Rows;
        int minSamples = MinSamples ?? MinClusterSize;
        if (minSamples > n)
            throw new InvalidHyperparameterException(MinSamples is null ? "min_cluster_size" : "min_samples", string.Create(CultureInfo.InvariantCulture,
                $"HDBSCAN: min_samples is {minSamples}{(MinSamples is null ? " (from min_cluster_size)" : "")} but the data has only {n} rows; choose at most {n}, or give more rows."));
        var index = NearestNeighbors.Create(x, Metric, Algorithm, minSamples, P);
        var coreSquared = new double[n];
        var core = HdbscanCore.CoreDistances(x, index, minSamples, context.ThreadCount, coreSquared);
        context.ThrowIfCancellationRequested();
        Dendrogram tree;
        if (n == 1) tree = new Dendrogram([], [], [], []);
        else
        {
            var (a, b, w) = HdbscanCore.MinimumSpanningTree(x, index, core, coreSquared, Alpha, context);
            tree = AgglomerativeCore.SortAndLabel(a, b, w, n);
        }
        var (parent, child, lambda, size, clusters) = HdbscanCore.Condense(tree, MinClusterSize);
        var stability = HdbscanCore.Stabilities(n, clusters, parent, child, lambda, size);
        var selected = HdbscanCore.Select(n, clusters, parent, child, lambda, size, stability, ClusterSelectionMethod, AllowSingleCluster,
            ClusterSelectionEpsilon, MaxClusterSize);
        var (labels, prob, outlier) = HdbscanCore.Label(n, clusters, parent, child, lambda, selected, AllowSingleCluster, ClusterSelectionEpsilon);
        var condensed = new CondensedTree(n, [.. parent], [.. child], [.. lambda], [.. size], stability, selected);
        return new HDBSCANModel(this, x.Columns, labels, prob, outlier, core, tree, condensed);
    }

    IClusteringModel IClusterer.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);
}
