namespace Fathom.Core;

/// <summary>
/// An estimator: an immutable set of hyperparameters (declared with <see cref="HyperparameterAttribute"/>)
/// whose <c>Fit</c> returns a new model and changes neither itself nor its inputs.
/// </summary>
public interface IEstimator
{
    /// <summary>What this estimator can do.</summary>
    EstimatorTags Tags => EstimatorTags.Default;
}
