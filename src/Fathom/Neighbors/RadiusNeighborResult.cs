namespace Fathom.Neighbors;

/// <summary>
/// The indexed points within a radius of each query row, from <see cref="NearestNeighbors.RadiusNeighbors"/>: per row,
/// indices and distances sorted by (distance, index). Rows may have any number of neighbours, including none.
/// </summary>
public sealed class RadiusNeighborResult
{
    private readonly int[] _offsets;
    private readonly int[] _indices;
    private readonly double[] _distances;

    internal RadiusNeighborResult(int[] offsets, int[] indices, double[] distances)
    {
        _offsets = offsets;
        _indices = indices;
        _distances = distances;
    }

    /// <summary>Number of query rows.</summary>
    public int QueryCount => _offsets.Length - 1;

    /// <summary>Number of neighbours of query row <paramref name="row"/>.</summary>
    public int CountOf(int row) => _offsets[row + 1] - _offsets[row];

    /// <summary>Indices of the neighbours of query row <paramref name="row"/>, nearest first.</summary>
    public ReadOnlySpan<int> IndicesOf(int row) => _indices.AsSpan(_offsets[row], CountOf(row));

    /// <summary>Distances of the neighbours of query row <paramref name="row"/>, ascending.</summary>
    public ReadOnlySpan<double> DistancesOf(int row) => _distances.AsSpan(_offsets[row], CountOf(row));
}
