using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>
/// SMOTE (Chawla et al. 2002), as imbalanced-learn's SMOTE: each new row of a class lies on the segment from a
/// random row of that class to one of its <see cref="KNeighbors"/> nearest rows of the same class, at a uniform
/// random position. Classes grow to the target size of <see cref="SamplingStrategy"/>. Features should be scaled
/// first (distances decide the neighbours). O(n_c log n_c) per class for the neighbour index, O(added · p) to generate.
/// </summary>
public sealed record Smote : SamplerSettings
{
    /// <summary>Neighbours of the same class a new row may be drawn towards. Default 5.</summary>
    public int KNeighbors { get; init; } = 5;

    /// <inheritdoc/>
    public override SamplerResult Resample(Matrix x, ClassLabels y)
    {
        const string name = nameof(Smote);
        SamplerInput.Check(x, y, name);
        if (KNeighbors < 1) throw new InvalidHyperparameterException("k_neighbors", $"{name}: k_neighbors must be at least 1; {KNeighbors} was given.");
        var counts = y.ClassCounts();
        var targets = SamplerInput.Targets(counts, SamplingStrategy, Ratio, over: true, name);
        var byClass = SamplerInput.RowsByClass(y);
        var rng = new RandomSource(Seed);
        var added = new List<(int, int, double[]?)>();
        for (int c = 0; c < counts.Length; c++)
        {
            int need = targets[c] - counts[c];
            if (need <= 0) continue;
            var rows = byClass[c];
            var points = x.SelectRows(rows.ToArray());
            var nn = SyntheticSampling.NeighboursWithin(points, KNeighbors, name, "k_neighbors");
            for (int a = 0; a < need; a++)
            {
                int i = rng.NextInt(rows.Count);
                int j = nn[i, rng.NextInt(KNeighbors)];
                added.Add((c, -1, SyntheticSampling.Interpolate(points.Row(i), points.Row(j), rng)));
            }
        }
        return SamplerInput.Assemble(x, y, Enumerable.Range(0, x.Rows).ToArray(), added);
    }
}
