using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// k-nearest-neighbours regression, as scikit-learn's KNeighborsRegressor: the prediction is the (weighted) mean of
/// the targets of the <see cref="NNeighbors"/> nearest training rows. Neighbour ties are broken by the lower training
/// index (see <see cref="NearestNeighbors"/>).
/// </summary>
/// <remarks>Sample weights are not used (as in scikit-learn); given weights are ignored with a warning on the fit context's log.</remarks>
public sealed record KNeighborsRegressor : IRegressor
{
    /// <summary>Number of neighbours k. Default 5; at most the number of training rows.</summary>
    [Hyperparameter("number of neighbours averaged", Min = 1)]
    public int NNeighbors { get; init; } = 5;

    /// <summary>Averaging weights: uniform (default) or distance (1/d).</summary>
    [Hyperparameter("averaging weights: uniform or distance (1/d)")]
    public NeighborWeights Weights { get; init; } = NeighborWeights.Uniform;

    /// <summary>Distance: euclidean (default), manhattan, chebyshev, minkowski (with <see cref="P"/>), cosine or nan_euclidean (missing values allowed).</summary>
    [Hyperparameter("distance between rows: euclidean, manhattan, chebyshev, minkowski, cosine or nan_euclidean")]
    public NeighborMetric Metric { get; init; } = NeighborMetric.Euclidean;

    /// <summary>Power p of the minkowski metric (default 2, as scikit-learn; ≥ 1; unused by the other metrics).</summary>
    [Hyperparameter("power p of the minkowski metric", Min = 1)]
    public double P { get; init; } = 2;

    /// <summary>Search: auto (default), brute or kd_tree.</summary>
    [Hyperparameter("neighbour search: auto, brute or kd_tree")]
    public NeighborAlgorithm Algorithm { get; init; } = NeighborAlgorithm.Auto;

    /// <inheritdoc/>
    public EstimatorTags Tags => new() { SupportsSampleWeight = false, AllowsMissingValues = Metric == NeighborMetric.NanEuclidean };

    /// <summary>Validates and indexes the training data.</summary>
    /// <param name="x">Training features (n × p), finite.</param>
    /// <param name="y">Targets, one finite value per row.</param>
    /// <param name="sampleWeight">Ignored (with a warning); nearest neighbours do not use weights.</param>
    /// <param name="context">Log for the warning.</param>
    /// <exception cref="InvalidHyperparameterException">n_neighbors larger than the number of rows, or kd_tree with manhattan.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch.</exception>
    public KNeighborsRegressorModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        NeighborFit.Check(x, y.Length, NNeighbors, sampleWeight, context, nameof(KNeighborsRegressor), Metric);
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException(
                    $"{nameof(KNeighborsRegressor)}: the target of row {i} is {y[i].ToString(CultureInfo.InvariantCulture)}; drop rows with a missing target first.", i);
        var index = NearestNeighbors.Create(x.Clone(), Metric, Algorithm, NNeighbors, P);
        return new KNeighborsRegressorModel(this, index, (double[])y.Clone());
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
