namespace Fathom.Decomposition;

/// <summary>How <see cref="NMF"/> starts W and H (scikit-learn's <c>init</c>).</summary>
public enum NmfInit
{
    /// <summary>Nonnegative double SVD with zeros filled by the mean of X (scikit-learn 1.2's default).</summary>
    Nndsvda,

    /// <summary>Nonnegative double SVD (Boutsidis &amp; Gallopoulos 2008); keeps exact zeros, good for sparse factors.</summary>
    Nndsvd,

    /// <summary>|N(0, 1)| · √(mean(X) / k), seeded.</summary>
    Random,
}
