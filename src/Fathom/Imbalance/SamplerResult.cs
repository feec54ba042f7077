using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>The output of a sampler.</summary>
/// <param name="X">Resampled features: kept original rows first (in their order), then new rows class by class.</param>
/// <param name="Y">Labels of <paramref name="X"/>, with the original class list.</param>
/// <param name="SourceRows">For each output row, the input row it copies, or −1 for a synthetic row.</param>
public sealed record SamplerResult(Matrix X, ClassLabels Y, IReadOnlyList<int> SourceRows);
