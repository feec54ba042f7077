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
public sealed record RadiusNeighborsClassifier : SupervisedNeighborsEstimator, IClassifier
{
    /// <summary>Radius (default 1.0); neighbours are the training rows at distance ≤ radius.</summary>
    [Hyperparameter("radius of the neighbourhood (inclusive)", Min = 0)]
    public double Radius { get; init; } = 1.0;

    /// <summary>Label for rows with no neighbour: null (default: such rows are an error), "most_frequent", or a label.</summary>
    [Hyperparameter("label for rows without neighbours: most_frequent or a label", NullMeans = "rows without neighbours are an error")]
    public string? OutlierLabel { get; init; }

    /// <summary>Validates and indexes the training data.</summary>
    /// <param name="x">Training features (n × p); finite (NaN allowed with nan_euclidean).</param>
    /// <param name="y">Class labels, one per row; at least two classes.</param>
    /// <param name="sampleWeight">Ignored (with a warning).</param>
    /// <param name="context">Log for the warning.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range, or kd_tree with another metric.</exception>
    /// <exception cref="InvalidInputException">Empty data, bad values, length mismatch, one class.</exception>
    public RadiusNeighborsClassifierModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        var (present, codes) = CheckClassification(x, y, 1, sampleWeight, context);
        var classes = new List<string>(present);
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
        return new RadiusNeighborsClassifierModel(this, [.. classes], y.Kind, Index(x, 1), codes, outlier);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
