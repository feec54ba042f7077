namespace Fathom.Manifold;

/// <summary>How <see cref="UMAP"/> finds the k nearest neighbours of the training rows.</summary>
public enum UmapNeighborSearch
{
    /// <summary>Exact up to 4,096 rows, nearest-neighbour descent above.</summary>
    Auto,

    /// <summary>Exact neighbours (<see cref="Neighbors.NearestNeighbors"/>: GEMM brute force or KD-tree).</summary>
    Exact,

    /// <summary>Approximate neighbours by nearest-neighbour descent (Dong et al. 2011), O(n·k²) per iteration.</summary>
    Descent,
}
