namespace Fathom.Cluster;

/// <summary>How <see cref="HDBSCAN"/> picks flat clusters from the condensed tree (scikit-learn's <c>cluster_selection_method</c>).</summary>
public enum HdbscanSelection
{
    /// <summary>Excess of mass: keep a cluster when its stability is at least the summed stability of the clusters
    /// selected below it, bottom up (the paper's choice; larger, fewer clusters).</summary>
    Eom,

    /// <summary>The leaves of the cluster tree: the smallest, most homogeneous clusters.</summary>
    Leaf,
}
