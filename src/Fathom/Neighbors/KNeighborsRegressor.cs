using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// k-nearest-neighbours regression, as scikit-learn's KNeighborsRegressor: the prediction is the (weighted) mean of
/// the targets of the <see cref="NNeighbors"/> nearest training rows. Neighbour ties are broken by the lower training
/// index (see <see cref="NearestNeighbors"/>).
/// </summary>
/// <remarks>Sample weights are not used (as in scikit-learn); given weights are ignored with a warning on the fit context's log.</remarks>
public sealed record KNeighborsRegressor : SupervisedNeighborsEstimator, IRegressor
{
    /// <summary>Number of neighbours k. Default 5; at most the number of training rows.</summary>
    [Hyperparameter("number of neighbours averaged", Min = 1)]
    public int NNeighbors { get; init; } = 5;

    /// <summary>Validates and indexes the training data.</summary>
    /// <param name="x">Training features (n × p), finite.</param>
    /// <param name="y">Targets, one finite value per row.</param>
    /// <param name="sampleWeight">Ignored (with a warning); nearest neighbours do not use weights.</param>
    /// <param name="context">Log for the warning.</param>
    /// <exception cref="InvalidHyperparameterException">n_neighbors larger than the number of rows, or kd_tree with manhattan.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch.</exception>
    public KNeighborsRegressorModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        CheckRegression(x, y, NNeighbors, sampleWeight, context);
        return new KNeighborsRegressorModel(this, Index(x, NNeighbors), (double[])y.Clone());
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
