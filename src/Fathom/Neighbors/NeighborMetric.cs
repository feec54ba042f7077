namespace Fathom.Neighbors;

/// <summary>Distance between points for the nearest-neighbour searches.</summary>
public enum NeighborMetric
{
    /// <summary>‖a − b‖₂ (scikit-learn's default minkowski with p = 2). Brute force uses the shared GEMM distance kernel.</summary>
    Euclidean,

    /// <summary>Σ |aⱼ − bⱼ| (minkowski with p = 1, "cityblock").</summary>
    Manhattan,
}
