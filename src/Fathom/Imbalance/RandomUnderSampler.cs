using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>
/// Random under-sampling: each selected class keeps a uniformly drawn subset of its rows (without replacement)
/// of the target size (imbalanced-learn's RandomUnderSampler). Kept rows stay in their original order. O(n).
/// </summary>
public sealed record RandomUnderSampler : SamplerSettings
{
    /// <inheritdoc/>
    public override SamplerResult Resample(Matrix x, ClassLabels y)
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
}
