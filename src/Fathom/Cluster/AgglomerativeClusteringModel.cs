using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// A fitted <see cref="AgglomerativeClustering"/>: the label of each training row and the full merge tree
/// (cut it again at another level with <see cref="Dendrogram.Cut"/> without refitting). Agglomerative
/// clustering has no rule for new rows (as in scikit-learn). Immutable and thread-safe.
/// </summary>
public sealed class AgglomerativeClusteringModel : IClusteringModel
{
    private readonly int[] _labels;

    internal AgglomerativeClusteringModel(AgglomerativeClustering options, int featureCount, Dendrogram tree, int[] labels)
    {
        Options = options;
        FeatureCount = featureCount;
        Tree = tree;
        _labels = labels;
        ClusterCount = labels.Length == 0 ? 0 : labels.Max() + 1;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public AgglomerativeClustering Options { get; }

    /// <summary>The full merge tree (scikit-learn's <c>children_</c>, <c>distances_</c>; SciPy's linkage matrix).</summary>
    public Dendrogram Tree { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>Number of clusters (scikit-learn's <c>n_clusters_</c>).</summary>
    public int ClusterCount { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "agglomerative";

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteInts("labels", _labels);
        writer.WriteInts("children_left", Tree.Left.ToArray());
        writer.WriteInts("children_right", Tree.Right.ToArray());
        writer.WriteDoubles("distances", Tree.Distances.ToArray());
        writer.WriteInts("counts", Tree.Counts.ToArray());
    }

    internal static AgglomerativeClusteringModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<AgglomerativeClustering>();
        var labels = reader.ReadInts("labels");
        Dendrogram tree;
        try
        {
            tree = new Dendrogram(reader.ReadInts("children_left"), reader.ReadInts("children_right"), reader.ReadDoubles("distances"), reader.ReadInts("counts"));
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"The model file is damaged: the merge tree is not valid ({e.Message})");
        }
        if (tree.LeafCount != labels.Length)
            throw new ModelFormatException("The model file is damaged: the merge tree and the labels disagree in size.");
        return new AgglomerativeClusteringModel(options, reader.GetInt("feature_count"), tree, labels);
    }
}
