namespace Fathom.Manifold;

/// <summary>What <see cref="MDS"/> receives.</summary>
public enum MdsDissimilarity
{
    /// <summary>Data rows; dissimilarities are their Euclidean distances.</summary>
    Euclidean,

    /// <summary>A square, symmetric matrix of dissimilarities with zero diagonal.</summary>
    Precomputed,
}
