using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// k-nearest-neighbours classification, as scikit-learn's KNeighborsClassifier: a row gets the class with the
/// largest (weighted) vote among its <see cref="NNeighbors"/> nearest training rows; ties go to the class that sorts
/// first (scikit-learn's <c>mode</c>/<c>weighted_mode</c>). Neighbour ties are broken by the lower training index
/// (see <see cref="NearestNeighbors"/>). Fit only stores and indexes the data.
/// </summary>
/// <remarks>Sample weights are not used (as in scikit-learn); given weights are ignored with a warning on the fit context's log.
/// Prediction costs O(m·n·d) by brute force, about O(m·log n) with the KD-tree in low dimensions.</remarks>
public sealed record KNeighborsClassifier : IClassifier
{
    /// <summary>Number of neighbours k. Default 5; at most the number of training rows.</summary>
    [Hyperparameter("number of neighbours that vote", Min = 1)]
    public int NNeighbors { get; init; } = 5;

    /// <summary>Vote weighting: uniform (default) or distance (1/d).</summary>
    [Hyperparameter("vote weighting: uniform or distance (1/d)")]
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
    /// <param name="y">Class labels, one per row; at least two classes.</param>
    /// <param name="sampleWeight">Ignored (with a warning); nearest neighbours do not use weights.</param>
    /// <param name="context">Log for the warning.</param>
    /// <exception cref="InvalidHyperparameterException">n_neighbors larger than the number of rows, or kd_tree with manhattan.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, one class.</exception>
    public KNeighborsClassifierModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        NeighborFit.Check(x, y.Count, NNeighbors, sampleWeight, context, nameof(KNeighborsClassifier), Metric);
        var counts = y.ClassCounts();
        var remap = new int[counts.Length];
        var classes = new List<string>();
        for (int c = 0; c < counts.Length; c++)
        {
            remap[c] = counts[c] > 0 ? classes.Count : -1;
            if (counts[c] > 0) classes.Add(y.Classes[c]);
        }
        if (classes.Count < 2)
            throw new InvalidInputException(
                $"{nameof(KNeighborsClassifier)}: the labels hold only one class ('{classes[0]}'); a classifier needs rows of at least two classes.");
        var codes = new int[y.Count];
        for (int i = 0; i < codes.Length; i++) codes[i] = remap[y.Codes[i]];
        var index = NearestNeighbors.Create(x.Clone(), Metric, Algorithm, NNeighbors, P);
        return new KNeighborsClassifierModel(this, classes.ToArray(), y.Kind, index, codes);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
