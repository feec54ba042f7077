namespace Fathom.Metrics;

/// <summary>How normalized mutual information averages the two entropies (scikit-learn's average_method).</summary>
public enum PartitionAverage
{
    /// <summary>(H(U) + H(V)) / 2 (default).</summary>
    Arithmetic,

    /// <summary>√(H(U) · H(V)).</summary>
    Geometric,

    /// <summary>min(H(U), H(V)).</summary>
    Min,

    /// <summary>max(H(U), H(V)).</summary>
    Max,
}
