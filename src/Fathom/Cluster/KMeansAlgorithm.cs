namespace Fathom.Cluster;

/// <summary>The iteration <see cref="KMeans"/> runs.</summary>
public enum KMeansAlgorithm
{
    /// <summary>Lloyd's algorithm: every iteration computes all row-to-centre distances in GEMM blocks.</summary>
    Lloyd,
}
