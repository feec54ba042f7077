using System.Runtime.Intrinsics;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Ward linkage by the nearest-neighbour chain on cluster centroids instead of a distance matrix: the Ward
/// distance between clusters a and b is d(a, b) = √(2·nₐ·n_b/(nₐ + n_b)) · ‖cₐ − c_b‖, which is exactly the value
/// SciPy's Lance–Williams update keeps in its condensed matrix (up to rounding). Each chain step scans the
/// active centroids (stored feature-major so the scan runs over 8 clusters per AVX-512 vector, features summed
/// in index order as <see cref="Distances.SquaredEuclideanInOrder"/>, so distances between single rows are
/// bit-identical to SciPy's pdist); a merge replaces two centroids by their weighted mean. O(n²·d) time like the
/// matrix form but O(n·d) memory instead of n(n−1)/2 doubles, no pair-distance pass, and contiguous scans.
/// Scan order, strict comparisons and the preference for the chain's previous element on ties follow SciPy's
/// <c>nn_chain</c>; merge heights agree with SciPy's to rounding (1e-12 relative).
/// </summary>
internal static class WardCentroidChain
{
    private const int W = 8;

    internal static (int[] A, int[] B, double[] D) Run(Matrix x, FitContext context)
    {
        int n = x.Rows, d = x.Columns;
        // Slot s holds cluster id[s] (increasing); centroid feature f of slot s at cen[f·cap + s]; cnt[s] = 0 once merged away.
        int cap = (n + W - 1) / W * W;
        var cen = new double[(long)d * cap];
        var cnt = new double[cap];
        var id = new int[cap];
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (int f = 0; f < d; f++) cen[(long)f * cap + i] = row[f];
            cnt[i] = 1;
            id[i] = i;
        }
        int count = n, dead = 0;
        var slotOf = new int[n];
        for (int i = 0; i < n; i++) slotOf[i] = i;
        var chain = new int[n];
        int chainLength = 0;
        var za = new int[n - 1];
        var zb = new int[n - 1];
        var zd = new double[n - 1];
        var c0 = new double[d];
        for (int k = 0; k < n - 1; k++)
        {
            if ((k & 1023) == 0) context.ThrowIfCancellationRequested();
            if (chainLength == 0)
            {
                chainLength = 1;
                chain[0] = FirstActive(id, cnt, count);
            }
            int x0, y;
            double currentMin;
            while (true)
            {
                x0 = chain[chainLength - 1];
                int s0 = slotOf[x0];
                for (int f = 0; f < d; f++) c0[f] = cen[(long)f * cap + s0];
                var (minValue, minSlot) = Scan(cen, cnt, cap, count, d, c0, cnt[s0], s0);
                if (chainLength > 1)
                {
                    // SciPy starts from the previous chain element and replaces it only on a strictly smaller value.
                    int prev = chain[chainLength - 2];
                    double dPrev = WardDistance(cen, cap, d, c0, cnt[s0], slotOf[prev], cnt[slotOf[prev]]);
                    if (dPrev <= minValue)
                    {
                        y = prev;
                        currentMin = dPrev;
                        break;
                    }
                }
                y = id[minSlot];
                currentMin = minValue;
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            int xm = Math.Min(x0, y), ym = Math.Max(x0, y);
            int sx = slotOf[xm], sy = slotOf[ym];
            double nx = cnt[sx], ny = cnt[sy], nt = nx + ny;
            za[k] = xm;
            zb[k] = ym;
            zd[k] = currentMin;
            // The union takes the larger index (SciPy keeps it as y); x's slot dies.
            for (int f = 0; f < d; f++)
            {
                long o = (long)f * cap;
                cen[o + sy] = (nx * cen[o + sx] + ny * cen[o + sy]) / nt;
            }
            cnt[sy] = nt;
            cnt[sx] = 0;
            if (++dead * 2 > count && count > 4 * W) Compact(cen, cnt, id, slotOf, cap, d, ref count, ref dead);
        }
        return (za, zb, zd);
    }

    /// <summary>Ward distance from the centroid <paramref name="c0"/> (weight <paramref name="n0"/>) to slot s, features in order.</summary>
    private static double WardDistance(double[] cen, int cap, int d, double[] c0, double n0, int s, double ns)
    {
        double ss = 0;
        for (int f = 0; f < d; f++)
        {
            double diff = cen[(long)f * cap + s] - c0[f];
            ss += diff * diff;
        }
        return Math.Sqrt(2 * n0 * ns / (n0 + ns) * ss);
    }

    /// <summary>The smallest Ward distance from slot s0 to every other live slot, and the first slot reaching it.</summary>
    private static unsafe (double Value, int Slot) Scan(double[] cen, double[] cnt, int cap, int count, int d, double[] c0, double n0, int s0)
    {
        double best = double.PositiveInfinity;
        int bestSlot = -1;
        int s = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var inf = Vector512.Create(double.PositiveInfinity);
            var vn0 = Vector512.Create(n0);
            var two = Vector512.Create(2.0);
            var bestV = inf;
            var bestIdx = Vector512.Create(-1L);
            var lane = Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7);
            fixed (double* pc = cen, pn = cnt, p0 = c0)
            {
                for (; s + W <= count; s += W)
                {
                    var acc = Vector512<double>.Zero;
                    for (int f = 0; f < d; f++)
                    {
                        var diff = Vector512.Load(pc + (long)f * cap + s) - Vector512.Create(p0[f]);
                        acc += diff * diff;
                    }
                    var ns = Vector512.Load(pn + s);
                    var v = Vector512.Sqrt(two * vn0 * ns / (vn0 + ns) * acc);
                    var idx = lane + Vector512.Create((long)s);
                    // Dead slots (weight 0) and s0 itself never win.
                    var excluded = Vector512.Equals(ns, Vector512<double>.Zero) | Vector512.Equals(idx, Vector512.Create((long)s0)).AsDouble();
                    v = Vector512.ConditionalSelect(excluded, inf, v);
                    var better = Vector512.LessThan(v, bestV);
                    bestV = Vector512.ConditionalSelect(better, v, bestV);
                    bestIdx = Vector512.ConditionalSelect(better.AsInt64(), idx, bestIdx);
                }
            }
            // Each lane kept its first strict minimum; the first slot overall holding the global minimum wins.
            for (int l = 0; l < W; l++)
            {
                double v = bestV.GetElement(l);
                int i = (int)bestIdx.GetElement(l);
                if (i < 0) continue;
                if (v < best || (v == best && i < bestSlot))
                {
                    best = v;
                    bestSlot = i;
                }
            }
        }
        for (; s < count; s++)
        {
            if (cnt[s] == 0 || s == s0) continue;
            double v = WardDistance(cen, cap, d, c0, n0, s, cnt[s]);
            // Slots after the vector part come later in order: strict comparison keeps the first.
            if (v < best)
            {
                best = v;
                bestSlot = s;
            }
        }
        return (best, bestSlot);
    }

    private static int FirstActive(int[] id, double[] cnt, int count)
    {
        for (int s = 0; s < count; s++)
            if (cnt[s] > 0) return id[s];
        throw new InvalidOperationException("No active cluster left.");
    }

    /// <summary>Drops dead slots, keeping the live ones in increasing id order (the scan order).</summary>
    private static void Compact(double[] cen, double[] cnt, int[] id, int[] slotOf, int cap, int d, ref int count, ref int dead)
    {
        int t = 0;
        for (int s = 0; s < count; s++)
        {
            if (cnt[s] == 0) continue;
            if (t != s)
            {
                for (int f = 0; f < d; f++) cen[(long)f * cap + t] = cen[(long)f * cap + s];
                cnt[t] = cnt[s];
                id[t] = id[s];
            }
            slotOf[id[t]] = t;
            t++;
        }
        for (int s = t; s < count; s++) cnt[s] = 0;
        count = t;
        dead = 0;
    }
}
