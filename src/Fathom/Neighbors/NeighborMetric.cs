namespace Fathom.Neighbors;

/// <summary>Distance between points for the nearest-neighbour searches (scikit-learn's metric names in snake_case).</summary>
public enum NeighborMetric
{
    /// <summary>‖a − b‖₂ (scikit-learn's default minkowski with p = 2). Brute force uses the shared GEMM distance kernel; KD-tree capable.</summary>
    Euclidean,

    /// <summary>Σ |aⱼ − bⱼ| (minkowski with p = 1, "cityblock").</summary>
    Manhattan,

    /// <summary>maxⱼ |aⱼ − bⱼ| (minkowski with p = ∞).</summary>
    Chebyshev,

    /// <summary>(Σ |aⱼ − bⱼ|ᵖ)^(1/p) with the estimator's or index's p ≥ 1.</summary>
    Minkowski,

    /// <summary>1 − a·b/(‖a‖‖b‖), in [0, 2]; a zero vector has similarity 0 with everything (distance 1), as scikit-learn's
    /// <c>cosine_distances</c>.</summary>
    Cosine,

    /// <summary>Euclidean distance over the coordinates present in both rows, scaled up for the missing ones (scikit-learn's
    /// <c>nan_euclidean_distances</c>): √(d/m · Σ over present j of (aⱼ − bⱼ)²) with d features and m present in both.
    /// NaN marks a missing value; rows sharing no present coordinate are never neighbours.</summary>
    NanEuclidean,
}
