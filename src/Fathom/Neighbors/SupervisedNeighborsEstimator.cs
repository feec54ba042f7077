using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// The hyperparameters, tags and fit checks <see cref="KNeighborsClassifier"/>, <see cref="KNeighborsRegressor"/>,
/// <see cref="RadiusNeighborsClassifier"/> and <see cref="RadiusNeighborsRegressor"/> share (scikit-learn's defaults):
/// how neighbours are weighted, the distance and the search. The concrete types add how neighbours are chosen (k or a
/// radius) and what they predict.
/// </summary>
public abstract record SupervisedNeighborsEstimator
{
    private protected SupervisedNeighborsEstimator() { }

    /// <summary>Weighting of the neighbours' votes (classifiers) or targets (regressors): uniform (default) or distance (1/d).</summary>
    [Hyperparameter("weighting of the neighbours (votes or targets): uniform or distance (1/d)")]
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

    /// <summary>No sample weights; missing values only with the nan_euclidean metric.</summary>
    public EstimatorTags Tags => new() { SupportsSampleWeight = false, AllowsMissingValues = Metric == NeighborMetric.NanEuclidean };

    /// <summary>Validates the hyperparameters and the data (<paramref name="k"/> neighbours needed); returns the classes
    /// that occur, in label order, and each row's index into them.</summary>
    /// <exception cref="InvalidInputException">The labels hold a single class (or bad data).</exception>
    internal (string[] Classes, int[] Codes) CheckClassification(Matrix x, ClassLabels y, int k, double[]? sampleWeight,
        FitContext? context)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        string name = GetType().Name;
        NeighborFit.Check(x, y.Count, k, sampleWeight, context, name, Metric);
        return ClassCodes.Present(y, name);
    }

    /// <summary>Validates the hyperparameters and the data (<paramref name="k"/> neighbours needed), targets finite.</summary>
    /// <exception cref="InvalidInputException">A target is NaN or infinite (or bad data).</exception>
    internal void CheckRegression(Matrix x, double[] y, int k, double[]? sampleWeight, FitContext? context)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        string name = GetType().Name;
        NeighborFit.Check(x, y.Length, k, sampleWeight, context, name, Metric);
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException(
                    $"{name}: the target of row {i} is {y[i].ToString(CultureInfo.InvariantCulture)}; drop rows with a missing target first.", i);
    }

    /// <summary>A search index over a copy of <paramref name="x"/> with this metric and algorithm, for <paramref name="k"/> neighbours.</summary>
    internal NearestNeighbors Index(Matrix x, int k) => IndexOwning(x.Clone(), k);

    /// <summary>As <see cref="Index"/>, over <paramref name="owned"/> itself (a matrix nobody else holds, e.g. one just read
    /// from a model file).</summary>
    internal NearestNeighbors IndexOwning(Matrix owned, int k) => NearestNeighbors.Create(owned, Metric, Algorithm, k, P);
}
