using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>
/// Random over-sampling: each selected class gains copies of its own rows, drawn uniformly with replacement,
/// until it reaches the target size (imbalanced-learn's RandomOverSampler). O(n + added · p).
/// </summary>
public sealed record RandomOverSampler : SamplerSettings
{
    /// <inheritdoc/>
    public override SamplerResult Resample(Matrix x, ClassLabels y)
    {
        SamplerInput.Check(x, y, nameof(RandomOverSampler));
        var counts = y.ClassCounts();
        var targets = SamplerInput.Targets(counts, SamplingStrategy, Ratio, over: true, nameof(RandomOverSampler));
        var byClass = SamplerInput.RowsByClass(y);
        var rng = new RandomSource(Seed);
        var added = new List<(int, int, double[]?)>();
        for (int c = 0; c < counts.Length; c++)
            for (int a = counts[c]; a < targets[c]; a++) added.Add((c, byClass[c][rng.NextInt(counts[c])], null));
        return SamplerInput.Assemble(x, y, Enumerable.Range(0, x.Rows).ToArray(), added);
    }
}
