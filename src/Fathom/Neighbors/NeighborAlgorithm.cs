namespace Fathom.Neighbors;

/// <summary>How <see cref="NearestNeighbors"/> searches.</summary>
public enum NeighborAlgorithm
{
    /// <summary>With at least 64 points, at most 15 dimensions and k below half the points: a KD-tree for euclidean, a
    /// ball tree for manhattan, chebyshev and minkowski (scikit-learn's thresholds); brute force otherwise, and always for
    /// cosine and nan_euclidean (not metrics with the triangle inequality).</summary>
    Auto,

    /// <summary>Every query against every point: the GEMM distance kernel in blocks of query rows (bounded memory).
    /// O(m·n·d) per query batch.</summary>
    Brute,

    /// <summary>A KD-tree (median splits on the widest dimension, bounding boxes, leaves of up to 32 points).
    /// Build O(n log n); a query is about O(log n) in low dimensions and approaches brute force as d grows.</summary>
    KDTree,

    /// <summary>A ball tree (centroid and radius per node, median splits, leaves of up to 32 points) for euclidean,
    /// manhattan, chebyshev or minkowski. Build O(n log² n); queries about O(log n) in low dimensions.</summary>
    BallTree,
}
