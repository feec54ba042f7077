namespace Fathom.Manifold;

/// <summary>Starting layout of <see cref="UMAP"/>.</summary>
public enum UmapInit
{
    /// <summary>Laplacian eigenmap of the fuzzy graph (falls back to random on graphs too small for it).</summary>
    Spectral,

    /// <summary>Uniform draws in [−10, 10].</summary>
    Random,
}
