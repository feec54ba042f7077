using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>
/// Random under-sampling: each selected class keeps a uniformly drawn subset of its rows (without replacement)
/// of the target size (imbalanced-learn's RandomUnderSampler). Kept rows stay in their original order. O(n).
/// </summary>
public sealed record RandomUnderSampler : ISampler
{
    /// <summary>Which classes shrink; default every class but the minority, to the minority's size.</summary>
    public SamplingStrategy SamplingStrategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>For two classes: the wanted minority / majority ratio after sampling, in (0, 1]; overrides the strategy. Default none.</summary>
    public double? Ratio { get; init; }

    /// <summary>Seed of the draws. Default 0.</summary>
    public int Seed { get; init; }

    /// <inheritdoc/>
    public SamplerResult Resample(Matrix x, ClassLabels y)
    {
        SamplerInput.Check(x, y, nameof(RandomUnderSampler));
        var counts = y.ClassCounts();
        var targets = SamplerInput.Targets(counts, SamplingStrategy, Ratio, over: false, nameof(RandomUnderSampler));
        var byClass = SamplerInput.RowsByClass(y);
        var rng = new RandomSource(Seed);
        var keep = new List<int>();
        for (int c = 0; c < counts.Length; c++)
        {
            var rows = byClass[c].ToArray();
            // Partial Fisher–Yates: the first targets[c] entries become a uniform sample without replacement.
            for (int i = 0; i < targets[c]; i++)
            {
                int j = i + rng.NextInt(rows.Length - i);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }
            keep.AddRange(rows.Take(targets[c]));
        }
        keep.Sort();
        return SamplerInput.Assemble(x, y, keep, []);
    }

    /// <inheritdoc/>
    public ISampler WithSeed(int seed) => this with { Seed = seed };
}
