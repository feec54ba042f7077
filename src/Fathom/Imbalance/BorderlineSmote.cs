using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>
/// Borderline-SMOTE (Han et al. 2005), as imbalanced-learn's BorderlineSMOTE: only rows "in danger" — whose
/// <see cref="MNeighbors"/> nearest rows are at least half but not all of other classes — seed new rows.
/// Kind 1 interpolates towards same-class neighbours; kind 2 also towards any-class neighbours (gap below ½),
/// splitting the new rows between the two by a Beta(10, 10) draw f as imbalanced-learn does (int(f·(n + 1)) and
/// int((1 − f)·n) rows, so the class may end one row off its target). A class with no row in danger is left as is.
/// </summary>
public sealed record BorderlineSmote : SamplerSettings
{
    /// <summary>Same-class neighbours to interpolate towards. Default 5.</summary>
    public int KNeighbors { get; init; } = 5;

    /// <summary>Neighbours (all classes) that decide whether a row is in danger. Default 10.</summary>
    public int MNeighbors { get; init; } = 10;

    /// <summary>1 (same-class neighbours) or 2 (also other classes' rows). Default 1.</summary>
    public int Kind { get; init; } = 1;

    /// <inheritdoc/>
    public override SamplerResult Resample(Matrix x, ClassLabels y)
    {
        const string name = nameof(BorderlineSmote);
        SamplerInput.Check(x, y, name);
        if (Kind is not (1 or 2)) throw new InvalidHyperparameterException("kind", $"{name}: kind must be 1 or 2; {Kind} was given.");
        if (KNeighbors < 1) throw new InvalidHyperparameterException("k_neighbors", $"{name}: k_neighbors must be at least 1; {KNeighbors} was given.");
        if (MNeighbors < 1) throw new InvalidHyperparameterException("m_neighbors", $"{name}: m_neighbors must be at least 1; {MNeighbors} was given.");
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
            var other = SyntheticSampling.OtherClassNeighbourCounts(x, y, rows, MNeighbors, name, "m_neighbors");
            var danger = Enumerable.Range(0, rows.Count).Where(r => 2 * other[r] >= MNeighbors && other[r] < MNeighbors).ToArray();
            if (danger.Length == 0) continue;
            var points = x.SelectRows(rows.ToArray());
            var nn = SyntheticSampling.NeighboursWithin(points, KNeighbors, name, "k_neighbors");
            int sameClass = need, total = need;
            if (Kind == 2)
            {
                // imbalanced-learn's split: int(f · (need + 1)) towards the class, int((1 − f) · need) towards any row.
                double g1 = Gamma10(rng), g2 = Gamma10(rng), f = g1 / (g1 + g2);
                sameClass = (int)(f * (need + 1));
                total = sameClass + (int)((1 - f) * need);
            }
            for (int a = 0; a < sameClass; a++)
            {
                int i = danger[rng.NextInt(danger.Length)];
                added.Add((c, -1, SyntheticSampling.Interpolate(points.Row(i), points.Row(nn[i, rng.NextInt(KNeighbors)]), rng)));
            }
            if (Kind == 1) continue;
            if (KNeighbors >= x.Rows)
                throw new InvalidHyperparameterException("k_neighbors", $"{name}: k_neighbors = {KNeighbors} but there are only {x.Rows} rows.");
            var any = Neighbors.NearestNeighbors.Build(x).KNeighborsOfPoints(KNeighbors);
            for (int a = sameClass; a < total; a++)
            {
                int i = danger[rng.NextInt(danger.Length)];
                int j = any[rows[i], rng.NextInt(KNeighbors)];
                added.Add((c, -1, SyntheticSampling.Interpolate(points.Row(i), x.Row(j), rng, maxGap: 0.5)));
            }
        }
        return SamplerInput.Assemble(x, y, Enumerable.Range(0, x.Rows).ToArray(), added);
    }

    // Gamma(10, 1) as a sum of ten unit exponentials.
    private static double Gamma10(RandomSource rng)
    {
        double s = 0;
        for (int i = 0; i < 10; i++) s -= Math.Log(1 - rng.NextDouble());
        return s;
    }
}
