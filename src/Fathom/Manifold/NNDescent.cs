using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>
/// Approximate k-nearest-neighbour graph by nearest-neighbour descent (Dong, Moses &amp; Li 2011): start from random
/// neighbour lists, then repeatedly compare each point's sampled new neighbours with each other and with its old
/// ones (forward and reverse lists, at most <c>maxCandidates</c> each), keeping the k best of every point in a
/// bounded max-heap, until fewer than δ·n·k lists change. Squared Euclidean distances from the shared kernel; the
/// candidate distances of a block of points are computed in parallel and applied to the heaps in point order, so
/// the result depends only on the seed. About O(n·k²·iterations) distance evaluations.
/// </summary>
internal static class NNDescent
{
    private const int Block = 512;

    /// <summary>The k nearest other points of every row (ascending Euclidean distances).</summary>
    internal static (int[] Indices, double[] Distances) Search(Matrix x, int k, RandomSource rng, int threads,
        int? maxIterations = null, double delta = 0.001, int? maxCandidates = null)
    {
        int n = x.Rows;
        int iterations = maxIterations ?? Math.Max(5, (int)Math.Round(Math.Log2(n)));
        int maxCand = maxCandidates ?? Math.Min(60, Math.Max(k, 10));
        var ids = new int[n * k];
        var dist = new double[n * k];
        var isNew = new bool[n * k];
        Array.Fill(ids, -1);
        Array.Fill(dist, double.PositiveInfinity);
        for (int i = 0; i < n; i++)
        {
            int added = 0, guard = 0;
            while (added < k && guard++ < 10 * k + 100)
            {
                int j = rng.NextInt(n);
                if (j == i) continue;
                if (Push(ids, dist, isNew, i, k, j, Distances.SquaredEuclidean(x.Row(i), x.Row(j)))) added++;
            }
        }

        var newCand = new int[n * maxCand];
        var oldCand = new int[n * maxCand];
        var newCount = new int[n];
        var oldCount = new int[n];
        var newSeen = new int[n];
        var oldSeen = new int[n];
        var pairs = new List<(int A, int B, double D)>[Block];
        for (int b = 0; b < Block; b++) pairs[b] = [];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        for (int iter = 0; iter < iterations; iter++)
        {
            Array.Clear(newCount);
            Array.Clear(oldCount);
            Array.Clear(newSeen);
            Array.Clear(oldSeen);
            for (int i = 0; i < n; i++)
                for (int t = 0; t < k; t++)
                {
                    int j = ids[i * k + t];
                    if (j < 0) continue;
                    if (isNew[i * k + t])
                    {
                        bool took = Sample(newCand, newCount, newSeen, i, j, maxCand, rng);
                        Sample(newCand, newCount, newSeen, j, i, maxCand, rng);
                        if (took) isNew[i * k + t] = false;
                    }
                    else
                    {
                        Sample(oldCand, oldCount, oldSeen, i, j, maxCand, rng);
                        Sample(oldCand, oldCount, oldSeen, j, i, maxCand, rng);
                    }
                }

            long updates = 0;
            for (int start = 0; start < n; start += Block)
            {
                int end = Math.Min(n, start + Block);
                Parallel.For(start, end, options, i =>
                {
                    var list = pairs[i - start];
                    list.Clear();
                    var nc = newCand.AsSpan(i * maxCand, newCount[i]);
                    var oc = oldCand.AsSpan(i * maxCand, oldCount[i]);
                    for (int a = 0; a < nc.Length; a++)
                    {
                        int u = nc[a];
                        var xu = x.Row(u);
                        for (int b = a + 1; b < nc.Length; b++)
                        {
                            int v = nc[b];
                            if (u != v) list.Add((u, v, Distances.SquaredEuclidean(xu, x.Row(v))));
                        }
                        for (int b = 0; b < oc.Length; b++)
                        {
                            int v = oc[b];
                            if (u != v) list.Add((u, v, Distances.SquaredEuclidean(xu, x.Row(v))));
                        }
                    }
                });
                for (int i = start; i < end; i++)
                    foreach (var (a, b, d) in pairs[i - start])
                    {
                        if (Push(ids, dist, isNew, a, k, b, d)) updates++;
                        if (Push(ids, dist, isNew, b, k, a, d)) updates++;
                    }
            }
            if (updates <= delta * k * n) break;
        }

        // sort each list by (distance, index)
        var outIds = new int[n * k];
        var outDist = new double[n * k];
        var keys = new (double, int)[k];
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < k; t++) keys[t] = (dist[i * k + t], ids[i * k + t]);
            Array.Sort(keys);
            for (int t = 0; t < k; t++)
            {
                outIds[i * k + t] = keys[t].Item2;
                outDist[i * k + t] = Math.Sqrt(keys[t].Item1);
            }
        }
        return (outIds, outDist);
    }

    /// <summary>Reservoir-samples candidate <paramref name="j"/> into point i's list; true when it was kept.</summary>
    private static bool Sample(int[] cand, int[] count, int[] seen, int i, int j, int max, RandomSource rng)
    {
        int c = count[i];
        var list = cand.AsSpan(i * max, c);
        if (list.Contains(j)) return true;
        int s = ++seen[i];
        if (c < max)
        {
            cand[i * max + c] = j;
            count[i] = c + 1;
            return true;
        }
        int r = rng.NextInt(s);
        if (r < max)
        {
            cand[i * max + r] = j;
            return true;
        }
        return false;
    }

    /// <summary>Offers j at squared distance d to point i's max-heap of size k; true when the heap changed.</summary>
    private static bool Push(int[] ids, double[] dist, bool[] isNew, int i, int k, int j, double d)
    {
        int o = i * k;
        if (!(d < dist[o])) return false;
        for (int t = 0; t < k; t++)
            if (ids[o + t] == j) return false;
        // replace the root (largest) and sift down
        int pos = 0;
        while (true)
        {
            int l = 2 * pos + 1, r = l + 1, big;
            if (l >= k) break;
            big = r < k && dist[o + r] > dist[o + l] ? r : l;
            if (dist[o + big] <= d) break;
            dist[o + pos] = dist[o + big];
            ids[o + pos] = ids[o + big];
            isNew[o + pos] = isNew[o + big];
            pos = big;
        }
        dist[o + pos] = d;
        ids[o + pos] = j;
        isNew[o + pos] = true;
        return true;
    }
}
