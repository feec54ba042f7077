using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The lasso with alpha chosen by K-fold cross-validation over its regularization path, as scikit-learn's LassoCV
/// (grid of <see cref="SparseLinearCVEstimator.NAlphas"/> values from α_max down to eps·α_max, contiguous folds, smallest mean held-out
/// squared error, refit on all rows). See <see cref="Lasso"/> for the objective.
/// </summary>
/// <remarks>Cost: K + 1 regularization paths (each warm-started coordinate descent) plus one refit.</remarks>
public sealed record LassoCV : SparseLinearCVEstimator, IRegressor
{
    /// <summary>Validates, chooses alpha by cross-validation, then refits on all rows.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (weights the fits and the held-out errors).</param>
    /// <param name="context">Cancellation and progress (stage "cv").</param>
    /// <exception cref="InvalidHyperparameterException">Out-of-range settings, negative alphas, cv above the row count.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights.</exception>
    public LassoCVModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        var r = CrossValidate(x, y, sampleWeight, 1.0, context);
        return new LassoCVModel(this with { Alphas = Alphas?.ToArray() }, r);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
