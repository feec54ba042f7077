using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Boosting;

/// <summary>
/// The learned state shared by both boosting models: the baseline raw prediction (one value per tree of an
/// iteration), the trees iteration by iteration (tree k of iteration t at index t·K + k) and the validation scores
/// of early stopping. Raw prediction of a row = baseline + Σ tree outputs. Immutable.
/// </summary>
internal sealed class BoostedEnsemble
{
    /// <summary>Rows per prediction block (their descent state stays in L1).</summary>
    private const int Block = 256;

    public BoostedEnsemble(double[] baseline, BoostedTree[] trees, int treesPerIteration, int featureCount, double[]? validationScores)
    {
        Baseline = baseline;
        Trees = trees;
        TreesPerIteration = treesPerIteration;
        FeatureCount = featureCount;
        ValidationScores = validationScores;
    }

    public double[] Baseline { get; }
    public BoostedTree[] Trees { get; }
    public int TreesPerIteration { get; }
    public int FeatureCount { get; }
    public double[]? ValidationScores { get; }
    public int Iterations => Trees.Length / TreesPerIteration;

    /// <summary>Σ split gains per feature over all trees, normalized to sum 1 (all zero without splits).</summary>
    public double[] Importances()
    {
        var imp = new double[FeatureCount];
        foreach (var t in Trees)
            for (int i = 0; i < t.NodeCount; i++)
                if (t.Left[i] >= 0) imp[t.Feature[i]] += t.Gain[i];
        double total = imp.Sum();
        if (total > 0) for (int j = 0; j < imp.Length; j++) imp[j] /= total;
        return imp;
    }

    /// <summary>Raw predictions after <paramref name="iterations"/> iterations, row-major n × K. Blocks of rows in
    /// parallel, each block descending one tree at a time (<see cref="BoostedTree.AddTo"/>).</summary>
    public Matrix Raw(Matrix x, int iterations)
    {
        var result = new Matrix(x.Rows, TreesPerIteration);
        for (int i = 0; i < x.Rows; i++) Baseline.CopyTo(result.Row(i));
        AddIterations(x, 0, iterations, result);
        return result;
    }

    /// <summary>Raw predictions after each iteration 1, 2, …: each yielded matrix is a new n × K matrix.</summary>
    public IEnumerable<Matrix> StagedRaw(Matrix x)
    {
        var current = new Matrix(x.Rows, TreesPerIteration);
        for (int i = 0; i < x.Rows; i++) Baseline.CopyTo(current.Row(i));
        for (int t = 0; t < Iterations; t++)
        {
            AddIterations(x, t, t + 1, current);
            yield return current.Clone();
        }
    }

    /// <summary>Adds the outputs of iterations [from, to) to <paramref name="result"/> (n × K), each row's trees in
    /// iteration order (so the sums are those of adding tree by tree). O(n · (to − from) · K · depth).</summary>
    private void AddIterations(Matrix x, int from, int to, Matrix result)
    {
        int n = x.Rows, K = TreesPerIteration, stride = x.Stride, p = x.Columns;
        Parallel.For(0, (n + Block - 1) / Block, c =>
        {
            int a = c * Block, count = Math.Min(Block, n - a);
            var rows = x.Storage.AsSpan(x.Offset + a * stride, (count - 1) * stride + p);
            Span<double> sums = stackalloc double[Block];
            Span<int> at = stackalloc int[Block];
            Span<int> active = stackalloc int[Block];
            for (int k = 0; k < K; k++)
            {
                for (int i = 0; i < count; i++) sums[i] = result[a + i, k];
                for (int t = from; t < to; t++) Trees[t * K + k].AddTo(rows, stride, count, sums, at, active);
                for (int i = 0; i < count; i++) result[a + i, k] = sums[i];
            }
        });
    }

    /// <summary>Writes the state as flat little-endian arrays.</summary>
    public void WriteTo(ModelWriter writer)
    {
        writer.SetProperty("trees_per_iteration", TreesPerIteration);
        writer.WriteDoubles("baseline", Baseline);
        writer.WriteDoubles("validation_scores", ValidationScores ?? []);
        writer.WriteInts("tree_nodes", Trees.Select(t => t.NodeCount).ToArray());
        writer.WriteInts("node_feature", Trees.SelectMany(t => t.Feature).ToArray());
        writer.WriteDoubles("node_threshold", Trees.SelectMany(t => t.Threshold).ToArray());
        writer.WriteInts("node_missing_left", Trees.SelectMany(t => t.MissingLeft.Select(b => b ? 1 : 0)).ToArray());
        writer.WriteInts("node_left", Trees.SelectMany(t => t.Left).ToArray());
        writer.WriteInts("node_right", Trees.SelectMany(t => t.Right).ToArray());
        writer.WriteDoubles("node_value", Trees.SelectMany(t => t.Value).ToArray());
        writer.WriteDoubles("node_gain", Trees.SelectMany(t => t.Gain).ToArray());
        if (Trees.Any(t => t.CategorySet is not null))
        {
            // Categorical splits (written only when there are any, so files without them stay as before): per node
            // the global index of its category set or −1, and each set as 8 × 64 bits stored as 16 ints.
            var sets = new List<int>();
            var bits = new List<int>();
            int offset = 0;
            foreach (var t in Trees)
            {
                for (int i = 0; i < t.NodeCount; i++)
                    sets.Add(t.CategorySet is null || t.CategorySet[i] < 0 ? -1 : offset + t.CategorySet[i]);
                if (t.CategoryBits is null) continue;
                foreach (ulong w in t.CategoryBits)
                {
                    bits.Add(unchecked((int)(uint)w));
                    bits.Add(unchecked((int)(uint)(w >> 32)));
                }
                offset += t.CategoryBits.Length / BoostedTree.SetWords;
            }
            writer.SetProperty("category_sets", offset);
            writer.WriteInts("node_category_set", sets.ToArray());
            writer.WriteInts("category_bits", bits.ToArray());
        }
    }

    /// <summary>Reads and checks the state written by <see cref="WriteTo"/>.</summary>
    /// <exception cref="ModelFormatException">Inconsistent arrays or a node pointing outside its tree.</exception>
    public static BoostedEnsemble ReadFrom(ModelReader reader, int featureCount, int expectedK)
    {
        int K = reader.GetInt("trees_per_iteration");
        if (K != expectedK) throw Damaged("the number of trees per iteration does not match the classes");
        var baseline = reader.ReadDoubles("baseline", K);
        var scores = reader.ReadDoubles("validation_scores");
        var counts = reader.ReadInts("tree_nodes");
        if (counts.Length % K != 0 || counts.Any(c => c < 1)) throw Damaged("the tree sizes are not valid");
        long total = counts.Sum(c => (long)c);
        if (total > int.MaxValue) throw Damaged("the trees are too large");
        int m = (int)total;
        var feature = reader.ReadInts("node_feature", m);
        var threshold = reader.ReadDoubles("node_threshold", m);
        var missing = reader.ReadInts("node_missing_left", m);
        var left = reader.ReadInts("node_left", m);
        var right = reader.ReadInts("node_right", m);
        var value = reader.ReadDoubles("node_value", m);
        var gain = reader.ReadDoubles("node_gain", m);
        int[]? nodeSet = null;
        ulong[]? allBits = null;
        if (reader.HasProperty("category_sets"))
        {
            int setCount = reader.GetInt("category_sets");
            if (setCount < 0) throw Damaged("the number of category sets is negative");
            nodeSet = reader.ReadInts("node_category_set", m);
            var words = reader.ReadInts("category_bits", setCount * BoostedTree.SetWords * 2);
            allBits = new ulong[setCount * BoostedTree.SetWords];
            for (int j = 0; j < allBits.Length; j++) allBits[j] = (uint)words[2 * j] | ((ulong)(uint)words[2 * j + 1] << 32);
            if (nodeSet.Any(v => v < -1 || v >= setCount)) throw Damaged("a node names a category set that does not exist");
        }
        var trees = new BoostedTree[counts.Length];
        int offset = 0;
        for (int t = 0; t < counts.Length; t++)
        {
            int c = counts[t];
            for (int i = 0; i < c; i++)
            {
                int l = left[offset + i], r = right[offset + i];
                bool leaf = l < 0;
                if (leaf ? r >= 0 : l <= i || r <= i || l >= c || r >= c || feature[offset + i] < 0 || feature[offset + i] >= featureCount
                    || double.IsNaN(threshold[offset + i]))
                    throw Damaged("a tree node points outside its tree");
            }
            int[]? treeSets = null;
            ulong[]? treeBits = null;
            if (nodeSet is not null)
            {
                // Renumber this tree's sets from 0 and copy their bits.
                var local = nodeSet[offset..(offset + c)];
                var distinct = local.Where(v => v >= 0).Distinct().Order().ToList();
                if (distinct.Count > 0)
                {
                    treeSets = local.Select(v => v < 0 ? -1 : distinct.IndexOf(v)).ToArray();
                    treeBits = distinct.SelectMany(v => allBits!.AsSpan(v * BoostedTree.SetWords, BoostedTree.SetWords).ToArray()).ToArray();
                    for (int i = 0; i < c; i++)
                        if (treeSets[i] >= 0 && left[offset + i] < 0) throw Damaged("a leaf has a category set");
                }
            }
            trees[t] = new BoostedTree(feature[offset..(offset + c)], threshold[offset..(offset + c)],
                missing[offset..(offset + c)].Select(v => v != 0).ToArray(), left[offset..(offset + c)], right[offset..(offset + c)],
                value[offset..(offset + c)], gain[offset..(offset + c)], treeSets, treeBits);
            offset += c;
        }
        return new BoostedEnsemble(baseline, trees, K, featureCount, scores.Length > 0 ? scores : null);
    }

    private static ModelFormatException Damaged(string what) => new($"The model file is damaged: {what} (gradient boosting).");
}
