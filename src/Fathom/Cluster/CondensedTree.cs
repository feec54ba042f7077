using System.Collections.ObjectModel;

namespace Fathom.Cluster;

/// <summary>
/// The condensed cluster tree of an <see cref="HDBSCAN"/> fit (scikit-learn's and the hdbscan package's
/// <c>condensed_tree_</c>): one entry per edge, in the order the tree was built (breadth first from the root).
/// Nodes below n are the training rows; clusters are numbered n, n + 1, … with the root n, each cluster's number
/// larger than its parent's. An entry with a row as <see cref="Child"/> says the row falls out of
/// <see cref="Parent"/> at density λ = <see cref="LambdaValue"/> (1 / mutual-reachability distance; +∞ at distance
/// 0) with <see cref="ChildSize"/> 1; an entry with a cluster as child says the parent splits at λ and the child is
/// born holding <see cref="ChildSize"/> rows. Immutable.
/// </summary>
public sealed class CondensedTree
{
    private readonly int[] _parent, _child, _size, _selected;
    private readonly double[] _lambda, _stability;

    internal CondensedTree(int rows, int[] parent, int[] child, double[] lambda, int[] childSize, double[] stability, int[] selected)
    {
        RowCount = rows;
        _parent = parent;
        _child = child;
        _lambda = lambda;
        _size = childSize;
        _stability = stability;
        _selected = selected;
    }

    /// <summary>Number of training rows n (the root cluster is numbered n).</summary>
    public int RowCount { get; }

    /// <summary>Number of clusters in the tree, the root included (clusters are numbered n … n + ClusterCount − 1).</summary>
    public int ClusterCount => _stability.Length;

    /// <summary>Parent cluster of each entry.</summary>
    public IReadOnlyList<int> Parent => new ReadOnlyCollection<int>(_parent);

    /// <summary>Child of each entry: a row (&lt; n) or a cluster (≥ n).</summary>
    public IReadOnlyList<int> Child => new ReadOnlyCollection<int>(_child);

    /// <summary>λ = 1 / distance at which the child leaves the parent (row) or is born (cluster).</summary>
    public IReadOnlyList<double> LambdaValue => new ReadOnlyCollection<double>(_lambda);

    /// <summary>Rows in the child: 1 for a row, the cluster's size at birth for a cluster.</summary>
    public IReadOnlyList<int> ChildSize => new ReadOnlyCollection<int>(_size);

    /// <summary>
    /// Stability of each cluster, indexed by cluster number − n: Σ over the rows p of the cluster of (λ_p − λ_birth),
    /// where λ_p is the density at which p leaves it (falls out, or the cluster splits) — before the excess-of-mass
    /// propagation of the selection.
    /// </summary>
    public IReadOnlyList<double> Stability => new ReadOnlyCollection<double>(_stability);

    /// <summary>The selected clusters (cluster numbers, ascending); flat label k is the k-th of them.</summary>
    public IReadOnlyList<int> SelectedClusters => new ReadOnlyCollection<int>(_selected);

    internal int[] ParentArray => _parent;
    internal int[] ChildArray => _child;
    internal double[] LambdaArray => _lambda;
    internal int[] SizeArray => _size;
    internal double[] StabilityArray => _stability;
    internal int[] SelectedArray => _selected;
}
