using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Hierarchical clustering without validation. Ward on more than <see cref="WardMatrixRows"/> rows runs the
/// nearest-neighbour chain on centroids (<see cref="WardCentroidChain"/>: O(n·d) memory, no pair-distance matrix,
/// several times faster; merges whose heights tie to the last bit may come in another order than SciPy's).
/// Ward on fewer rows, complete and average linkage run the nearest-neighbour
/// chain algorithm on the condensed matrix of pair distances (O(n²) time and n(n−1)/2 doubles of memory)
/// with the Lance–Williams updates; single linkage runs Prim's minimum spanning tree with distances computed
/// on the fly (O(n²·d) time, O(n) memory). Both follow SciPy's <c>nn_chain</c> / <c>mst_single_linkage</c>
/// step for step (scan order, strict comparisons, update formulas), then sort the merges by distance
/// (stable) and renumber them with a union–find, so ties resolve as in SciPy and scikit-learn.
/// Pair distances are √ of <see cref="Distances.SquaredEuclideanInOrder"/> (summed in index order, bit-identical to SciPy's pdist, so near-ties break the same way).
/// </summary>
internal static class AgglomerativeCore
{
    /// <summary>Largest row count the condensed distance matrix allows (n(n−1)/2 below .NET's array limit).</summary>
    internal const int MaxRowsCondensed = 65_000;

    /// <summary>Most rows for which Ward uses the exact matrix form (whose tie order equals SciPy's bit for bit);
    /// beyond it the condensed matrix (≥ 67 MB) and its cache-missing scans cost more than the centroid form.</summary>
    internal const int WardMatrixRows = 4096;

    internal static Dendrogram Build(Matrix x, AgglomerativeLinkage linkage, FitContext context)
    {
        int n = x.Rows;
        if (n == 1) return new Dendrogram([], [], [], []);
        var (a, b, dist) = linkage switch
        {
            AgglomerativeLinkage.Single => Prim(x, context),
            AgglomerativeLinkage.Ward when n > WardMatrixRows => WardCentroidChain.Run(x, context),
            _ => NnChain(x, linkage, context),
        };
        return SortAndLabel(a, b, dist, n);
    }

    /// <summary>The Ward tree by the centroid chain whatever the row count (tests compare it with the matrix form).</summary>
    internal static Dendrogram BuildWardByCentroids(Matrix x, FitContext context)
    {
        var (a, b, dist) = WardCentroidChain.Run(x, context);
        return SortAndLabel(a, b, dist, x.Rows);
    }

    /// <summary>Index of pair (i, j), i &lt; j, in the condensed (upper-triangle, row-major) matrix.</summary>
    private static long Condensed(long n, long i, long j) => n * i - i * (i + 1) / 2 + (j - i - 1);

    private static (int[] A, int[] B, double[] D) NnChain(Matrix x, AgglomerativeLinkage linkage, FitContext context)
    {
        int n = x.Rows;
        var d = new double[(long)n * (n - 1) / 2];
        Parallel.For(0, n - 1, new ParallelOptions { MaxDegreeOfParallelism = context.ThreadCount, CancellationToken = context.CancellationToken }, i =>
        {
            long start = Condensed(n, i, i + 1);
            var xi = x.Row(i);
            for (int j = i + 1; j < n; j++) d[start + j - i - 1] = Math.Sqrt(Distances.SquaredEuclideanInOrder(xi, x.Row(j)));
        });
        var size = new int[n];
        Array.Fill(size, 1);
        // rowStart[i] + j is the condensed index of pair (i, j), i < j.
        var rowStart = new long[n];
        for (int i = 0; i < n; i++) rowStart[i] = Condensed(n, i, Math.Min(i + 1, n - 1)) - (i + 1);
        // The active clusters in increasing order: scans visit them in SciPy's order (every index, skipping merged ones).
        var active = Enumerable.Range(0, n).ToArray();
        int activeCount = n;
        var chain = new int[n];
        int chainLength = 0;
        var za = new int[n - 1];
        var zb = new int[n - 1];
        var zd = new double[n - 1];
        for (int k = 0; k < n - 1; k++)
        {
            if ((k & 1023) == 0) context.ThrowIfCancellationRequested();
            if (chainLength == 0)
            {
                chainLength = 1;
                chain[0] = active[0];
            }
            int x0, y;
            double currentMin;
            while (true)
            {
                x0 = chain[chainLength - 1];
                // Prefer the previous element of the chain on ties, so the chain cannot cycle.
                if (chainLength > 1)
                {
                    y = chain[chainLength - 2];
                    currentMin = d[x0 < y ? rowStart[x0] + y : rowStart[y] + x0];
                }
                else
                {
                    y = -1;
                    currentMin = double.PositiveInfinity;
                }
                int pos = Array.BinarySearch(active, 0, activeCount, x0);
                for (int a = 0; a < pos; a++)
                {
                    int i = active[a];
                    double v = d[rowStart[i] + x0];
                    if (v < currentMin)
                    {
                        currentMin = v;
                        y = i;
                    }
                }
                long row = rowStart[x0];
                for (int a = pos + 1; a < activeCount; a++)
                {
                    int i = active[a];
                    double v = d[row + i];
                    if (v < currentMin)
                    {
                        currentMin = v;
                        y = i;
                    }
                }
                if (chainLength > 1 && y == chain[chainLength - 2]) break;
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            int xm = x0, ym = y;
            if (xm > ym) (xm, ym) = (ym, xm);
            int nx = size[xm], ny = size[ym];
            za[k] = xm;
            zb[k] = ym;
            zd[k] = currentMin;
            size[xm] = 0;
            size[ym] = nx + ny;
            int removeAt = Array.BinarySearch(active, 0, activeCount, xm);
            Array.Copy(active, removeAt + 1, active, removeAt, activeCount - removeAt - 1);
            activeCount--;
            for (int a = 0; a < activeCount; a++)
            {
                int i = active[a];
                if (i == ym) continue;
                long ix = i < xm ? rowStart[i] + xm : rowStart[xm] + i;
                long iy = i < ym ? rowStart[i] + ym : rowStart[ym] + i;
                d[iy] = Update(linkage, d[ix], d[iy], currentMin, nx, ny, size[i]);
            }
        }
        return (za, zb, zd);
    }

    /// <summary>Lance–Williams update of the distance from cluster i to the union of x and y (SciPy's formulas, same operation order).</summary>
    private static double Update(AgglomerativeLinkage linkage, double dxi, double dyi, double dxy, int nx, int ny, int ni)
    {
        switch (linkage)
        {
            case AgglomerativeLinkage.Ward:
                {
                    double t = 1.0 / (nx + ny + ni);
                    return Math.Sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
                }
            case AgglomerativeLinkage.Complete:
                return Math.Max(dxi, dyi);
            default:
                return (nx * dxi + ny * dyi) / (nx + ny);
        }
    }

    /// <summary>Prim's algorithm as SciPy's <c>mst_single_linkage</c>: grow from row 0, always adding the nearest outside row.</summary>
    private static (int[] A, int[] B, double[] D) Prim(Matrix x, FitContext context)
    {
        int n = x.Rows;
        var merged = new bool[n];
        var best = new double[n];
        Array.Fill(best, double.PositiveInfinity);
        var za = new int[n - 1];
        var zb = new int[n - 1];
        var zd = new double[n - 1];
        int cur = 0;
        int threads = context.ThreadCount;
        int segments = Math.Max(1, Math.Min(threads * 4, n / 2048));
        var segMin = new double[segments];
        var segArg = new int[segments];
        for (int k = 0; k < n - 1; k++)
        {
            if ((k & 1023) == 0) context.ThrowIfCancellationRequested();
            merged[cur] = true;
            int from = cur;
            // Relax the distances to the newest row, in parallel segments; each keeps its first strict minimum
            // in index order, and the segments are combined in order: the scan result of one loop.
            Parallel.For(0, segments, new ParallelOptions { MaxDegreeOfParallelism = threads }, s =>
            {
                int i0 = (int)((long)n * s / segments), i1 = (int)((long)n * (s + 1) / segments);
                var xc = x.Row(from);
                double m = double.PositiveInfinity;
                int arg = -1;
                for (int i = i0; i < i1; i++)
                {
                    if (merged[i]) continue;
                    double dist = Math.Sqrt(Distances.SquaredEuclideanInOrder(xc, x.Row(i)));
                    if (best[i] > dist) best[i] = dist;
                    if (best[i] < m)
                    {
                        m = best[i];
                        arg = i;
                    }
                }
                segMin[s] = m;
                segArg[s] = arg;
            });
            double currentMin = double.PositiveInfinity;
            int y = -1;
            for (int s = 0; s < segments; s++)
                if (segArg[s] >= 0 && segMin[s] < currentMin)
                {
                    currentMin = segMin[s];
                    y = segArg[s];
                }
            if (y < 0) // only infinities left cannot happen for finite data; keep SciPy's fallback of row 0
                y = Array.IndexOf(merged, false);
            za[k] = cur;
            zb[k] = y;
            zd[k] = currentMin;
            cur = y;
        }
        return (za, zb, zd);
    }

    /// <summary>Stable sort of the merges by distance, then SciPy's <c>label</c>: union–find renumbering, smaller root first.</summary>
    internal static Dendrogram SortAndLabel(int[] a, int[] b, double[] dist, int n)
    {
        int m = n - 1;
        var order = Enumerable.Range(0, m).ToArray();
        // Stable (mergesort in NumPy): equal distances keep their discovery order.
        var keys = (double[])dist.Clone();
        Array.Sort(keys, order);
        // Array.Sort is not stable: re-sort runs of equal keys by original index.
        for (int s = 0; s < m;)
        {
            int e = s + 1;
            while (e < m && keys[e] == keys[s]) e++;
            if (e - s > 1) Array.Sort(order, s, e - s);
            s = e;
        }
        var parent = new int[2 * n - 1];
        var size = new int[2 * n - 1];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            size[i] = 1;
        }
        int next = n;
        var left = new int[m];
        var right = new int[m];
        var dists = new double[m];
        var counts = new int[m];
        for (int r = 0; r < m; r++)
        {
            int o = order[r];
            int xr = Find(parent, a[o]), yr = Find(parent, b[o]);
            if (xr > yr) (xr, yr) = (yr, xr);
            left[r] = xr;
            right[r] = yr;
            dists[r] = dist[o];
            parent[xr] = parent[yr] = next;
            counts[r] = size[next] = size[xr] + size[yr];
            next++;
        }
        return new Dendrogram(left, right, dists, counts);
    }

    private static int Find(int[] parent, int x)
    {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root)
        {
            int p = parent[x];
            parent[x] = root;
            x = p;
        }
        return root;
    }
}
