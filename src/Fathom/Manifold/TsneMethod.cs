namespace Fathom.Manifold;

/// <summary>How <see cref="TSNE"/> computes the gradient.</summary>
public enum TsneMethod
{
    /// <summary>Barnes–Hut (van der Maaten 2014): affinities on the k = min(n − 1, ⌊3·perplexity + 1⌋) nearest
    /// neighbours, repulsive forces summarized by a quad-tree with the opening angle <see cref="TSNE.Angle"/>.
    /// O(n·log n) per iteration; two output dimensions only.</summary>
    BarnesHut,

    /// <summary>Exact gradient over all pairs. O(n²) per iteration; any number of output dimensions.</summary>
    Exact,
}
