using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>Shortest-path (geodesic) distances on an undirected weighted k-nearest-neighbour graph: Dijkstra from
/// every source with a binary heap, sources in parallel (each row of the result is written by one task).
/// O(n·(E + n)·log n).</summary>
internal static class Geodesic
{
    /// <summary>Adjacency lists of the undirected graph joining each row to its k neighbours (weights = distances).</summary>
    internal static (int[] Start, int[] To, double[] Weight) Graph(int n, int k, int[] ids, double[] dist,
        IReadOnlyList<(int A, int B, double W)>? extra = null)
    {
        var edges = new List<(int From, int To, double W)>(2 * n * k);
        foreach (var (a, b, wt) in extra ?? [])
        {
            edges.Add((a, b, wt));
            edges.Add((b, a, wt));
        }
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
            {
                int j = ids[i * k + t];
                edges.Add((i, j, dist[i * k + t]));
                edges.Add((j, i, dist[i * k + t]));
            }
        edges.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.To != b.To ? a.To.CompareTo(b.To) : a.W.CompareTo(b.W));
        var start = new int[n + 1];
        var to = new List<int>();
        var w = new List<double>();
        int e = 0;
        for (int i = 0; i < n; i++)
        {
            start[i] = to.Count;
            while (e < edges.Count && edges[e].From == i)
            {
                var (_, j, wt) = edges[e++];
                if (to.Count > start[i] && to[^1] == j) continue; // duplicate: keep the smaller (sorted first)
                to.Add(j);
                w.Add(wt);
            }
        }
        start[n] = to.Count;
        return (start, [.. to], [.. w]);
    }

    /// <summary>
    /// Joins the pieces of a graph as scikit-learn 1.2's <c>_fix_connected_components</c>: for every pair of
    /// connected components, an edge between their closest two points (the first such pair in row order).
    /// Returns the edges to add (none when the graph is connected).
    /// </summary>
    internal static List<(int A, int B, double W)> Bridges((int[] Start, int[] To, double[] Weight) g, Matrix x)
    {
        int n = g.Start.Length - 1;
        var label = new int[n];
        Array.Fill(label, -1);
        int comps = 0;
        var stack = new Stack<int>();
        for (int s = 0; s < n; s++)
        {
            if (label[s] >= 0) continue;
            label[s] = comps;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                for (int a = g.Start[u]; a < g.Start[u + 1]; a++)
                    if (label[g.To[a]] < 0)
                    {
                        label[g.To[a]] = comps;
                        stack.Push(g.To[a]);
                    }
            }
            comps++;
        }
        var bridges = new List<(int, int, double)>();
        if (comps == 1) return bridges;
        var members = Enumerable.Range(0, comps).Select(c => Enumerable.Range(0, n).Where(i => label[i] == c).ToArray()).ToArray();
        for (int a = 0; a < comps; a++)
            for (int b = a + 1; b < comps; b++)
            {
                double best = double.PositiveInfinity;
                int bi = -1, bj = -1;
                foreach (int i in members[a])
                    foreach (int j in members[b])
                    {
                        double d = Distances.SquaredEuclidean(x.Row(i), x.Row(j));
                        if (d < best)
                        {
                            best = d;
                            bi = i;
                            bj = j;
                        }
                    }
                bridges.Add((bi, bj, Math.Sqrt(best)));
            }
        return bridges;
    }

    /// <summary>All-pairs shortest paths; +∞ where no path exists.</summary>
    internal static Matrix AllPairs((int[] Start, int[] To, double[] Weight) g, int threads, FitContext? ctx = null)
    {
        int n = g.Start.Length - 1;
        var d = new Matrix(n, n);
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ctx?.CancellationToken ?? default }, s =>
        {
            var row = d.Row(s);
            row.Fill(double.PositiveInfinity);
            row[s] = 0;
            var done = new bool[n];
            var heap = new PriorityQueue<int, double>();
            heap.Enqueue(s, 0);
            while (heap.TryDequeue(out int u, out double du))
            {
                if (done[u]) continue;
                done[u] = true;
                for (int a = g.Start[u]; a < g.Start[u + 1]; a++)
                {
                    int v = g.To[a];
                    double nd = du + g.Weight[a];
                    if (nd < row[v])
                    {
                        row[v] = nd;
                        heap.Enqueue(v, nd);
                    }
                }
            }
        });
        return d;
    }
}
