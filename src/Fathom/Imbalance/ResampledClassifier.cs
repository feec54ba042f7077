using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>
/// A classifier trained on resampled data: <see cref="Fit"/> resamples the training rows with <see cref="Sampler"/>
/// and fits <see cref="Classifier"/> on the result; the fitted model is the inner classifier's, so prediction sees
/// rows unchanged (imbalanced-learn's pipeline semantics: samplers act at fit time only). Inside cross-validation or a
/// <see cref="Compose.Pipeline"/> the resampling happens on each training fold alone, so no synthetic row leaks into
/// a validation fold.
/// </summary>
/// <remarks>Sample weights are not supported (the sampler changes the rows they would belong to).</remarks>
public sealed record ResampledClassifier : IClassifier
{
    /// <summary>The sampler; default <see cref="RandomOverSampler"/>.</summary>
    public ISampler Sampler { get; init; } = new RandomOverSampler();

    /// <summary>The classifier fitted on the resampled rows; default <see cref="LogisticRegression"/>.</summary>
    public IClassifier Classifier { get; init; } = new LogisticRegression();

    /// <summary>Seed passed to the sampler. Default 0.</summary>
    [Hyperparameter("seed of the sampler's random draws")]
    public int Seed { get; init; }

    /// <summary>Stochastic (the sampler draws rows); no sample weights; otherwise the inner classifier's tags.</summary>
    public EstimatorTags Tags => Classifier.Tags with { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Resamples, then fits the inner classifier on the resampled rows.</summary>
    /// <exception cref="InvalidInputException">Sample weights were given, or the sampler or classifier rejects the data.</exception>
    public IClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(Sampler);
        ArgumentNullException.ThrowIfNull(Classifier);
        if (sampleWeight is not null)
            throw new InvalidInputException($"{nameof(ResampledClassifier)}: sample weights cannot be combined with resampling; use one or the other (class_weight=balanced where the classifier has it).");
        var resampled = Sampler.WithSeed(Seed).Resample(x, y);
        return Classifier.Fit(resampled.X, resampled.Y, null, context);
    }
}
