using System.Globalization;
using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Ordering points to identify the clustering structure (OPTICS, Ankerst, Breunig, Kriegel &amp; Sander 1999), as
/// scikit-learn 1.2.1's <c>OPTICS</c>. Rows are visited in an order where each next row is the one most easily reached
/// from those already visited: its reachability is max(core distance of a visited row, distance to it), the core
/// distance being the distance to the <see cref="MinSamples"/>-th nearest row (itself counted). Valleys of the
/// reachability plot (<see cref="OPTICSModel.Reachability"/> in <see cref="OPTICSModel.Ordering"/>) are clusters, found
/// by their steep edges (<see cref="OpticsClusterMethod.Xi"/>) or by a DBSCAN cut at <see cref="Eps"/>. Deterministic;
/// ordering, reachability, core distances, predecessors and labels equal scikit-learn's, ties included.
/// </summary>
/// <remarks>
/// Core distances use the shared k-NN index; the main loop is sequential and picks the next row by a scan, O(n²) time
/// overall (with <see cref="MaxEps"/> = ∞ every visited row measures its distance to every unvisited one; a finite
/// max_eps limits that to a radius query) and O(n) memory. Sample weights are not used (as in scikit-learn); given ones
/// are ignored with a warning.
/// </remarks>
public sealed record OPTICS : IClusterer
{
    /// <summary>k of the core distance, the row itself counted (default 5): a whole number ≥ 2, or a fraction ≤ 1 of the
    /// rows (at least 2). Also the longest run of non-steep points a steep area may hold (xi).</summary>
    [Hyperparameter("k of the core distance: a count ≥ 2, or a fraction ≤ 1 of the rows", Min = 0, MinExclusive = true)]
    public double MinSamples { get; init; } = 5;

    /// <summary>Largest distance at which rows are neighbours (default ∞). Smaller values run faster (radius queries)
    /// but may leave rows unreachable (reachability ∞).</summary>
    [Hyperparameter("largest neighbour distance (Infinity = all rows)", Min = 0)]
    public double MaxEps { get; init; } = double.PositiveInfinity;

    /// <summary>The distance (default euclidean; manhattan, chebyshev, minkowski with <see cref="P"/> and cosine also work).</summary>
    [Hyperparameter("distance: euclidean, manhattan, chebyshev, minkowski or cosine")]
    public NeighborMetric Metric { get; init; } = NeighborMetric.Euclidean;

    /// <summary>Power of the Minkowski metric (default 2).</summary>
    [Hyperparameter("power p of the minkowski metric", Min = 1)]
    public double P { get; init; } = 2;

    /// <summary>How clusters are read off the reachability plot (default xi).</summary>
    [Hyperparameter("cluster extraction: xi or dbscan")]
    public OpticsClusterMethod ClusterMethod { get; init; } = OpticsClusterMethod.Xi;

    /// <summary>Radius of the DBSCAN cut (cluster_method dbscan; default null = <see cref="MaxEps"/>); at most max_eps.</summary>
    [Hyperparameter("radius of the dbscan extraction", Min = 0, NullMeans = "max_eps")]
    public double? Eps { get; init; }

    /// <summary>Minimum steepness of a cluster boundary in the reachability plot (default 0.05): a point is steep when
    /// reachability changes by a factor 1 − xi to the next point.</summary>
    [Hyperparameter("minimum steepness of a cluster boundary (xi extraction)", Min = 0, Max = 1)]
    public double Xi { get; init; } = 0.05;

    /// <summary>Correct xi clusters with the predecessors (Schubert &amp; Gertz 2018; default true).</summary>
    [Hyperparameter("correct xi clusters using predecessors")]
    public bool PredecessorCorrection { get; init; } = true;

    /// <summary>Smallest xi cluster (default null = <see cref="MinSamples"/>): a count ≥ 2, or a fraction ≤ 1 of the rows.</summary>
    [Hyperparameter("smallest xi cluster: a count ≥ 2, or a fraction ≤ 1 of the rows", Min = 0, MinExclusive = true, NullMeans = "min_samples")]
    public double? MinClusterSize { get; init; }

    /// <summary>The k-NN search of the core distances (default auto).</summary>
    [Hyperparameter("k-NN search of the core distances: auto, brute, kd_tree or ball_tree")]
    public NeighborAlgorithm Algorithm { get; init; } = NeighborAlgorithm.Auto;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Orders the rows of <paramref name="x"/> and extracts clusters.</summary>
    /// <param name="x">n × d finite values.</param>
    /// <param name="sampleWeight">Ignored (a warning is logged).</param>
    /// <param name="context">Cancellation, thread limit and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range; min_samples or min_cluster_size above the
    /// row count or not a whole number above 1; eps above max_eps; the nan_euclidean metric.</exception>
    /// <exception cref="InvalidInputException">Empty data or NaN/infinity (row and column named).</exception>
    public OPTICSModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (Metric == NeighborMetric.NanEuclidean)
            throw new InvalidHyperparameterException("metric", "OPTICS: the nan_euclidean metric is not supported; impute missing values first and use euclidean.");
        CheckSize(MinSamples, "min_samples");
        if (MinClusterSize is double mcs) CheckSize(mcs, "min_cluster_size");
        NeighborFit.CheckPoints(x, Metric, nameof(OPTICS));
        context ??= FitContext.Default;
        if (sampleWeight is not null)
            context.Warn("OPTICS: sample weights are not used (as in scikit-learn); they were ignored.");
        int n = x.Rows;
        CheckRows(MinSamples, n, "min_samples");
        if (MinClusterSize is double m) CheckRows(m, n, "min_cluster_size");
        double eps = Eps ?? MaxEps;
        if (ClusterMethod == OpticsClusterMethod.Dbscan && eps > MaxEps)
            throw new InvalidHyperparameterException("eps", string.Create(CultureInfo.InvariantCulture,
                $"OPTICS: eps = {eps} is larger than max_eps = {MaxEps}; choose eps ≤ max_eps (reachabilities beyond max_eps are not computed)."));
        int k = OpticsCore.Size(MinSamples, n);
        var index = NearestNeighbors.Create(x, Metric, Algorithm, k, P);
        var (ordering, core, reach, pred) = OpticsCore.Graph(x, index, k, MaxEps, context);
        if (reach.All(double.IsPositiveInfinity))
            context.Warn("OPTICS: all reachability values are infinite; set a larger max_eps or every row is an outlier.");
        int[] labels;
        OpticsCluster[] hierarchy = [];
        if (ClusterMethod == OpticsClusterMethod.Xi)
        {
            int minCluster = MinClusterSize is double c ? OpticsCore.Size(c, n) : k;
            (labels, hierarchy) = OpticsCore.Xi(ordering, reach, pred, k, minCluster, Xi, PredecessorCorrection);
        }
        else labels = OpticsCore.DbscanLabels(ordering, core, reach, eps);
        return new OPTICSModel(this, x.Columns, ordering, core, reach, pred, labels, hierarchy);
    }

    IClusteringModel IClusterer.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    private static void CheckSize(double value, string name)
    {
        if (value > 1 && value != Math.Floor(value))
            throw new InvalidHyperparameterException(name, string.Create(CultureInfo.InvariantCulture,
                $"OPTICS: {name} = {value} is neither a whole number of rows (≥ 2) nor a fraction of the rows (≤ 1)."));
    }

    private static void CheckRows(double value, int n, string name)
    {
        if (value > n)
            throw new InvalidHyperparameterException(name, string.Create(CultureInfo.InvariantCulture,
                $"OPTICS: {name} is {value} but the data has only {n} rows; choose at most {n} (or a fraction ≤ 1 of the rows)."));
    }
}
