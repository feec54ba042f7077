namespace Fathom.Cluster;

/// <summary>The distance between two clusters that <see cref="AgglomerativeClustering"/> merges by (scikit-learn's <c>linkage</c>).</summary>
public enum AgglomerativeLinkage
{
    /// <summary>Ward: merge the pair whose union least increases the within-cluster sum of squares; merge
    /// distance √(2·Δinertia) (SciPy's <c>ward</c>).</summary>
    Ward,

    /// <summary>Complete (maximum) linkage: the largest distance between members of the two clusters.</summary>
    Complete,

    /// <summary>Average linkage (UPGMA): the mean distance between members of the two clusters.</summary>
    Average,

    /// <summary>Single (minimum) linkage: the smallest distance between members; the minimum spanning tree.</summary>
    Single,
}
