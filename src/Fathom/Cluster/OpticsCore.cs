using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// OPTICS without validation, step for step as scikit-learn 1.2.1's <c>compute_optics_graph</c>,
/// <c>cluster_optics_dbscan</c> and <c>cluster_optics_xi</c>, so orderings, reachabilities and labels are the same,
/// ties included: core distances from a k-NN query (k = min_samples, the row itself counted), distances rounded to
/// 15 decimals (as NumPy's <c>around</c>, which makes mathematically equal distances compare equal), the next row
/// is the unprocessed one with the smallest reachability (lowest index on ties), and only rows with a finite core
/// distance update their neighbours.
/// </summary>
internal static class OpticsCore
{
    /// <summary>x rounded to 15 decimals as NumPy's <c>around(x, 15)</c>: rint(x · 10¹⁵) / 10¹⁵.</summary>
    internal static double Round15(double x) => Math.Round(x * 1e15, MidpointRounding.ToEven) / 1e15;

    internal static (int[] Ordering, double[] Core, double[] Reach, int[] Pred) Graph(Matrix x, NearestNeighbors index, int minSamples, double maxEps,
        FitContext context)
    {
        int n = x.Rows;
        var core = HdbscanCore.CoreDistances(x, index, minSamples, context.ThreadCount);
        for (int i = 0; i < n; i++)
        {
            if (core[i] > maxEps) core[i] = double.PositiveInfinity;
            core[i] = Round15(core[i]);
        }
        var reach = new double[n];
        Array.Fill(reach, double.PositiveInfinity);
        var pred = new int[n];
        Array.Fill(pred, -1);
        var processed = new bool[n];
        var ordering = new int[n];
        var one = new Matrix(1, x.Columns);
        // With max_eps = ∞ every step relaxes all unprocessed rows; that pass runs in fixed segments (by size only) and
        // also finds the next row — the first smallest reachability in index order, as a plain scan would.
        int segments = Math.Max(1, Math.Min(16, n / 4096));
        var segMin = new double[segments];
        var segArg = new int[segments];
        var options = new ParallelOptions { MaxDegreeOfParallelism = context.ThreadCount };
        int next = -1;
        for (int step = 0; step < n; step++)
        {
            if ((step & 1023) == 0) context.ThrowIfCancellationRequested();
            int point = next;
            if (point < 0)
            {
                double best = double.PositiveInfinity;
                for (int i = 0; i < n; i++)
                {
                    if (processed[i]) continue;
                    if (point < 0 || reach[i] < best) { point = i; best = reach[i]; }
                }
            }
            next = -1;
            processed[point] = true;
            ordering[step] = point;
            if (double.IsPositiveInfinity(core[point])) continue;
            double cp = core[point];
            if (double.IsPositiveInfinity(maxEps))
            {
                Action<int> pass = s =>
                {
                    int j0 = (int)((long)n * s / segments), j1 = (int)((long)n * (s + 1) / segments);
                    var xp = x.Row(point);
                    double min = double.PositiveInfinity;
                    int arg = -1;
                    for (int j = j0; j < j1; j++)
                    {
                        if (processed[j]) continue;
                        double r = Round15(Math.Max(HdbscanCore.PairDistance(index, xp, x.Row(j)), cp));
                        if (r < reach[j])
                        {
                            reach[j] = r;
                            pred[j] = point;
                        }
                        if (arg < 0 || reach[j] < min) { min = reach[j]; arg = j; }
                    }
                    segMin[s] = min;
                    segArg[s] = arg;
                };
                if (segments == 1) pass(0);
                else Parallel.For(0, segments, options, pass);
                double m = double.PositiveInfinity;
                for (int s = 0; s < segments; s++)
                    if (segArg[s] >= 0 && (next < 0 || segMin[s] < m)) { m = segMin[s]; next = segArg[s]; }
            }
            else
            {
                var xp = x.Row(point);
                xp.CopyTo(one.Row(0));
                var within = index.RadiusNeighbors(one, maxEps, 1);
                foreach (int j in within.IndicesOf(0))
                {
                    if (processed[j]) continue;
                    double r = Round15(Math.Max(HdbscanCore.PairDistance(index, xp, x.Row(j)), cp));
                    if (r < reach[j])
                    {
                        reach[j] = r;
                        pred[j] = point;
                    }
                }
            }
        }
        return (ordering, core, reach, pred);
    }

    /// <summary>scikit-learn's <c>cluster_optics_dbscan</c>: a new cluster starts at each row (in the ordering) whose
    /// reachability exceeds eps but whose core distance does not; rows beyond eps on both counts are noise.</summary>
    internal static int[] DbscanLabels(int[] ordering, double[] core, double[] reach, double eps)
    {
        int n = ordering.Length;
        var labels = new int[n];
        int count = 0;
        foreach (int p in ordering)
        {
            bool far = reach[p] > eps, near = core[p] <= eps;
            if (far && near) count++;
            labels[p] = far && !near ? -1 : count - 1;
        }
        return labels;
    }

    /// <summary>Effective size from scikit-learn's int-or-fraction convention: a value ≤ 1 is a fraction of the rows (at least 2).</summary>
    internal static int Size(double value, int n) => value <= 1 ? Math.Max(2, (int)(value * n)) : (int)value;

    /// <summary>
    /// The xi clusters (positions in the ordering, smaller ones first within a steep-up area) and the labels: each
    /// cluster in that order labels its positions if none of them is labelled yet.
    /// </summary>
    internal static (int[] Labels, OpticsCluster[] Clusters) Xi(int[] ordering, double[] reach, int[] pred, int minSamples, int minClusterSize,
        double xi, bool predecessorCorrection)
    {
        int n = ordering.Length;
        var r = new double[n + 1]; // the plot, with +∞ appended so a cluster can end at the last row
        var pp = new int[n];
        for (int i = 0; i < n; i++) { r[i] = reach[ordering[i]]; pp[i] = pred[ordering[i]]; }
        r[n] = double.PositiveInfinity;
        double keep = 1 - xi;
        var steepUp = new bool[n];
        var steepDown = new bool[n];
        var down = new bool[n];
        var up = new bool[n];
        for (int i = 0; i < n; i++)
        {
            double ratio = r[i] / r[i + 1]; // NaN (∞/∞, 0/0) compares false everywhere, as NumPy's
            steepUp[i] = ratio <= keep;
            steepDown[i] = ratio >= 1 / keep;
            down[i] = ratio > 1;
            up[i] = ratio < 1;
        }
        var areas = new List<SteepDownArea>();
        var clusters = new List<OpticsCluster>();
        int index = 0;
        double mib = 0;
        for (int s = 0; s < n; s++)
        {
            if (!(steepUp[s] || steepDown[s]) || s < index) continue;
            for (int i = index; i <= s; i++) mib = Math.Max(mib, r[i]);
            areas = Filter(areas, mib, keep, r);
            if (steepDown[s])
            {
                int end = Extend(steepDown, up, s, minSamples);
                areas.Add(new SteepDownArea { Start = s, End = end });
                index = end + 1;
                mib = r[index];
                continue;
            }
            int uStart = s, uEnd = Extend(steepUp, down, s, minSamples);
            index = uEnd + 1;
            mib = r[index];
            var found = new List<OpticsCluster>();
            foreach (var d in areas)
            {
                int cStart = d.Start, cEnd = uEnd;
                if (r[cEnd + 1] * keep < d.Mib) continue;
                double dMax = r[d.Start];
                if (dMax * keep >= r[cEnd + 1])
                {
                    while (r[cStart + 1] > r[cEnd + 1] && cStart < d.End) cStart++;
                }
                else if (r[cEnd + 1] * keep >= dMax)
                {
                    while (r[cEnd - 1] > dMax && cEnd > uStart) cEnd--;
                }
                if (predecessorCorrection && !CorrectPredecessor(r, pp, ordering, ref cStart, ref cEnd)) continue;
                if (cEnd - cStart + 1 < minClusterSize) continue;
                if (cStart > d.End) continue;
                if (cEnd < uStart) continue;
                found.Add(new OpticsCluster(cStart, cEnd));
            }
            found.Reverse();
            clusters.AddRange(found);
        }
        var plotLabels = new int[n];
        Array.Fill(plotLabels, -1);
        int label = 0;
        foreach (var c in clusters)
        {
            bool free = true;
            for (int i = c.Start; i <= c.End && free; i++) free = plotLabels[i] == -1;
            if (!free) continue;
            for (int i = c.Start; i <= c.End; i++) plotLabels[i] = label;
            label++;
        }
        var labels = new int[n];
        for (int i = 0; i < n; i++) labels[ordering[i]] = plotLabels[i];
        return (labels, clusters.ToArray());
    }

    private sealed class SteepDownArea
    {
        public int Start;
        public int End;
        public double Mib;
    }

    /// <summary>Drops the steep-down areas whose start is not steep enough above the maximum in between, and raises the
    /// others' maximum in between; all of them when that maximum is infinite.</summary>
    private static List<SteepDownArea> Filter(List<SteepDownArea> areas, double mib, double keep, double[] r)
    {
        if (double.IsPositiveInfinity(mib)) return [];
        var kept = areas.Where(a => mib <= r[a.Start] * keep).ToList();
        foreach (var a in kept) a.Mib = Math.Max(a.Mib, mib);
        return kept;
    }

    /// <summary>The end of a maximal steep area from <paramref name="start"/>: it may hold at most min_samples consecutive
    /// non-steep points that still go the same way, and stops at the first point going the other way.</summary>
    private static int Extend(bool[] steep, bool[] otherWay, int start, int minSamples)
    {
        int n = steep.Length, run = 0, end = start;
        for (int i = start; i < n; i++)
        {
            if (steep[i])
            {
                run = 0;
                end = i;
            }
            else if (!otherWay[i])
            {
                if (++run > minSamples) break;
            }
            else return end;
        }
        return end;
    }

    /// <summary>
    /// Schubert &amp; Gertz (2018) predecessor correction as scikit-learn 1.2.1 applies it: shrink the end while the
    /// start is not higher than the end and the end's predecessor (looked up through the ordering, as scikit-learn
    /// does, with −1 meaning the last position) is not among the rows before it. False when nothing is left.
    /// </summary>
    private static bool CorrectPredecessor(double[] r, int[] pp, int[] ordering, ref int s, ref int e)
    {
        int n = ordering.Length;
        while (s < e)
        {
            if (r[s] > r[e]) return true;
            int pe = ordering[pp[e] < 0 ? n + pp[e] : pp[e]];
            for (int i = s; i < e; i++)
                if (pe == ordering[i]) return true;
            e--;
        }
        return false;
    }
}
