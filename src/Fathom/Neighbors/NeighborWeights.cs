namespace Fathom.Neighbors;

/// <summary>How the k nearest neighbours' votes or targets are weighted (scikit-learn's <c>weights</c>).</summary>
public enum NeighborWeights
{
    /// <summary>Every neighbour counts the same.</summary>
    Uniform,

    /// <summary>Weight 1/d; when some neighbours are at distance 0, only those count (equally).</summary>
    Distance,
}
