using Fathom.Numerics;

namespace Fathom.Core;

/// <summary>An estimator that learns to predict a class.</summary>
public interface IClassifier : IEstimator
{
    /// <summary>Validates hyperparameters and data, then fits a new model.</summary>
    /// <param name="x">Features, one row per sample.</param>
    /// <param name="y">Class labels, one per row.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row; null means all 1.</param>
    /// <param name="context">Cancellation, progress and threads; null for the default.</param>
    IClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null);
}
