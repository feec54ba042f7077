using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// Regression by the training rows within a radius, as scikit-learn's <c>RadiusNeighborsRegressor</c>: the (weighted) mean
/// target of the training rows at distance ≤ <see cref="Radius"/>. A row with no training row within the radius is
/// predicted NaN, as scikit-learn does (which warns).
/// </summary>
/// <remarks>Search as <see cref="RadiusNeighborsClassifier"/>. Sample weights are not used (as in scikit-learn).</remarks>
public sealed record RadiusNeighborsRegressor : SupervisedNeighborsEstimator, IRegressor
{
    /// <summary>Radius (default 1.0); neighbours are the training rows at distance ≤ radius.</summary>
    [Hyperparameter("radius of the neighbourhood (inclusive)", Min = 0)]
    public double Radius { get; init; } = 1.0;

    /// <summary>Validates and indexes the training data.</summary>
    /// <param name="x">Training features (n × p); finite (NaN allowed with nan_euclidean).</param>
    /// <param name="y">Targets, one finite value per row.</param>
    /// <param name="sampleWeight">Ignored (with a warning).</param>
    /// <param name="context">Log for the warning.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range, or kd_tree with another metric.</exception>
    /// <exception cref="InvalidInputException">Empty data, bad values, length mismatch.</exception>
    public RadiusNeighborsRegressorModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        CheckRegression(x, y, 1, sampleWeight, context);
        return new RadiusNeighborsRegressorModel(this, Index(x, 1), (double[])y.Clone());
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);
}
