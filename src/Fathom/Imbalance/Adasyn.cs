using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>
/// ADASYN (He et al. 2008), as imbalanced-learn's ADASYN: rows of a class that are harder to learn — more of their
/// <see cref="KNeighbors"/> nearest rows belong to other classes — seed more new rows. Row i's share is
/// rᵢ / Σr with rᵢ its share of other-class neighbours; it seeds round(share · needed) rows (round half to even, so
/// the class may end a few rows off the target, as in imbalanced-learn), each on a segment towards a random one of
/// its same-class neighbours.
/// </summary>
public sealed record Adasyn : SamplerSettings
{
    /// <summary>Neighbours used both to weigh the rows and to interpolate. Default 5.</summary>
    public int KNeighbors { get; init; } = 5;

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">No row of a class to grow has a neighbour of another class (nothing to adapt to).</exception>
    public override SamplerResult Resample(Matrix x, ClassLabels y)
    {
        const string name = nameof(Adasyn);
        SamplerInput.Check(x, y, name);
        if (KNeighbors < 1) throw new InvalidHyperparameterException("n_neighbors", $"{name}: n_neighbors must be at least 1; {KNeighbors} was given.");
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
            var other = SyntheticSampling.OtherClassNeighbourCounts(x, y, rows, KNeighbors, name, "n_neighbors");
            double total = other.Sum();
            if (total == 0)
                throw new InvalidInputException($"{name}: no row of class '{y.Classes[c]}' has a neighbour of another class among its {KNeighbors} nearest; ADASYN has nothing to adapt to. Use SMOTE instead.");
            var points = x.SelectRows(rows.ToArray());
            var nn = SyntheticSampling.NeighboursWithin(points, KNeighbors, name, "n_neighbors");
            for (int i = 0; i < rows.Count; i++)
            {
                int seeds = (int)Math.Round(other[i] / total * need, MidpointRounding.ToEven);
                for (int a = 0; a < seeds; a++)
                    added.Add((c, -1, SyntheticSampling.Interpolate(points.Row(i), points.Row(nn[i, rng.NextInt(KNeighbors)]), rng)));
            }
        }
        return SamplerInput.Assemble(x, y, Enumerable.Range(0, x.Rows).ToArray(), added);
    }
}
