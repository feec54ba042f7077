using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Ensemble;

/// <summary>
/// Extremely randomized trees for regression (scikit-learn 1.2's <c>ExtraTreesRegressor</c>): like a random
/// forest, but every candidate feature of a node gets one threshold drawn uniformly between its smallest and largest
/// value in the node, and by default each tree sees all rows (no bootstrap). The prediction is the mean of the
/// trees' leaf means.
/// </summary>
/// <remarks>Thresholds are drawn from float32 feature values, as scikit-learn. Hyperparameters, threading and
/// determinism: see <see cref="ForestRegressor"/>.</remarks>
public sealed record ExtraTreesRegressor : ForestRegressor, IRegressor
{
    /// <summary>scikit-learn's defaults: 100 trees, all features per node, no bootstrap (every tree sees all rows).</summary>
    public ExtraTreesRegressor() : base(bootstrap: false) { }

    /// <summary>Validates, then grows the forest.</summary>
    /// <param name="x">Features (n × p), finite or NaN (missing).</param>
    /// <param name="y">Finite targets (non-negative with a positive sum for poisson).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies the bootstrap counts).</param>
    /// <param name="context">Cancellation, progress (stage "trees") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range, or oob_score without bootstrap.</exception>
    /// <exception cref="InvalidInputException">Empty data, infinity, length mismatch, bad weights or targets.</exception>
    public ExtraTreesRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        var (trees, oob) = FitForest(x, y, sampleWeight, context, randomSplits: true);
        return new ExtraTreesRegressionModel(this, trees, x.Columns, oob);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
