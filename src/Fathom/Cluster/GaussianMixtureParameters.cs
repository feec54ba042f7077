using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// The parameters of a Gaussian mixture in the compact layouts of <see cref="GaussianMixtureCovariance"/>:
/// mixing weights (k), means (k × d), covariances (null until the first M-step when the precisions were given)
/// and the Cholesky factors C of the precisions (Σ⁻¹ = C·Cᵀ; scikit-learn's <c>precisions_cholesky_</c>), with
/// log det C per component cached for the densities.
/// </summary>
internal sealed class GaussianMixtureParameters
{
    internal GaussianMixtureParameters(double[] weights, Matrix means, Matrix? covariances, Matrix precisionsCholesky,
        GaussianMixtureCovariance type)
    {
        Weights = weights;
        Means = means;
        Covariances = covariances;
        PrecisionsCholesky = precisionsCholesky;
        Type = type;
        LogDet = GaussianMixtureCore.LogDetCholesky(precisionsCholesky, type, means.Rows, means.Columns);
    }

    internal double[] Weights { get; }

    internal Matrix Means { get; }

    internal Matrix? Covariances { get; }

    internal Matrix PrecisionsCholesky { get; }

    internal GaussianMixtureCovariance Type { get; }

    /// <summary>log det C of each component (½ log det Σ⁻¹).</summary>
    internal double[] LogDet { get; }

    internal int K => Means.Rows;

    internal int D => Means.Columns;
}
