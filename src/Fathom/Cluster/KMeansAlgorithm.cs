namespace Fathom.Cluster;

/// <summary>The iteration <see cref="KMeans"/> runs.</summary>
public enum KMeansAlgorithm
{
    /// <summary>Lloyd's algorithm: every iteration computes all row-to-centre distances in GEMM blocks.</summary>
    Lloyd,

    /// <summary>Elkan's algorithm: Lloyd's iterates with triangle-inequality bounds that skip most distance
    /// computations once clusters settle; O(n·k) extra memory. Best with few features and well-separated clusters.</summary>
    Elkan,
}
