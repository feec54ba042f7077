using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Ensemble;

/// <summary>
/// A random forest of CART regression trees (scikit-learn 1.2's <c>RandomForestRegressor</c>): each tree is
/// grown fully (by default) on a bootstrap sample of the rows, drawing <see cref="Trees.TreeEstimator.MaxFeatures"/> candidate
/// features at every node; the forest's prediction is the mean of the trees' leaf means.
/// </summary>
/// <remarks>Splits are the best threshold among the drawn features, as a decision tree's. Hyperparameters, threading and
/// determinism: see <see cref="ForestRegressor"/>.</remarks>
public sealed record RandomForestRegressor : ForestRegressor, IRegressor
{
    /// <summary>scikit-learn's defaults: 100 trees, all features per node, bootstrap samples.</summary>
    public RandomForestRegressor() : base(bootstrap: true) { }

    /// <summary>Validates, then grows the forest.</summary>
    /// <param name="x">Features (n × p), finite or NaN (missing).</param>
    /// <param name="y">Finite targets (non-negative with a positive sum for poisson).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies the bootstrap counts).</param>
    /// <param name="context">Cancellation, progress (stage "trees") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range, or oob_score without bootstrap.</exception>
    /// <exception cref="InvalidInputException">Empty data, infinity, length mismatch, bad weights or targets.</exception>
    public RandomForestRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        var (trees, oob) = FitForest(x, y, sampleWeight, context, randomSplits: false);
        return new RandomForestRegressionModel(this, trees, x.Columns, oob);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
