namespace Fathom.Cluster;

/// <summary>
/// The shape of the covariance matrices of a <see cref="GaussianMixture"/> (scikit-learn's <c>covariance_type</c>),
/// and the layout of <see cref="GaussianMixtureModel.Covariances"/>, <see cref="GaussianMixtureModel.Precisions"/>
/// and <see cref="GaussianMixture.PrecisionsInit"/> for k components and d features.
/// </summary>
public enum GaussianMixtureCovariance
{
    /// <summary>Each component has its own general covariance: k·(d(d+1)/2) parameters; stored as (k·d) × d, component j in rows j·d … j·d + d − 1.</summary>
    Full,

    /// <summary>All components share one general covariance: d(d+1)/2 parameters; stored as d × d.</summary>
    Tied,

    /// <summary>Each component has its own diagonal covariance: k·d parameters; stored as k × d (the variances).</summary>
    Diag,

    /// <summary>Each component has one variance for all features: k parameters; stored as k × 1.</summary>
    Spherical,
}
