namespace Fathom.Manifold;

/// <summary>Starting embedding of <see cref="TSNE"/>.</summary>
public enum TsneInit
{
    /// <summary>The first principal components (randomized PCA), scaled so the first column has standard
    /// deviation 1e-4, as scikit-learn 1.2.</summary>
    Pca,

    /// <summary>Independent normal draws with standard deviation 1e-4.</summary>
    Random,
}
