namespace Fathom.Imbalance;

/// <summary>
/// What every sampler is told: which classes to resample (<see cref="SamplingStrategy"/> or, for two classes, a
/// <see cref="Ratio"/>) and the seed of its draws. The concrete samplers add their own settings and the resampling.
/// </summary>
public abstract record SamplerSettings : ISampler
{
    private protected SamplerSettings() { }

    /// <summary>Which classes change; default <see cref="Imbalance.SamplingStrategy.Auto"/>: every class but the majority
    /// for over-samplers (grown to the majority's size), every class but the minority for under-samplers (shrunk to its size).</summary>
    public SamplingStrategy SamplingStrategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>For two classes: the wanted minority / majority ratio after sampling, in (0, 1]; overrides the strategy. Default none.</summary>
    public double? Ratio { get; init; }

    /// <summary>Seed of the draws. Default 0.</summary>
    public int Seed { get; init; }

    /// <inheritdoc/>
    public abstract SamplerResult Resample(Numerics.Matrix x, Core.ClassLabels y);

    /// <inheritdoc/>
    public ISampler WithSeed(int seed) => this with { Seed = seed };
}
