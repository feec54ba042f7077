using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// What random forests share: per-tree seeds, bootstrap weights, parallel growth, averaged predictions and
/// out-of-bag accumulation. Tree t draws everything (its bootstrap sample, then its per-node feature draws) from
/// its own <see cref="RandomSource"/>, seeded by the t-th fork of the forest's seed, so the forest does not
/// depend on the thread count or on which thread grows which tree.
/// </summary>
internal static class ForestCore
{
    /// <summary>One seed per tree, from <c>new RandomSource(seed).Fork(t)</c> taken in tree order.</summary>
    internal static long[] TreeSeeds(int seed, int trees)
    {
        var master = new RandomSource(seed);
        var seeds = new long[trees];
        for (int t = 0; t < trees; t++) seeds[t] = unchecked((long)master.Fork(t).NextUInt64());
        return seeds;
    }

    /// <summary>oob_score needs bootstrap: without it every row is in every tree.</summary>
    internal static void CheckOob(bool oobScore, bool bootstrap, string who)
    {
        if (oobScore && !bootstrap)
            throw new InvalidHyperparameterException("oob_score", $"{who}: oob_score needs bootstrap = true (every row is in every tree otherwise).");
    }

    /// <summary>Warns when <paramref name="unscored"/> rows were in every bootstrap sample (no out-of-bag prediction).</summary>
    internal static void WarnUnscored(FitContext context, int unscored, string who)
    {
        if (unscored > 0)
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"{who}: {unscored} rows were in every bootstrap sample and have no out-of-bag prediction; use more trees for a reliable oob_score."));
    }

    /// <summary>Presorts the data, seeds and grows the trees. <paramref name="randomSplits"/> makes extra trees
    /// (one random threshold per candidate feature); a tree gets its random source when it splits at random or draws
    /// fewer features than there are, null otherwise. <paramref name="build"/> grows one tree from the data, the
    /// settings, the row weights, their total and the random source.</summary>
    internal static (Tree[] Trees, long[] Seeds, TreeData Data) GrowForest(Matrix x, TreeSettings settings, bool randomSplits,
        int trees, int seed, bool bootstrap, int draws, double[] baseWeights,
        Func<TreeData, TreeSettings, double[], double, RandomSource?, Tree> build, FitContext context, string who)
    {
        if (randomSplits) settings = settings with { RandomSplits = true };
        var data = TreeData.From(x, presort: true, context.ThreadCount, who);
        var seeds = TreeSeeds(seed, trees);
        bool random = randomSplits || settings.MaxFeatures < x.Columns;
        var grown = Grow(trees, seeds, baseWeights, bootstrap, draws,
            (w, total, rng) => build(data, settings, w, total, random ? rng : null), context);
        return (grown, seeds, data);
    }

    /// <summary>scikit-learn's bootstrap size: all rows when null; a fraction f ∈ (0, 1] gives max(1, round(f·n));
    /// a value above 1 is a row count (must be a whole number ≤ n).</summary>
    internal static int BootstrapSize(double? maxSamples, int n, string who)
    {
        if (maxSamples is not double v) return n;
        if (v <= 1.0) return Math.Max(1, (int)Math.Round(v * n, MidpointRounding.ToEven));
        if (v != Math.Floor(v) || v > n)
            throw new InvalidHyperparameterException("max_samples",
                $"{who}: max_samples = {v} is not valid for {n} rows; give a fraction in (0, 1] or a whole row count from 2 to {n}.");
        return (int)v;
    }

    /// <summary>How many times each row is drawn in <paramref name="draws"/> draws with replacement.</summary>
    internal static int[] BootstrapCounts(RandomSource rng, int n, int draws)
    {
        var counts = new int[n];
        for (int i = 0; i < draws; i++) counts[rng.NextInt(n)]++;
        return counts;
    }

    /// <summary>Grows all trees in parallel (up to <see cref="FitContext.ThreadCount"/> at once). <paramref name="grow"/>
    /// receives the row weights (base weights × bootstrap counts), their total and the tree's random source.</summary>
    internal static Tree[] Grow(int trees, long[] seeds, double[] baseWeights, bool bootstrap, int draws,
        Func<double[], double, RandomSource, Tree> grow, FitContext context)
    {
        var result = new Tree[trees];
        int n = baseWeights.Length;
        int done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, context.ThreadCount),
            CancellationToken = context.CancellationToken,
        };
        Parallel.For(0, trees, options, t =>
        {
            var rng = new RandomSource(seeds[t]);
            var w = new double[n];
            double total = 0;
            if (bootstrap)
            {
                var counts = BootstrapCounts(rng, n, draws);
                for (int i = 0; i < n; i++) { w[i] = baseWeights[i] * counts[i]; total += w[i]; }
            }
            else
            {
                for (int i = 0; i < n; i++) { w[i] = baseWeights[i]; total += w[i]; }
            }
            result[t] = grow(w, total, rng);
            context.Report("trees", Interlocked.Increment(ref done), trees);
        });
        return result;
    }

    /// <summary>Rows out of tree t's bootstrap sample (count 0), redrawn from its seed.</summary>
    internal static bool[] OutOfBag(long seed, int n, int draws)
    {
        var counts = BootstrapCounts(new RandomSource(seed), n, draws);
        return Array.ConvertAll(counts, c => c == 0);
    }

    /// <summary>Rows per prediction block: up to 1,024 (the more rows share a walk of a tree, the more often its nodes
    /// are found in cache), with the block's rows as floats kept under 128 KiB so they stay in the second-level cache,
    /// and at least two blocks per thread so the threads share the work. Measured on the random_forest bench (80k-row
    /// trees of ~6,500 leaves): 256 rows per block took about 1.3× the CPU time of 1,024; 2,048 was no faster.</summary>
    private static int BlockRows(int rows, int features, int threads)
    {
        int byCache = 128 * 1024 / (4 * Math.Max(1, features));
        int bySharing = (rows + 2 * threads - 1) / (2 * threads);
        return Math.Clamp(Math.Min(byCache, bySharing), 16, 1024);
    }

    /// <summary>Σ over trees (in tree order) of each row's leaf output, divided by the tree count. Rows are cut into
    /// blocks (<see cref="BlockRows"/>), predicted in parallel; within a block each tree in turn routes all the block's rows
    /// (<see cref="Tree.Leaves"/>), so the top of the tree stays in cache and the rows' node loads overlap. Every row
    /// adds its trees' outputs in tree order, so the result does not depend on the blocking or the thread count.
    /// Width = classes (probabilities) or 1 (regression).</summary>
    internal static Matrix Average(Tree[] trees, Matrix x, int width, int threads)
    {
        int n = x.Rows, p = x.Columns;
        var result = new Matrix(n, width);
        if (n == 0) return result;
        threads = Math.Max(1, threads);
        int block = BlockRows(n, p, threads);
        int blocks = (n + block - 1) / block;
        double count = trees.Length;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (Rows: new float[block * p], Leaf: new int[block], Active: new int[block]),
            (b, _, scratch) =>
            {
                int r0 = b * block, m = Math.Min(block, n - r0);
                var rows = scratch.Rows;
                for (int i = 0; i < m; i++)
                {
                    var src = x.Row(r0 + i);
                    var dst = rows.AsSpan(i * p, p);
                    for (int j = 0; j < p; j++) dst[j] = (float)src[j];
                }
                var acc = result.AsSpan().Slice(r0 * width, m * width);
                foreach (var tree in trees)
                {
                    tree.Leaves(rows, p, m, scratch.Leaf, scratch.Active);
                    var output = tree.LeafOutput;
                    if (width == 1)
                    {
                        for (int i = 0; i < m; i++) acc[i] += output[scratch.Leaf[i]];
                    }
                    else
                    {
                        for (int i = 0; i < m; i++)
                        {
                            var o = output.AsSpan(scratch.Leaf[i] * width, width);
                            var a = acc.Slice(i * width, width);
                            for (int k = 0; k < width; k++) a[k] += o[k];
                        }
                    }
                }
                for (int i = 0; i < acc.Length; i++) acc[i] /= count;
                return scratch;
            },
            _ => { });
        return result;
    }

    /// <summary>Out-of-bag sums: per row, Σ of the leaf outputs of the trees that did not see it, and how many
    /// there were. Trees are visited in order, so the sums are deterministic.</summary>
    internal static (double[] Sum, int[] Count) OutOfBagSums(Tree[] trees, long[] seeds, TreeData data, int draws, int width)
    {
        int n = data.Rows, p = data.Features;
        var sum = new double[n * width];
        var count = new int[n];
        var row = new double[p];
        for (int t = 0; t < trees.Length; t++)
        {
            var oob = OutOfBag(seeds[t], n, draws);
            for (int i = 0; i < n; i++)
            {
                if (!oob[i]) continue;
                for (int j = 0; j < p; j++) row[j] = data.Columns[j][i];
                int leaf = trees[t].Leaf(row);
                for (int k = 0; k < width; k++) sum[i * width + k] += trees[t].Output[leaf * width + k];
                count[i]++;
            }
        }
        return (sum, count);
    }

    /// <summary>Mean of the trees' normalized importances over trees with more than one node, normalized again
    /// (scikit-learn's forest <c>feature_importances_</c>).</summary>
    internal static double[] Importances(Tree[] trees, int features)
    {
        var imp = new double[features];
        int used = 0;
        foreach (var tree in trees)
        {
            if (tree.NodeCount <= 1) continue;
            var ti = tree.Importances(features);
            for (int j = 0; j < features; j++) imp[j] += ti[j];
            used++;
        }
        if (used == 0) return imp;
        for (int j = 0; j < features; j++) imp[j] /= used;
        Tree.Normalize(imp);
        return imp;
    }
}
