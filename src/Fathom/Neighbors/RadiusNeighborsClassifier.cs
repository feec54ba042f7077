using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// Classification by the training rows within a radius, as scikit-learn's <c>RadiusNeighborsClassifier</c>: a row gets the
/// class with the largest (weighted) vote among the training rows at distance ≤ <see cref="Radius"/>; ties go to the
/// class that sorts first. A row with no training row within the radius gets <see cref="OutlierLabel"/>, or is an error
/// when none is set.
/// </summary>
/// <remarks>
/// <para><see cref="OutlierLabel"/> "most_frequent" uses the most frequent training class; any other text is the label
/// itself. A label that is not a training class is added as an extra class (last in <c>Classes</c>) that only rows
/// without neighbours receive, with probability 1 (scikit-learn gives such rows all-zero probabilities instead).</para>
/// <para>The radius search runs on <see cref="NearestNeighbors"/>: KD-tree or blocks of GEMM distances for euclidean,
/// brute force for the other metrics. Sample weights are not used (as in scikit-learn).</para>
/// </remarks>
public sealed record RadiusNeighborsClassifier : IClassifier
{
    /// <summary>Radius (default 1.0); neighbours are the training rows at distance ≤ radius.</summary>
    [Hyperparameter("radius of the neighbourhood (inclusive)", Min = 0)]
    public double Radius { get; init; } = 1.0;

    /// <summary>Vote weighting: uniform (default) or distance (1/d).</summary>
    [Hyperparameter("vote weighting: uniform or distance (1/d)")]
    public NeighborWeights Weights { get; init; } = NeighborWeights.Uniform;

    /// <summary>Label for rows with no neighbour: null (default: such rows are an error), "most_frequent", or a label.</summary>
    [Hyperparameter("label for rows without neighbours: most_frequent or a label", NullMeans = "rows without neighbours are an error")]
    public string? OutlierLabel { get; init; }

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
    /// <param name="y">Class labels, one per row; at least two classes.</param>
    /// <param name="sampleWeight">Ignored (with a warning).</param>
    /// <param name="context">Log for the warning.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range, or kd_tree with another metric.</exception>
    /// <exception cref="InvalidInputException">Empty data, bad values, length mismatch, one class.</exception>
    public RadiusNeighborsClassifierModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        NeighborFit.Check(x, y.Count, 1, sampleWeight, context, nameof(RadiusNeighborsClassifier), Metric);
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
                $"{nameof(RadiusNeighborsClassifier)}: the labels hold only one class ('{classes[0]}'); a classifier needs rows of at least two classes.");
        var codes = new int[y.Count];
        for (int i = 0; i < codes.Length; i++) codes[i] = remap[y.Codes[i]];
        int outlier = -1;
        if (OutlierLabel is string label)
        {
            if (label.Equals("most_frequent", StringComparison.OrdinalIgnoreCase))
            {
                var freq = new int[classes.Count];
                foreach (int c in codes) freq[c]++;
                outlier = Array.IndexOf(freq, freq.Max());
            }
            else
            {
                outlier = classes.IndexOf(label);
                if (outlier < 0)
                {
                    classes.Add(label);
                    outlier = classes.Count - 1;
                }
            }
        }
        var index = NearestNeighbors.Create(x.Clone(), Metric, Algorithm, 1, P);
        return new RadiusNeighborsClassifierModel(this, [.. classes], y.Kind, index, codes, outlier);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
