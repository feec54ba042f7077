namespace Fathom.Neighbors;

/// <summary>How <see cref="NearestNeighbors"/> searches.</summary>
public enum NeighborAlgorithm
{
    /// <summary>A KD-tree for up to 15 dimensions (scikit-learn's rule) when there are at least 64 points and k is below
    /// half of them; brute force otherwise.</summary>
    Auto,

    /// <summary>Every query against every point: the GEMM distance kernel in blocks of query rows (bounded memory).
    /// O(m·n·d) per query batch.</summary>
    Brute,

    /// <summary>A KD-tree (median splits on the widest dimension, bounding boxes, leaves of up to 32 points).
    /// Build O(n log n); a query is about O(log n) in low dimensions and approaches brute force as d grows.</summary>
    KDTree,
}
