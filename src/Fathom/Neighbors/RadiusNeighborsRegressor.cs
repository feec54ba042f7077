using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// Regression by the training rows within a radius, as scikit-learn's <c>RadiusNeighborsRegressor</c>: the (weighted) mean
/// target of the training rows at distance ≤ <see cref="Radius"/>. A row with no training row within the radius is
/// predicted NaN, as scikit-learn does (which warns).
/// </summary>
/// <remarks>Search as <see cref="RadiusNeighborsClassifier"/>. Sample weights are not used (as in scikit-learn).</remarks>
public sealed record RadiusNeighborsRegressor : IRegressor
{
    /// <summary>Radius (default 1.0); neighbours are the training rows at distance ≤ radius.</summary>
    [Hyperparameter("radius of the neighbourhood (inclusive)", Min = 0)]
    public double Radius { get; init; } = 1.0;

    /// <summary>Weighting: uniform (default) or distance (1/d).</summary>
    [Hyperparameter("weighting of the neighbours: uniform or distance (1/d)")]
    public NeighborWeights Weights { get; init; } = NeighborWeights.Uniform;

    /// <summary>Distance: euclidean (default), manhattan, chebyshev, minkowski (with <see cref="P"/>), cosine or nan_euclidean.</summary>
    [Hyperparameter("distance between rows: euclidean, manhattan, chebyshev, minkowski, cosine or nan_euclidean")]
    public NeighborMetric Metric { get; init; } = NeighborMetric.Euclidean;

    /// <summary>Power p of the minkowski metric (default 2).</summary>
    [Hyperparameter("power p of the minkowski metric", Min = 1)]
    public double P { get; init; } = 2;

    /// <summary>Search: auto (default), brute or kd_tree.</summary>
    [Hyperparameter("neighbour search: auto, brute or kd_tree")]
    public NeighborAlgorithm Algorithm { get; init; } = NeighborAlgorithm.Auto;

    /// <inheritdoc/>
    public EstimatorTags Tags => new() { SupportsSampleWeight = false, AllowsMissingValues = Metric == NeighborMetric.NanEuclidean };

    /// <summary>Validates and indexes the training data.</summary>
    /// <param name="x">Training features (n × p); finite (NaN allowed with nan_euclidean).</param>
    /// <param name="y">Targets, one finite value per row.</param>
    /// <param name="sampleWeight">Ignored (with a warning).</param>
    /// <param name="context">Log for the warning.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range, or kd_tree with another metric.</exception>
    /// <exception cref="InvalidInputException">Empty data, bad values, length mismatch.</exception>
    public RadiusNeighborsRegressorModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        NeighborFit.Check(x, y.Length, 1, sampleWeight, context, nameof(RadiusNeighborsRegressor), Metric);
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException(
                    $"{nameof(RadiusNeighborsRegressor)}: the target of row {i} is {y[i].ToString(CultureInfo.InvariantCulture)}; drop rows with a missing target first.", i);
        var index = NearestNeighbors.Create(x.Clone(), Metric, Algorithm, 1, P);
        return new RadiusNeighborsRegressorModel(this, index, (double[])y.Clone());
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);
}
