using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// The k-means maths without validation: k-means++ seeding, Lloyd iterations and nearest-centre assignment.
/// Distances come from <see cref="Distances"/>' GEMM kernel, a block of <see cref="Block"/> rows at a time.
/// Work is split into a fixed number of segments (not threads), each reducing its own partial sums, which are
/// then added in segment order: the result is bit-identical whatever the thread count.
/// </summary>
internal static class KMeansCore
{
    /// <summary>Rows per GEMM distance block.</summary>
    internal const int Block = 256;

    /// <summary>Most segments a pass is split into (fixed, so results do not depend on the thread count).</summary>
    private const int MaxSegments = 32;

    internal sealed record Result(Matrix Centers, int[] Labels, double Inertia, int Iterations);

    internal static Result Fit(KMeans options, Matrix x, double[]? sampleWeight, FitContext context)
    {
        int n = x.Rows, d = x.Columns, k = options.Clusters;
        int threads = context.ThreadCount;
        // Centre the data, as scikit-learn does: the GEMM expansion of distances is more accurate near 0.
        var mean = Reductions.ColumnMeans(x);
        var (xc, xNorms, variances) = Centre(x, mean, threads);
        var w = sampleWeight ?? Enumerable.Repeat(1.0, n).ToArray();
        double tol = variances.Average() * options.Tol;
        var rng = new RandomSource(options.Seed);
        Result? best = null;
        for (int run = 0; run < options.NInit; run++)
        {
            context.ThrowIfCancellationRequested();
            var runRng = rng.Fork(run);
            var centers = options.Init == KMeansInit.KMeansPlusPlus
                ? PlusPlus(xc, xNorms, w, k, runRng, threads)
                : RandomRows(xc, w, k, runRng);
            var r = options.Algorithm == KMeansAlgorithm.Elkan
                ? KMeansElkan.Run(xc, w, centers, options.MaxIter, tol, threads, context)
                : Lloyd(xc, xNorms, w, centers, options.MaxIter, tol, threads, context);
            context.Report("kmeans", run + 1, options.NInit, $"run {run + 1}: inertia {r.Inertia:G6} after {r.Iterations} iterations");
            if (best is null || r.Inertia < best.Inertia) best = r;
        }
        for (int j = 0; j < k; j++) TensorPrimitives.Add(best!.Centers.Row(j), mean, best.Centers.Row(j));
        return best!;
    }

    /// <summary>
    /// X − mean, the squared norms of its rows and the population variance of each column, in one parallel pass
    /// over fixed row blocks (per-block column sums of squares added in block order). O(n·d).
    /// </summary>
    private static (Matrix Centred, double[] Norms, double[] Variances) Centre(Matrix x, double[] mean, int threads)
    {
        int n = x.Rows, d = x.Columns;
        int blocks = (n + SeedBlock - 1) / SeedBlock;
        var xc = new Matrix(n, d);
        var norms = new double[n];
        var squares = new double[blocks * d];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, b =>
        {
            var sq = squares.AsSpan(b * d, d);
            for (int i = b * SeedBlock, e = Math.Min(n, i + SeedBlock); i < e; i++)
            {
                var row = xc.Row(i);
                TensorPrimitives.Subtract(x.Row(i), mean, row);
                norms[i] = TensorPrimitives.Dot<double>(row, row);
                TensorPrimitives.MultiplyAdd(row, row, sq, sq);
            }
        });
        var variances = new double[d];
        for (int b = 0; b < blocks; b++) TensorPrimitives.Add(variances, squares.AsSpan(b * d, d), variances);
        TensorPrimitives.Divide(variances, n, variances);
        return (xc, norms, variances);
    }

    /// <summary>Rows per block of the k-means++ passes (fixed: results do not depend on the thread count).</summary>
    private const int SeedBlock = 4096;

    /// <summary>
    /// k-means++ as scikit-learn's <c>_kmeans_plusplus</c>: the first centre is a row drawn with probability ∝ w;
    /// each next one is the best (lowest resulting potential Σ w·min d²) of 2 + ⌊ln k⌋ rows drawn with
    /// probability ∝ w·d² to the nearest chosen centre. Each round is one parallel pass over fixed row blocks
    /// (distances to the candidates, per-block potentials summed in row order, then the blocks in order) and
    /// draws search the block totals first, then one block: O(n·k·d·trials) work, O(n·trials) memory.
    /// </summary>
    internal static Matrix PlusPlus(Matrix x, double[] xNorms, double[] w, int k, RandomSource rng, int threads)
    {
        int n = x.Rows, d = x.Columns;
        int trials = 2 + (int)Math.Log(k);
        int blocks = (n + SeedBlock - 1) / SeedBlock;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        var centers = new Matrix(k, d);
        var blockSum = new double[blocks];
        for (int b = 0; b < blocks; b++)
        {
            double sum = 0;
            for (int i = b * SeedBlock, e = Math.Min(n, i + SeedBlock); i < e; i++) sum += w[i];
            blockSum[b] = sum;
        }
        int first = Draw(w, default, blockSum, rng.NextDouble() * blockSum.Sum());
        x.Row(first).CopyTo(centers.Row(0));
        var closest = new double[n];
        Distances.SquaredEuclideanToFew(x, xNorms, x.RowRange(first, 1), [xNorms[first]], closest, 1, threads);
        BlockSums(w, closest, blockSum, options);
        var dist = new double[(long)n * trials];
        var ids = new int[trials];
        var candNorms = new double[trials];
        var blockPots = new double[blocks * trials];
        var pots = new double[trials];
        for (int c = 1; c < k; c++)
        {
            double pot = 0;
            foreach (double v in blockSum) pot += v;
            for (int t = 0; t < trials; t++)
            {
                ids[t] = Draw(w, closest, blockSum, rng.NextDouble() * pot);
                candNorms[t] = xNorms[ids[t]];
            }
            var cand = x.SelectRows(ids);
            Parallel.For(0, blocks, options, b =>
            {
                int r0 = b * SeedBlock, len = Math.Min(SeedBlock, n - r0);
                Distances.SquaredEuclideanToFew(x.RowRange(r0, len), xNorms.AsSpan(r0, len), cand, candNorms, dist.AsSpan(r0 * trials), trials);
                for (int t = 0; t < trials; t++)
                {
                    double sum = 0;
                    for (int i = r0; i < r0 + len; i++)
                    {
                        double ci = closest[i], di = dist[(long)i * trials + t];
                        sum += w[i] * (di < ci ? di : ci);
                    }
                    blockPots[b * trials + t] = sum;
                }
            });
            Array.Clear(pots);
            for (int b = 0; b < blocks; b++)
                for (int t = 0; t < trials; t++) pots[t] += blockPots[b * trials + t];
            int bestT = 0;
            double bestPot = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
                if (pots[t] < bestPot) { bestPot = pots[t]; bestT = t; }
            Parallel.For(0, blocks, options, b =>
            {
                double sum = 0;
                for (int i = b * SeedBlock, e = Math.Min(n, i + SeedBlock); i < e; i++)
                {
                    closest[i] = Math.Min(closest[i], dist[(long)i * trials + bestT]);
                    sum += w[i] * closest[i];
                }
                blockSum[b] = sum;
            });
            x.Row(ids[bestT]).CopyTo(centers.Row(c));
        }
        return centers;
    }

    /// <summary>blockSum[b] = Σ w·v over block b, in row order.</summary>
    private static void BlockSums(double[] w, double[] v, double[] blockSum, ParallelOptions options) =>
        Parallel.For(0, blockSum.Length, options, b =>
        {
            double sum = 0;
            for (int i = b * SeedBlock, e = Math.Min(w.Length, i + SeedBlock); i < e; i++) sum += w[i] * v[i];
            blockSum[b] = sum;
        });

    /// <summary>
    /// The row a draw <paramref name="target"/> ∈ [0, Σ w·v) lands on (v empty = 1): the first block whose running
    /// total reaches the target, then the first row inside it whose running total does (numpy's
    /// <c>searchsorted(cumsum, target)</c> taken in two levels), clipped to the last row of positive weight.
    /// </summary>
    private static int Draw(double[] w, ReadOnlySpan<double> v, double[] blockSum, double target)
    {
        int n = w.Length, blocks = blockSum.Length;
        double before = 0;
        int b = 0;
        while (b < blocks - 1 && before + blockSum[b] < target) before += blockSum[b++];
        double run = before;
        int e = Math.Min(n, (b + 1) * SeedBlock);
        for (int i = b * SeedBlock; i < e; i++)
        {
            run += v.IsEmpty ? w[i] : w[i] * v[i];
            if (run >= target) return i;
        }
        return e - 1;
    }

    /// <summary>k distinct rows drawn with probability ∝ w, without replacement (rows of zero weight only when
    /// the positive-weight rows run out).</summary>
    internal static Matrix RandomRows(Matrix x, double[] w, int k, RandomSource rng)
    {
        int n = x.Rows;
        var remaining = (double[])w.Clone();
        var taken = new bool[n];
        var cum = new double[n];
        var centers = new Matrix(k, x.Columns);
        for (int c = 0; c < k; c++)
        {
            Cumulative(remaining, default, cum);
            int i = cum[n - 1] > 0 ? SearchSorted(cum, rng.NextDouble() * cum[n - 1]) : 0;
            while (taken[i] || (cum[n - 1] > 0 && remaining[i] == 0)) i = (i + 1) % n;
            taken[i] = true;
            remaining[i] = 0;
            x.Row(i).CopyTo(centers.Row(c));
        }
        return centers;
    }

    /// <summary>Lloyd iterations from <paramref name="centers"/> (taken over), as scikit-learn's
    /// <c>_kmeans_single_lloyd</c>: stops when labels repeat (strict convergence) or the squared centre shift is
    /// at most <paramref name="tol"/>; then relabels with the final centres unless strictly converged.</summary>
    internal static Result Lloyd(Matrix x, double[] xNorms, double[] w, Matrix centers, int maxIter, double tol, int threads, FitContext context)
    {
        int n = x.Rows, k = centers.Rows;
        var labels = new int[n];
        var labelsOld = new int[n];
        Array.Fill(labels, -1);
        Array.Fill(labelsOld, -1);
        var minDist = new double[n];
        var next = new Matrix(k, x.Columns);
        bool strict = false;
        int iter = 0;
        for (; iter < maxIter; iter++)
        {
            context.ThrowIfCancellationRequested();
            Step(x, xNorms, w, centers, labels, minDist, next, threads);
            double shift = 0;
            for (int j = 0; j < k; j++) shift += Distances.SquaredEuclidean(next.Row(j), centers.Row(j));
            (centers, next) = (next, centers);
            if (labels.AsSpan().SequenceEqual(labelsOld))
            {
                strict = true;
                break;
            }
            if (shift <= tol) break;
            labels.CopyTo(labelsOld, 0);
        }
        if (!strict) Step(x, xNorms, w, centers, labels, minDist, null, threads);
        double inertia = 0;
        for (int i = 0; i < n; i++) inertia += w[i] * Distances.SquaredEuclidean(x.Row(i), centers.Row(labels[i]));
        return new Result(centers, labels, inertia, Math.Min(iter + 1, maxIter));
    }

    /// <summary>
    /// Assigns every row to its nearest centre (labels, squared distances) and, when <paramref name="next"/> is
    /// given, writes the weighted means of the new clusters there (empty clusters relocated to the rows
    /// farthest from their centres, as scikit-learn's <c>_relocate_empty_clusters</c>).
    /// </summary>
    internal static void Step(Matrix x, double[] xNorms, double[] w, Matrix centers, int[] labels, double[] minDist,
        Matrix? next, int threads)
    {
        int n = x.Rows, d = x.Columns, k = centers.Rows;
        var cNorms = Reductions.RowSquaredNorms(centers);
        int blocks = (n + Block - 1) / Block;
        int segments = Math.Min(blocks, MaxSegments);
        bool update = next is not null;
        var sums = update ? new double[segments * k * d] : [];
        var wsum = update ? new double[segments * k] : [];
        Parallel.For(0, segments, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, s =>
        {
            int b0 = (int)((long)blocks * s / segments), b1 = (int)((long)blocks * (s + 1) / segments);
            var buf = new double[Block * k];
            var mySums = update ? sums.AsSpan(s * k * d, k * d) : default;
            var myW = update ? wsum.AsSpan(s * k, k) : default;
            for (int b = b0; b < b1; b++)
            {
                int r0 = b * Block, len = Math.Min(Block, n - r0);
                Distances.SquaredEuclideanToFew(x.RowRange(r0, len), xNorms.AsSpan(r0, len), centers, cNorms, buf, k);
                for (int i = 0; i < len; i++)
                {
                    var row = buf.AsSpan(i * k, k);
                    int j = TensorPrimitives.IndexOfMin<double>(row);
                    labels[r0 + i] = j;
                    minDist[r0 + i] = row[j];
                    if (update)
                    {
                        double wi = w[r0 + i];
                        TensorPrimitives.MultiplyAdd(x.Row(r0 + i), wi, mySums.Slice(j * d, d), mySums.Slice(j * d, d));
                        myW[j] += wi;
                    }
                }
            }
        });
        if (!update) return;
        var total = next!.AsSpan();
        total.Clear();
        var weightIn = new double[k];
        for (int s = 0; s < segments; s++)
        {
            TensorPrimitives.Add(total, sums.AsSpan(s * k * d, k * d), total);
            TensorPrimitives.Add(weightIn, wsum.AsSpan(s * k, k), weightIn);
        }
        RelocateEmpty(x, w, labels, minDist, next, weightIn);
        for (int j = 0; j < k; j++)
            if (weightIn[j] > 0) TensorPrimitives.Divide(next.Row(j), weightIn[j], next.Row(j));
    }

    internal static void RelocateEmpty(Matrix x, double[] w, int[] labels, double[] minDist, Matrix sums, double[] weightIn)
    {
        var empty = Enumerable.Range(0, weightIn.Length).Where(j => weightIn[j] == 0).ToArray();
        if (empty.Length == 0) return;
        // The rows farthest from their centres (ties by lower index), one per empty cluster.
        var far = Enumerable.Range(0, x.Rows).OrderByDescending(i => minDist[i]).ThenBy(i => i).Take(empty.Length).ToArray();
        for (int e = 0; e < empty.Length && e < far.Length; e++)
        {
            int i = far[e], from = labels[i], to = empty[e];
            double wi = w[i];
            TensorPrimitives.MultiplyAdd(x.Row(i), -wi, sums.Row(from), sums.Row(from));
            TensorPrimitives.Multiply(x.Row(i), wi, sums.Row(to));
            weightIn[to] = wi;
            weightIn[from] -= wi;
        }
    }

    /// <summary>Nearest centre of each row (labels and squared distances), in parallel blocks.</summary>
    internal static void Assign(Matrix x, Matrix centers, int[] labels, double[] minDist, int threads) =>
        Step(x, Reductions.RowSquaredNorms(x), [], centers, labels, minDist, null, threads);

    /// <summary>cum[i] = Σ_{j≤i} w[j]·v[j] (v empty = 1), summed in order (numpy's cumsum).</summary>
    private static void Cumulative(double[] w, ReadOnlySpan<double> v, double[] cum)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++)
        {
            s += v.IsEmpty ? w[i] : w[i] * v[i];
            cum[i] = s;
        }
    }

    /// <summary>numpy.searchsorted(cum, value, side="left") clipped to the last index.</summary>
    private static int SearchSorted(double[] cum, double value)
    {
        int lo = 0, hi = cum.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return Math.Min(lo, cum.Length - 1);
    }
}
