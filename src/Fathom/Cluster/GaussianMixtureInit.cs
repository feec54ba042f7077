namespace Fathom.Cluster;

/// <summary>How a <see cref="GaussianMixture"/> run builds its first responsibilities (scikit-learn's <c>init_params</c>).
/// Parameters given through <see cref="GaussianMixture.WeightsInit"/>, <see cref="GaussianMixture.MeansInit"/> and
/// <see cref="GaussianMixture.PrecisionsInit"/> replace the ones derived from them.</summary>
public enum GaussianMixtureInit
{
    /// <summary>Responsibilities are the one-hot labels of a <see cref="KMeans"/> run (one k-means++ start).</summary>
    KMeans,

    /// <summary>Responsibilities are uniform random numbers, normalized per row.</summary>
    Random,
}
