using System.Globalization;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Chooses a number of clusters by fitting k = <c>minK</c> … <c>maxK</c> and reporting two curves: the
/// within-cluster sum of squares (inertia; its elbow) and the mean silhouette (its maximum). Works with any
/// clusterer that has a number-of-clusters hyperparameter (<see cref="KMeans"/>, <see cref="GaussianMixture"/>,
/// <see cref="AgglomerativeClustering"/>). Cost: one fit per k plus a silhouette on at most
/// <c>silhouetteRows</c> rows (O(m²·d) each).
/// </summary>
public static class ClusterCountSelection
{
    /// <summary>
    /// Fits <paramref name="estimator"/> with its <c>clusters</c> (or <c>components</c>) hyperparameter set to each
    /// k in [<paramref name="minK"/>, <paramref name="maxK"/>] (capped at rows − 1) and measures both curves.
    /// </summary>
    /// <param name="estimator">The clusterer to tune; its other hyperparameters are kept.</param>
    /// <param name="x">Rows to cluster.</param>
    /// <param name="minK">Smallest k (default 2).</param>
    /// <param name="maxK">Largest k (default 10).</param>
    /// <param name="seed">Seed of the silhouette sample.</param>
    /// <param name="silhouetteRows">Rows the silhouette is computed on at most (a seeded sample beyond that; default 10,000).</param>
    /// <param name="context">Cancellation and thread limit, passed to every fit.</param>
    /// <exception cref="InvalidHyperparameterException">The estimator has no number-of-clusters parameter, or the k range is empty.</exception>
    public static ClusterCountResult Evaluate(IClusterer estimator, Matrix x, int minK = 2, int maxK = 10, int seed = 0,
        int silhouetteRows = 10_000, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        var key = Hyperparameters.Describe(estimator.GetType()).Select(h => h.Key).FirstOrDefault(k => k is "clusters" or "components")
            ?? throw new InvalidHyperparameterException("k",
                $"{estimator.GetType().Name} has no number-of-clusters parameter; the number of clusters cannot be chosen for it.");
        int hi = Math.Min(maxK, x.Rows - 1);
        if (minK < 1 || hi < minK)
            throw new InvalidHyperparameterException("k",
                $"ClusterCountSelection: no k to try in [{minK}, {maxK}] with {x.Rows} rows; give at least {minK + 1} rows and minK ≤ maxK.");
        var candidates = new List<ClusterCountCandidate>();
        for (int k = minK; k <= hi; k++)
        {
            context?.ThrowIfCancellationRequested();
            var est = Hyperparameters.With(estimator, [new(key, k.ToString(CultureInfo.InvariantCulture))]);
            var model = est.Fit(x, null, context);
            candidates.Add(new ClusterCountCandidate(k, Inertia(x, model.Labels), Silhouette(x, model.Labels, seed, silhouetteRows), model));
        }
        int best = candidates.Where(c => !double.IsNaN(c.Silhouette)).OrderByDescending(c => c.Silhouette).ThenBy(c => c.K)
            .Select(c => c.K).DefaultIfEmpty(candidates[0].K).First();
        return new ClusterCountResult(candidates, best, Elbow(candidates.Select(c => ((double)c.K, c.Inertia)).ToArray()));
    }

    /// <summary>Σᵢ ‖xᵢ − c(ℓᵢ)‖² with c the mean of each cluster; rows labelled −1 (noise) are left out. O(n·d).</summary>
    public static double Inertia(Matrix x, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        var groups = Enumerable.Range(0, labels.Count).Where(i => labels[i] >= 0).GroupBy(i => labels[i]);
        double total = 0;
        foreach (var g in groups)
        {
            var rows = g.ToArray();
            var mean = Reductions.ColumnMeans(x.SelectRows(rows));
            foreach (int i in rows) total += Distances.SquaredEuclidean(x.Row(i), mean);
        }
        return total;
    }

    /// <summary>
    /// The elbow of a decreasing curve: the point farthest below the chord from the first to the last point
    /// after scaling both axes to [0, 1]; the first point when none lies below the chord.
    /// </summary>
    public static int Elbow(IReadOnlyList<(double K, double Value)> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0) throw new ArgumentException("The curve has no points.", nameof(curve));
        if (curve.Count < 3) return (int)curve[0].K;
        double k0 = curve[0].K, k1 = curve[^1].K;
        double vmin = curve.Min(p => p.Value), vmax = curve.Max(p => p.Value);
        if (!(vmax > vmin)) return (int)k0;
        int best = 0;
        double bestGap = 0;
        for (int i = 0; i < curve.Count; i++)
        {
            double t = (curve[i].K - k0) / (k1 - k0);
            double y = (curve[i].Value - vmin) / (vmax - vmin);
            double chord = (curve[0].Value - vmin) / (vmax - vmin) * (1 - t) + (curve[^1].Value - vmin) / (vmax - vmin) * t;
            double gap = chord - y;
            if (gap > bestGap)
            {
                bestGap = gap;
                best = i;
            }
        }
        return (int)curve[best].K;
    }

    /// <summary>Mean silhouette over the non-noise rows (a seeded sample of at most <paramref name="maxRows"/>); NaN with fewer than two clusters.</summary>
    internal static double Silhouette(Matrix x, IReadOnlyList<int> labels, int seed, int maxRows)
    {
        var keep = Enumerable.Range(0, labels.Count).Where(i => labels[i] >= 0).ToArray();
        if (keep.Length > maxRows) keep = new RandomSource(seed).Permutation(keep.Length)[..maxRows].Select(j => keep[j]).ToArray();
        var ls = keep.Select(i => labels[i]).ToArray();
        int clusters = ls.Distinct().Count();
        if (clusters < 2 || clusters > ls.Length - 1) return double.NaN;
        return ClusteringMetrics.Silhouette(x.SelectRows(keep), ls);
    }
}
