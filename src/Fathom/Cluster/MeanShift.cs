using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Mean shift with a flat kernel, as scikit-learn 1.2's MeanShift: from every seed (each row, or with
/// <see cref="BinSeeding"/> one point per occupied grid cell of side <c>bandwidth</c>), the point moves to the mean of the
/// rows within <c>bandwidth</c> until it moves less than 1e-3·bandwidth (or <see cref="MaxIter"/> steps); converged points
/// are ranked by how many rows they hold (ties by the point, descending), points within <c>bandwidth</c> of a stronger one
/// are dropped, and each row joins its nearest centre (or, without <see cref="ClusterAll"/>, stays noise when farther
/// than <c>bandwidth</c>). The number of clusters is found, not chosen.
/// </summary>
/// <remarks>Each step is one radius query per moving seed on the shared neighbour index; cost grows with seeds × steps ×
/// the rows within the bandwidth. Bin seeding cuts the seeds on large data.</remarks>
public sealed record MeanShift : IClusterer
{
    /// <summary>Kernel radius; null (default) estimates it as scikit-learn's estimate_bandwidth(quantile = 0.3).</summary>
    [Hyperparameter("kernel radius (Euclidean)", Min = 0, MinExclusive = true, NullMeans = "estimated from the data (quantile 0.3)")]
    public double? Bandwidth { get; init; }

    /// <summary>Seed from occupied grid cells of side <c>bandwidth</c> instead of every row (default false).</summary>
    [Hyperparameter("seed from grid cells of side bandwidth instead of every row")]
    public bool BinSeeding { get; init; }

    /// <summary>With bin seeding, the fewest rows a cell needs to give a seed (default 1).</summary>
    [Hyperparameter("fewest rows a grid cell needs to give a seed", Min = 1)]
    public int MinBinFreq { get; init; } = 1;

    /// <summary>Assign every row to its nearest centre (default true); false leaves rows farther than the bandwidth as noise (−1).</summary>
    [Hyperparameter("assign every row to its nearest centre (else far rows are noise)")]
    public bool ClusterAll { get; init; } = true;

    /// <summary>Most steps per seed (default 300).</summary>
    [Hyperparameter("most steps per seed", Min = 1)]
    public int MaxIter { get; init; } = 300;

    /// <summary>Deterministic; no sample weights (scikit-learn takes none).</summary>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>
    /// scikit-learn's estimate_bandwidth: the mean over rows of the distance to the ⌊quantile·n⌋-th nearest row
    /// (the row itself counted first). O(n log n) with the KD-tree.
    /// </summary>
    /// <exception cref="InvalidInputException">Too few rows for the quantile, or non-finite values.</exception>
    public static double EstimateBandwidth(Matrix x, double quantile = 0.3)
    {
        InputChecks.Features(x, nameof(MeanShift));
        if (!(quantile > 0 && quantile <= 1)) throw new InvalidHyperparameterException("quantile", $"The quantile must be in (0, 1]; {quantile} was given.");
        int k = (int)(x.Rows * quantile);
        if (k < 1) throw new InvalidInputException($"{nameof(MeanShift)}: {x.Rows} rows × quantile {quantile} gives no neighbour; give more rows or a larger quantile.");
        var nn = NearestNeighbors.Build(x).KNeighbors(x, k);
        double sum = 0;
        for (int i = 0; i < x.Rows; i++) sum += nn.Distances[i, k - 1];
        return sum / x.Rows;
    }

    /// <summary>Validates, then finds the modes and labels the rows.</summary>
    /// <exception cref="InvalidInputException">Empty or non-finite data, sample weights, or no seed with rows within the bandwidth.</exception>
    public MeanShiftModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        InputChecks.Features(x, nameof(MeanShift));
        if (sampleWeight is not null) throw new InvalidInputException($"{nameof(MeanShift)} takes no sample weights (as scikit-learn's); fit without them.");
        var ctx = context ?? FitContext.Default;
        double bandwidth = Bandwidth ?? EstimateBandwidth(x);
        var seeds = BinSeeding ? BinSeeds(x, bandwidth, MinBinFreq) : x.Clone();
        var index = NearestNeighbors.Build(x);
        int p = x.Columns, m = seeds.Rows;
        var mean = seeds;
        var counts = new int[m];
        var steps = new int[m];
        var active = Enumerable.Range(0, m).ToList();
        double stop = 1e-3 * bandwidth;
        while (active.Count > 0)
        {
            ctx.ThrowIfCancellationRequested();
            var query = mean.SelectRows(active.ToArray());
            var within = index.RadiusNeighbors(query, bandwidth, ctx.ThreadCount);
            var still = new List<int>(active.Count);
            for (int a = 0; a < active.Count; a++)
            {
                int s = active[a];
                // Sum in row order, so seeds that reach the same rows get bit-identical means (one mode, not several).
                var ids = within.IndicesOf(a).ToArray();
                Array.Sort(ids);
                counts[s] = ids.Length;
                if (ids.Length == 0) continue;
                var newMean = new double[p];
                foreach (int i in ids)
                {
                    var row = x.Row(i);
                    for (int j = 0; j < p; j++) newMean[j] += row[j];
                }
                for (int j = 0; j < p; j++) newMean[j] /= ids.Length;
                var old = mean.Row(s);
                double moved = 0;
                for (int j = 0; j < p; j++) moved += (newMean[j] - old[j]) * (newMean[j] - old[j]);
                newMean.CopyTo(old);
                if (Math.Sqrt(moved) < stop || steps[s] == MaxIter) continue;
                steps[s]++;
                still.Add(s);
            }
            active = still;
        }
        // One entry per distinct converged point (the last seed's count wins, as a dictionary keyed by the point).
        var intensity = new Dictionary<string, (double[] Point, int Count)>(StringComparer.Ordinal);
        for (int s = 0; s < m; s++)
        {
            if (counts[s] == 0) continue;
            var point = mean.Row(s).ToArray();
            intensity[string.Join(",", point.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))] = (point, counts[s]);
        }
        if (intensity.Count == 0)
            throw new InvalidInputException($"{nameof(MeanShift)}: no seed has a row within bandwidth {bandwidth.ToString(CultureInfo.InvariantCulture)}; use a larger bandwidth.");
        var sorted = intensity.Values.ToList();
        sorted.Sort((a, b) =>
        {
            int c = b.Count.CompareTo(a.Count);
            if (c != 0) return c;
            for (int j = 0; j < p; j++)
            {
                c = b.Point[j].CompareTo(a.Point[j]);
                if (c != 0) return c;
            }
            return 0;
        });
        var candidates = Matrix.FromRows(sorted.Select(t => t.Point).ToArray());
        var unique = Enumerable.Repeat(true, candidates.Rows).ToArray();
        var centreIndex = NearestNeighbors.Build(candidates);
        var near = centreIndex.RadiusNeighbors(candidates, bandwidth);
        for (int i = 0; i < candidates.Rows; i++)
        {
            if (!unique[i]) continue;
            foreach (int j in near.IndicesOf(i)) unique[j] = false;
            unique[i] = true;
        }
        var centres = candidates.SelectRows(Enumerable.Range(0, candidates.Rows).Where(i => unique[i]).ToArray());
        var model = new MeanShiftModel(this, centres, bandwidth, new int[x.Rows], steps.Max());
        return model.WithLabels(model.Assign(x, ClusterAll));
    }

    IClusteringModel IClusterer.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    // One seed per grid cell of side bandwidth holding at least minFreq rows (cells in order of first row), at the cell's centre.
    private static Matrix BinSeeds(Matrix x, double bandwidth, int minFreq)
    {
        var cells = new Dictionary<string, (double[] Cell, int Count)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < x.Rows; i++)
        {
            var cell = x.Row(i).ToArray().Select(v => Math.Round(v / bandwidth, MidpointRounding.ToEven)).ToArray();
            string key = string.Join(",", cell.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            if (cells.TryGetValue(key, out var e)) cells[key] = (e.Cell, e.Count + 1);
            else { cells[key] = (cell, 1); order.Add(key); }
        }
        var kept = order.Where(k => cells[k].Count >= minFreq).ToArray();
        if (kept.Length == x.Rows) return x.Clone();
        return Matrix.FromRows(kept.Select(k => cells[k].Cell.Select(v => v * bandwidth).ToArray()).ToArray());
    }
}
