using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// The k nearest neighbours of each query row: distances (ascending) and indices into the indexed points. Rows are
/// sorted by distance; equal distances are ordered by the lower index, and a tie at the k-th place keeps the
/// lower indices (see <see cref="NearestNeighbors"/> for how this compares with scikit-learn).
/// </summary>
public sealed class NeighborResult
{
    private readonly int[] _indices;

    internal NeighborResult(Matrix distances, int[] indices, int k)
    {
        Distances = distances;
        _indices = indices;
        K = k;
    }

    /// <summary>Neighbours per query row.</summary>
    public int K { get; }

    /// <summary>Number of query rows.</summary>
    public int QueryCount => Distances.Rows;

    /// <summary>Distances, query rows × k, ascending in each row.</summary>
    public Matrix Distances { get; }

    /// <summary>Indices of the neighbours of query row <paramref name="row"/>, nearest first.</summary>
    public ReadOnlySpan<int> IndicesOf(int row) => _indices.AsSpan(row * K, K);

    /// <summary>All indices, row-major (query rows × k), as a copy.</summary>
    public int[] Indices => (int[])_indices.Clone();

    /// <summary>Index of the <paramref name="j"/>-th nearest neighbour of query row <paramref name="row"/>.</summary>
    public int this[int row, int j] => _indices[row * K + j];
}
