using Fathom.Numerics;

namespace Fathom.Core;

/// <summary>An estimator that learns to predict a number.</summary>
public interface IRegressor : IEstimator
{
    /// <summary>Validates hyperparameters and data, then fits a new model.</summary>
    /// <param name="x">Features, one row per sample.</param>
    /// <param name="y">Targets, one per row (finite).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row; null means all 1.</param>
    /// <param name="context">Cancellation, progress and threads; null for the default.</param>
    IRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null);
}
