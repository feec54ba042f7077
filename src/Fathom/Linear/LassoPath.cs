using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The lasso regularization path (scikit-learn's <c>lasso_path</c>): <see cref="ElasticNetPath"/> with L1 ratio 1,
/// so α_max = max|Xᵀ(y − ȳ)| / n is the smallest penalty with all coefficients zero.
/// </summary>
public static class LassoPath
{
    /// <summary>Computes the path with the settings of <paramref name="settings"/> (its <see cref="Lasso.Alpha"/> is ignored).</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, finite.</param>
    /// <param name="settings">Intercept, tolerance, iterations, positivity, precompute; defaults when null.</param>
    /// <param name="alphaCount">Grid size for the automatic grid. Default 100.</param>
    /// <param name="eps">Ratio α_min/α_max of the automatic grid. Default 1e-3.</param>
    /// <param name="alphas">An explicit grid (used in descending order), instead of the automatic one.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation.</param>
    public static RegularizationPath Compute(Matrix x, double[] y, Lasso? settings = null, int alphaCount = 100, double eps = 1e-3,
        IReadOnlyList<double>? alphas = null, double[]? sampleWeight = null, FitContext? context = null)
    {
        settings ??= new Lasso();
        Hyperparameters.Validate(settings);
        return ElasticNetPath.Run(x, y, 1.0, settings.FitIntercept, settings.Precompute, settings.MaxIter, settings.Tol, settings.Positive,
            alphaCount, eps, alphas, sampleWeight, context, nameof(LassoPath));
    }
}
