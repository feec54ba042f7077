using Fathom.Core;

namespace Fathom.Compose;

/// <summary>One named step of a <see cref="Pipeline"/>.</summary>
/// <param name="Name">Step name, unique within the pipeline.</param>
/// <param name="Estimator">An <see cref="ITransformer"/>; the last step may also be an <see cref="IClassifier"/>
/// or <see cref="IRegressor"/>.</param>
public sealed record PipelineStep(string Name, IEstimator Estimator);
