using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// A fitted <see cref="HDBSCAN"/>: the label of each training row (−1 = noise), how strongly each row belongs to its
/// cluster, GLOSH outlier scores, the core distances, and both trees — the single-linkage tree of mutual-reachability
/// distances and the condensed cluster tree with stabilities — so the hierarchy can be inspected or cut again
/// (<see cref="DbscanClustering"/>) without refitting. HDBSCAN has no rule for new rows (as in scikit-learn).
/// Immutable and thread-safe.
/// </summary>
public sealed class HDBSCANModel : IClusteringModel
{
    private readonly int[] _labels;
    private readonly double[] _probabilities, _outlier, _core;

    internal HDBSCANModel(HDBSCAN options, int featureCount, int[] labels, double[] probabilities, double[] outlierScores, double[] coreDistances,
        Dendrogram singleLinkage, CondensedTree condensed)
    {
        Options = options;
        FeatureCount = featureCount;
        _labels = labels;
        _probabilities = probabilities;
        _outlier = outlierScores;
        _core = coreDistances;
        SingleLinkageTree = singleLinkage;
        CondensedTree = condensed;
        ClusterCount = labels.Length == 0 ? 0 : labels.Max() + 1;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public HDBSCAN Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>Strength of each row's membership (scikit-learn's <c>probabilities_</c>): λ_p / λ_max, where λ_p is the
    /// density at which the row leaves its cluster and λ_max the largest λ of the cluster's direct entries (clipped to 1);
    /// 0 for noise.</summary>
    public IReadOnlyList<double> Probabilities => new ReadOnlyCollection<double>(_probabilities);

    /// <summary>GLOSH outlier score of each row (Campello et al. 2015; the hdbscan package's <c>outlier_scores_</c>):
    /// (λ_max − λ_p) / λ_max with λ_max the largest density reached anywhere below the cluster the row falls out of;
    /// 0 = as dense as its cluster's core, near 1 = an outlier.</summary>
    public IReadOnlyList<double> OutlierScores => new ReadOnlyCollection<double>(_outlier);

    /// <summary>Core distance of each row: the distance to its min_samples-th nearest row, itself counted.</summary>
    public IReadOnlyList<double> CoreDistances => new ReadOnlyCollection<double>(_core);

    /// <summary>The single-linkage tree of the mutual-reachability distances (the minimum spanning tree's merges in
    /// increasing distance; SciPy's linkage-matrix convention, the hdbscan package's <c>single_linkage_tree_</c>).</summary>
    public Dendrogram SingleLinkageTree { get; }

    /// <summary>The condensed cluster tree, its stabilities and the selected clusters.</summary>
    public CondensedTree CondensedTree { get; }

    /// <summary>Number of clusters found (labels 0 … ClusterCount − 1).</summary>
    public int ClusterCount { get; }

    /// <summary>Number of noise rows (label −1).</summary>
    public int NoiseCount => _labels.Count(l => l < 0);

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "hdbscan";

    /// <summary>
    /// DBSCAN* labels at one density level (scikit-learn's <c>HDBSCAN.dbscan_clustering</c>): the single-linkage tree is
    /// cut at mutual-reachability distance <paramref name="cutDistance"/> (merges at distances strictly below it are
    /// kept); components with fewer than <paramref name="minClusterSize"/> rows are noise. Clusters are numbered in
    /// order of their lowest row. O(n).
    /// </summary>
    /// <exception cref="InvalidHyperparameterException">A negative or NaN cut distance, or a minimum size below 1.</exception>
    public int[] DbscanClustering(double cutDistance, int minClusterSize = 5)
    {
        if (!(cutDistance >= 0))
            throw new InvalidHyperparameterException("cut_distance", $"HDBSCANModel: the cut distance must be ≥ 0; got {cutDistance.ToString(CultureInfo.InvariantCulture)}.");
        if (minClusterSize < 1)
            throw new InvalidHyperparameterException("min_cluster_size", $"HDBSCANModel: min_cluster_size must be at least 1; got {minClusterSize}.");
        int n = _labels.Length;
        var parent = new int[2 * n];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int v)
        {
            while (parent[v] != v) { parent[v] = parent[parent[v]]; v = parent[v]; }
            return v;
        }
        var tree = SingleLinkageTree;
        // Merges come in non-decreasing distance, and each node is merged once: link the children of every kept merge to it.
        for (int m = 0; m < n - 1 && tree.Distances[m] < cutDistance; m++)
            parent[tree.Left[m]] = parent[tree.Right[m]] = n + m;
        var size = new Dictionary<int, int>();
        var root = new int[n];
        for (int i = 0; i < n; i++)
        {
            root[i] = Find(i);
            size[root[i]] = size.GetValueOrDefault(root[i]) + 1;
        }
        var label = new Dictionary<int, int>();
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (size[root[i]] < minClusterSize) { result[i] = -1; continue; }
            if (!label.TryGetValue(root[i], out int l)) label[root[i]] = l = label.Count;
            result[i] = l;
        }
        return result;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteInts("labels", _labels);
        writer.WriteDoubles("probabilities", _probabilities);
        writer.WriteDoubles("outlier_scores", _outlier);
        writer.WriteDoubles("core_distances", _core);
        writer.WriteInts("slt_left", SingleLinkageTree.Left.ToArray());
        writer.WriteInts("slt_right", SingleLinkageTree.Right.ToArray());
        writer.WriteDoubles("slt_distances", SingleLinkageTree.Distances.ToArray());
        writer.WriteInts("slt_counts", SingleLinkageTree.Counts.ToArray());
        var c = CondensedTree;
        writer.WriteInts("ct_parent", c.ParentArray);
        writer.WriteInts("ct_child", c.ChildArray);
        writer.WriteDoubles("ct_lambda", c.LambdaArray);
        writer.WriteInts("ct_size", c.SizeArray);
        writer.WriteDoubles("ct_stability", c.StabilityArray);
        writer.WriteInts("ct_selected", c.SelectedArray);
    }

    internal static HDBSCANModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<HDBSCAN>();
        int p = reader.GetInt("feature_count");
        var labels = reader.ReadInts("labels");
        int n = labels.Length;
        var prob = reader.ReadDoubles("probabilities", n);
        var outlier = reader.ReadDoubles("outlier_scores", n);
        var core = reader.ReadDoubles("core_distances", n);
        Dendrogram tree;
        try
        {
            tree = new Dendrogram(reader.ReadInts("slt_left"), reader.ReadInts("slt_right"), reader.ReadDoubles("slt_distances"), reader.ReadInts("slt_counts"));
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"The model file is damaged: the single-linkage tree is not valid ({e.Message})");
        }
        if (tree.LeafCount != n && n > 0)
            throw new ModelFormatException("The model file is damaged: the single-linkage tree and the labels disagree in size.");
        var parent = reader.ReadInts("ct_parent");
        var child = reader.ReadInts("ct_child", parent.Length);
        var lambda = reader.ReadDoubles("ct_lambda", parent.Length);
        var size = reader.ReadInts("ct_size", parent.Length);
        var stability = reader.ReadDoubles("ct_stability");
        var selected = reader.ReadInts("ct_selected");
        int top = n + stability.Length;
        foreach (int v in parent) if (v < n || v >= top) throw new ModelFormatException("The model file is damaged: a condensed-tree parent is not a cluster.");
        foreach (int v in child) if (v < 0 || v >= top) throw new ModelFormatException("The model file is damaged: a condensed-tree child is out of range.");
        foreach (int v in selected) if (v < n || v >= top) throw new ModelFormatException("The model file is damaged: a selected cluster is out of range.");
        var condensed = new CondensedTree(n, parent, child, lambda, size, stability, selected);
        return new HDBSCANModel(options, p, labels, prob, outlier, core, tree, condensed);
    }
}
