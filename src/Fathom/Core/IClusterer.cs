using Fathom.Numerics;

namespace Fathom.Core;

/// <summary>An estimator that groups rows without labels.</summary>
public interface IClusterer : IEstimator
{
    /// <summary>Validates hyperparameters and data, then fits a new model.</summary>
    IClusteringModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null);
}
