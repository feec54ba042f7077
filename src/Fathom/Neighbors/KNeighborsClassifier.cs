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
public sealed record KNeighborsClassifier : SupervisedNeighborsEstimator, IClassifier
{
    /// <summary>Number of neighbours k. Default 5; at most the number of training rows.</summary>
    [Hyperparameter("number of neighbours that vote", Min = 1)]
    public int NNeighbors { get; init; } = 5;

    /// <summary>Validates and indexes the training data.</summary>
    /// <param name="x">Training features (n × p), finite.</param>
    /// <param name="y">Class labels, one per row; at least two classes.</param>
    /// <param name="sampleWeight">Ignored (with a warning); nearest neighbours do not use weights.</param>
    /// <param name="context">Log for the warning.</param>
    /// <exception cref="InvalidHyperparameterException">n_neighbors larger than the number of rows, or kd_tree with manhattan.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, one class.</exception>
    public KNeighborsClassifierModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        var (classes, codes) = CheckClassification(x, y, NNeighbors, sampleWeight, context);
        return new KNeighborsClassifierModel(this, classes, y.Kind, Index(x, NNeighbors), codes);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
