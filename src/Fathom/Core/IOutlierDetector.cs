using Fathom.Numerics;

namespace Fathom.Core;

/// <summary>An estimator that learns what normal rows look like and flags the unusual ones (scikit-learn's outlier detectors).</summary>
public interface IOutlierDetector : IEstimator
{
    /// <summary>Validates hyperparameters and data, then fits a new model.</summary>
    IOutlierModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null);
}
