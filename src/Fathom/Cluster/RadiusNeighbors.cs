using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// All pairs of rows within distance eps (inclusive, ‖xᵢ − xⱼ‖² ≤ eps²), as compressed rows: the neighbours
/// of row i (itself included) are <c>Indices[Offsets[i] .. Offsets[i + 1])</c>. Low dimensions (d ≤ 3) use a
/// uniform grid of eps-sized cells (each row looks at the 3^d cells around its own; exact pair distances);
/// higher dimensions use GEMM distance blocks of a few rows against all rows (O(n²d) time, O(block·n)
/// memory), re-checking pairs near the boundary with the exact pair distance. Work is split in fixed blocks
/// whose results are concatenated in order, so the output does not depend on the thread count.
/// </summary>
internal sealed class RadiusNeighbors
{
    private RadiusNeighbors(long[] offsets, int[] indices)
    {
        Offsets = offsets;
        Indices = indices;
    }

    public long[] Offsets { get; }

    public int[] Indices { get; }

    public ReadOnlySpan<int> Of(int i) => Indices.AsSpan((int)Offsets[i], (int)(Offsets[i + 1] - Offsets[i]));

    /// <summary>Dimensions up to which the grid is used.</summary>
    internal const int GridMaxDimensions = 3;

    public static RadiusNeighbors Build(Matrix x, double eps, int threads, bool? forceGrid = null)
    {
        bool grid = forceGrid ?? x.Columns <= GridMaxDimensions;
        if (grid && TryGrid(x, eps, threads) is { } g) return g;
        return Brute(x, eps, threads);
    }

    private static RadiusNeighbors Assemble(List<int>[] parts, int[][] counts, int n)
    {
        var offsets = new long[n + 1];
        int row = 0;
        foreach (var c in counts)
            foreach (int k in c) { offsets[row + 1] = offsets[row] + k; row++; }
        var indices = new int[offsets[n]];
        long at = 0;
        foreach (var p in parts)
        {
            p.CopyTo(indices, (int)at);
            at += p.Count;
        }
        return new RadiusNeighbors(offsets, indices);
    }

    private static RadiusNeighbors? TryGrid(Matrix x, double eps, int threads)
    {
        int n = x.Rows, d = x.Columns;
        var min = new double[d];
        var cellsPerDim = new long[d];
        for (int j = 0; j < d; j++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = 0; i < n; i++) { lo = Math.Min(lo, x[i, j]); hi = Math.Max(hi, x[i, j]); }
            min[j] = lo;
            double cells = Math.Floor((hi - lo) / eps) + 3; // one spare cell on each side for the ±1 offsets
            if (cells > (1L << 20)) return null;           // too fine a grid to key in 64 bits: use brute force
            cellsPerDim[j] = (long)cells;
        }
        // Cell key of every row (mixed radix), rows sorted by key.
        var keys = new long[n];
        var coords = new long[(long)n * d];
        for (int i = 0; i < n; i++)
        {
            long key = 0;
            for (int j = 0; j < d; j++)
            {
                long c = (long)Math.Floor((x[i, j] - min[j]) / eps) + 1;
                coords[(long)i * d + j] = c;
                key = key * cellsPerDim[j] + c;
            }
            keys[i] = key;
        }
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var sortedKeys = (long[])keys.Clone();
        Array.Sort(sortedKeys, order);
        var cellKeys = new List<long>();
        var cellStart = new List<int>();
        for (int i = 0; i < n; i++)
            if (i == 0 || sortedKeys[i] != sortedKeys[i - 1]) { cellKeys.Add(sortedKeys[i]); cellStart.Add(i); }
        cellStart.Add(n);
        var ck = cellKeys.ToArray();
        var cs = cellStart.ToArray();
        int offsetsCount = 1;
        for (int j = 0; j < d; j++) offsetsCount *= 3;
        double eps2 = eps * eps;
        const int Block = 1024;
        int blocks = (n + Block - 1) / Block;
        var parts = new List<int>[blocks];
        var counts = new int[blocks][];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, b =>
        {
            int r0 = b * Block, r1 = Math.Min(n, r0 + Block);
            var list = new List<int>();
            var cnt = new int[r1 - r0];
            var delta = new int[d];
            for (int i = r0; i < r1; i++)
            {
                int before = list.Count;
                var xi = x.Row(i);
                for (int o = 0; o < offsetsCount; o++)
                {
                    int t = o;
                    long key = 0;
                    for (int j = d - 1; j >= 0; j--) { delta[j] = t % 3 - 1; t /= 3; }
                    for (int j = 0; j < d; j++) key = key * cellsPerDim[j] + coords[(long)i * d + j] + delta[j];
                    int c = Array.BinarySearch(ck, key);
                    if (c < 0) continue;
                    for (int s = cs[c]; s < cs[c + 1]; s++)
                    {
                        int jrow = order[s];
                        if (Distances.SquaredEuclidean(xi, x.Row(jrow)) <= eps2) list.Add(jrow);
                    }
                }
                cnt[i - r0] = list.Count - before;
            }
            parts[b] = list;
            counts[b] = cnt;
        });
        return Assemble(parts, counts, n);
    }

    private static RadiusNeighbors Brute(Matrix x, double eps, int threads)
    {
        int n = x.Rows;
        var norms = Reductions.RowSquaredNorms(x);
        double eps2 = eps * eps;
        int block = (int)Math.Clamp((1L << 20) / Math.Max(1, n), 1, 256);
        int blocks = (n + block - 1) / block;
        var parts = new List<int>[blocks];
        var counts = new int[blocks][];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, b =>
        {
            int r0 = b * block, len = Math.Min(block, n - r0);
            var buf = new double[(long)len * n];
            Distances.SquaredEuclidean(x.RowRange(r0, len), norms.AsSpan(r0, len), x, norms, buf, n, 1);
            var list = new List<int>();
            var cnt = new int[len];
            for (int i = 0; i < len; i++)
            {
                int before = list.Count;
                var row = buf.AsSpan(i * n, n);
                double slack = 1e-12 * (norms[r0 + i] + eps2);
                for (int j = 0; j < n; j++)
                {
                    double v = row[j];
                    if (v > eps2 + slack * 4 + 1e-12 * norms[j]) continue;
                    // Near the boundary the GEMM expansion's rounding matters: decide with the exact distance.
                    if (v >= eps2 - slack * 4 - 1e-12 * norms[j] && !(Distances.SquaredEuclidean(x.Row(r0 + i), x.Row(j)) <= eps2)) continue;
                    list.Add(j);
                }
                cnt[i] = list.Count - before;
            }
            parts[b] = list;
            counts[b] = cnt;
        });
        return Assemble(parts, counts, n);
    }
}
