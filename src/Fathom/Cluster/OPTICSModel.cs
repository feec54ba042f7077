using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// A fitted <see cref="OPTICS"/>: the visiting order of the rows, each row's reachability and core distance, the row it
/// was reached from, the labels (−1 = noise) and, for xi, the cluster hierarchy. Other extractions can be run on the same
/// plot without refitting (<see cref="ExtractDbscan"/>, <see cref="ExtractXi"/>). OPTICS has no rule for new rows (as in
/// scikit-learn). Immutable and thread-safe.
/// </summary>
public sealed class OPTICSModel : IClusteringModel
{
    private readonly int[] _ordering, _pred, _labels;
    private readonly double[] _core, _reach;
    private readonly OpticsCluster[] _hierarchy;

    internal OPTICSModel(OPTICS options, int featureCount, int[] ordering, double[] core, double[] reach, int[] pred, int[] labels, OpticsCluster[] hierarchy)
    {
        Options = options;
        FeatureCount = featureCount;
        _ordering = ordering;
        _core = core;
        _reach = reach;
        _pred = pred;
        _labels = labels;
        _hierarchy = hierarchy;
        ClusterCount = labels.Length == 0 ? 0 : labels.Max() + 1;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public OPTICS Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>The rows in visiting order (scikit-learn's <c>ordering_</c>).</summary>
    public IReadOnlyList<int> Ordering => new ReadOnlyCollection<int>(_ordering);

    /// <summary>Reachability distance of each row, by row index (∞ for the first row of each connected group;
    /// scikit-learn's <c>reachability_</c>). The reachability plot is Reachability[Ordering[i]].</summary>
    public IReadOnlyList<double> Reachability => new ReadOnlyCollection<double>(_reach);

    /// <summary>Core distance of each row (∞ beyond max_eps; scikit-learn's <c>core_distances_</c>).</summary>
    public IReadOnlyList<double> CoreDistances => new ReadOnlyCollection<double>(_core);

    /// <summary>The row each row was reached from (−1 for none; scikit-learn's <c>predecessor_</c>).</summary>
    public IReadOnlyList<int> Predecessor => new ReadOnlyCollection<int>(_pred);

    /// <summary>The xi clusters as ranges of the ordering, in the order they were found (scikit-learn's
    /// <c>cluster_hierarchy_</c>); empty for the dbscan extraction.</summary>
    public IReadOnlyList<OpticsCluster> ClusterHierarchy => new ReadOnlyCollection<OpticsCluster>(_hierarchy);

    /// <summary>Number of clusters (labels 0 … ClusterCount − 1).</summary>
    public int ClusterCount { get; }

    /// <summary>Number of noise rows (label −1).</summary>
    public int NoiseCount => _labels.Count(l => l < 0);

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "optics";

    /// <summary>Labels of a DBSCAN cut of this plot at <paramref name="eps"/> (scikit-learn's <c>cluster_optics_dbscan</c>). O(n).</summary>
    /// <exception cref="InvalidHyperparameterException">eps negative, NaN or above max_eps.</exception>
    public int[] ExtractDbscan(double eps)
    {
        if (!(eps >= 0) || eps > Options.MaxEps)
            throw new InvalidHyperparameterException("eps", string.Create(CultureInfo.InvariantCulture,
                $"OPTICSModel: eps must be between 0 and max_eps = {Options.MaxEps}; got {eps}."));
        return OpticsCore.DbscanLabels(_ordering, _core, _reach, eps);
    }

    /// <summary>Labels and hierarchy of a xi extraction of this plot with other settings (scikit-learn's <c>cluster_optics_xi</c>).</summary>
    /// <param name="xi">Steepness, in [0, 1].</param>
    /// <param name="minClusterSize">Smallest cluster: a count ≥ 2 or a fraction ≤ 1 of the rows (null = the fitted min_samples).</param>
    /// <param name="predecessorCorrection">Apply the predecessor correction.</param>
    /// <exception cref="InvalidHyperparameterException">xi outside [0, 1] or a bad size.</exception>
    public (int[] Labels, IReadOnlyList<OpticsCluster> Hierarchy) ExtractXi(double xi, double? minClusterSize = null, bool predecessorCorrection = true)
    {
        if (!(xi >= 0 && xi <= 1)) throw new InvalidHyperparameterException("xi", $"OPTICSModel: xi must be in [0, 1]; got {xi.ToString(CultureInfo.InvariantCulture)}.");
        int n = _labels.Length;
        int k = OpticsCore.Size(Options.MinSamples, n);
        int m = k;
        if (minClusterSize is double c)
        {
            if (!(c > 0) || c > n || (c > 1 && c != Math.Floor(c)))
                throw new InvalidHyperparameterException("min_cluster_size", string.Create(CultureInfo.InvariantCulture,
                    $"OPTICSModel: min_cluster_size = {c} must be a whole number 2 … {n} or a fraction in (0, 1]."));
            m = OpticsCore.Size(c, n);
        }
        var (labels, clusters) = OpticsCore.Xi(_ordering, _reach, _pred, k, m, xi, predecessorCorrection);
        return (labels, clusters);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteInts("ordering", _ordering);
        writer.WriteDoubles("core_distances", _core);
        writer.WriteDoubles("reachability", _reach);
        writer.WriteInts("predecessor", _pred);
        writer.WriteInts("labels", _labels);
        writer.WriteInts("hierarchy_start", _hierarchy.Select(h => h.Start).ToArray());
        writer.WriteInts("hierarchy_end", _hierarchy.Select(h => h.End).ToArray());
    }

    internal static OPTICSModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<OPTICS>();
        int p = reader.GetInt("feature_count");
        var labels = reader.ReadInts("labels");
        int n = labels.Length;
        var ordering = reader.ReadInts("ordering", n);
        var core = reader.ReadDoubles("core_distances", n);
        var reach = reader.ReadDoubles("reachability", n);
        var pred = reader.ReadInts("predecessor", n);
        var starts = reader.ReadInts("hierarchy_start");
        var ends = reader.ReadInts("hierarchy_end", starts.Length);
        var seen = new bool[n];
        foreach (int o in ordering)
        {
            if (o < 0 || o >= n || seen[o]) throw new ModelFormatException("The model file is damaged: the OPTICS ordering is not a permutation of the rows.");
            seen[o] = true;
        }
        foreach (int v in pred) if (v < -1 || v >= n) throw new ModelFormatException("The model file is damaged: an OPTICS predecessor is out of range.");
        var hierarchy = new OpticsCluster[starts.Length];
        for (int i = 0; i < starts.Length; i++)
        {
            if (starts[i] < 0 || ends[i] >= n || starts[i] > ends[i]) throw new ModelFormatException("The model file is damaged: an OPTICS cluster range is out of range.");
            hierarchy[i] = new OpticsCluster(starts[i], ends[i]);
        }
        return new OPTICSModel(options, p, ordering, core, reach, pred, labels, hierarchy);
    }
}
