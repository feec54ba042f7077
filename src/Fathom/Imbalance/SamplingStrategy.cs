namespace Fathom.Imbalance;

/// <summary>Which classes a sampler resamples, and to what size (imbalanced-learn's sampling_strategy).</summary>
public enum SamplingStrategy
{
    /// <summary>Over-samplers: every class but the majority; under-samplers: every class but the minority.</summary>
    Auto,

    /// <summary>Only the minority class.</summary>
    Minority,

    /// <summary>Every class but the majority.</summary>
    NotMajority,

    /// <summary>Every class but the minority.</summary>
    NotMinority,

    /// <summary>Every class.</summary>
    All,
}
