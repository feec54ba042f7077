using System.Runtime.Intrinsics;
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
        // Rows copied in cell order, so each neighbouring cell is one contiguous run of coordinates.
        // Feature-major (one array per feature) so the candidate scan runs over 8 rows per AVX-512 vector.
        var sorted = new double[d][];
        for (int j = 0; j < d; j++)
        {
            var col = sorted[j] = new double[n + 8];
            for (int s = 0; s < n; s++) col[s] = x[order[s], j];
        }
        double eps2 = eps * eps;
        // Work goes by runs of whole cells (≈ 1,024 rows each): the 3^d neighbouring cells are looked up once per
        // cell, not once per row. Each row's neighbours come out in the same order as a per-row scan would give.
        var runStarts = new List<int> { 0 };
        for (int c = 0; c < ck.Length; c++)
            if (cs[c + 1] - cs[runStarts[^1]] >= 1024 && c + 1 < ck.Length) runStarts.Add(c + 1);
        runStarts.Add(ck.Length);
        int runs = runStarts.Count - 1;
        var runLists = new List<int>[runs];
        var rowStart = new long[n]; // by sorted position: where its neighbours start in its run's list
        var rowCount = new int[n];
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, r =>
        {
            var list = new List<int>(64 * (cs[runStarts[r + 1]] - cs[runStarts[r]]));
            var delta = new int[d];
            var xi = new double[d];
            var rangeStart = new int[offsetsCount];
            var rangeEnd = new int[offsetsCount];
            for (int c = runStarts[r]; c < runStarts[r + 1]; c++)
            {
                int ranges = 0;
                long firstRow = order[cs[c]];
                for (int o = 0; o < offsetsCount; o++)
                {
                    int t = o;
                    long key = 0;
                    for (int j = d - 1; j >= 0; j--) { delta[j] = t % 3 - 1; t /= 3; }
                    for (int j = 0; j < d; j++) key = key * cellsPerDim[j] + coords[firstRow * d + j] + delta[j];
                    int cell = Array.BinarySearch(ck, key);
                    if (cell < 0) continue;
                    rangeStart[ranges] = cs[cell];
                    rangeEnd[ranges] = cs[cell + 1];
                    ranges++;
                }
                for (int p = cs[c]; p < cs[c + 1]; p++)
                {
                    rowStart[p] = list.Count;
                    for (int j = 0; j < d; j++) xi[j] = sorted[j][p];
                    for (int g = 0; g < ranges; g++) ScanRange(sorted, xi, rangeStart[g], rangeEnd[g], eps2, order, list);
                    rowCount[p] = (int)(list.Count - rowStart[p]);
                }
            }
            runLists[r] = list;
        });
        // Gather into original row order.
        var runOf = new int[n];
        for (int r = 0; r < runs; r++)
            for (int p = cs[runStarts[r]]; p < cs[runStarts[r + 1]]; p++) runOf[p] = r;
        var position = new int[n];
        for (int p = 0; p < n; p++) position[order[p]] = p;
        var offsets = new long[n + 1];
        for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + rowCount[position[i]];
        var indices = new int[offsets[n]];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            int p = position[i];
            runLists[runOf[p]].CopyTo((int)rowStart[p], indices, (int)offsets[i], rowCount[p]);
        });
        return new RadiusNeighbors(offsets, indices);
    }

    /// <summary>
    /// Appends order[q] for every q in [start, end) with Σⱼ (xiⱼ − sortedⱼ[q])² ≤ eps² (features summed in order,
    /// as <see cref="Distances.SquaredEuclidean(ReadOnlySpan{double}, ReadOnlySpan{double})"/> sums short vectors),
    /// in increasing q: 8 candidates per AVX-512 vector, the matches taken from the comparison mask in order.
    /// </summary>
    private static void ScanRange(double[][] sorted, double[] xi, int start, int end, double eps2, int[] order, List<int> list)
    {
        int d = xi.Length;
        int q = start;
        if (Vector512.IsHardwareAccelerated)
        {
            var limit = Vector512.Create(eps2);
            for (; q + 8 <= end; q += 8)
            {
                var diff = Vector512.Create(sorted[0], q) - Vector512.Create(xi[0]);
                var ss = diff * diff;
                for (int j = 1; j < d; j++)
                {
                    diff = Vector512.Create(sorted[j], q) - Vector512.Create(xi[j]);
                    ss += diff * diff;
                }
                ulong mask = Vector512.LessThanOrEqual(ss, limit).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    list.Add(order[q + System.Numerics.BitOperations.TrailingZeroCount(mask)]);
                    mask &= mask - 1;
                }
            }
        }
        for (; q < end; q++)
        {
            double ss = 0;
            for (int j = 0; j < d; j++)
            {
                double diff = sorted[j][q] - xi[j];
                ss += diff * diff;
            }
            if (ss <= eps2) list.Add(order[q]);
        }
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
