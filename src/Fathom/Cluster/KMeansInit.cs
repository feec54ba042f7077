namespace Fathom.Cluster;

/// <summary>How <see cref="KMeans"/> picks its starting centres.</summary>
public enum KMeansInit
{
    /// <summary>k-means++ (Arthur &amp; Vassilvitskii 2007) with 2 + ⌊ln k⌋ local trials per centre, as scikit-learn's "k-means++".</summary>
    KMeansPlusPlus,

    /// <summary>k distinct rows drawn at random (with probability proportional to the sample weight).</summary>
    Random,
}
