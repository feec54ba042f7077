using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>
/// Resamples a labelled training set to change its class balance (imbalanced-learn's samplers). Samplers act at
/// fit time only: wrap one with a classifier in <see cref="ResampledClassifier"/>, so prediction and every
/// validation fold see the data as it is.
/// </summary>
public interface ISampler
{
    /// <summary>The resampled rows and labels; the inputs are not changed.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels, one per row.</param>
    SamplerResult Resample(Matrix x, ClassLabels y);

    /// <summary>The same sampler with another seed (for deterministic cross-validation and contract checks).</summary>
    ISampler WithSeed(int seed);
}
