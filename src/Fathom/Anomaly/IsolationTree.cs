using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Anomaly;

/// <summary>
/// One isolation tree while it is grown, and the flat node layout the model scores with. A node holds the split
/// feature (−1 for a leaf), the index of its left child (the right child follows it) and either the threshold
/// (rows with value ≤ threshold go left) or, for a leaf, the path length depth + c(m) it adds.
/// </summary>
internal sealed class IsolationTree
{
    /// <summary>scikit-learn's FEATURE_THRESHOLD: a feature whose range in a node is at most this is constant there.</summary>
    private const double ConstantRange = 1e-7;

    private readonly List<IsolationNode> _nodes = [];

    /// <summary>The nodes, root first.</summary>
    public IReadOnlyList<IsolationNode> Nodes => _nodes;

    /// <summary>
    /// Grows a tree: draws ψ rows (without replacement, or with it when bootstrapping; a row drawn twice counts once,
    /// as scikit-learn's weighted rows do), drops zero-weight rows, draws the tree's features, then splits at random.
    /// </summary>
    public static IsolationTree Grow(Matrix x, double[]? weights, int psi, int features, bool bootstrap, int maxDepth, RandomSource rng)
    {
        int n = x.Rows, p = x.Columns;
        int[] rows;
        if (bootstrap)
        {
            var seen = new bool[n];
            var list = new List<int>(psi);
            for (int i = 0; i < psi; i++)
            {
                int r = rng.NextInt(n);
                if (!seen[r]) { seen[r] = true; list.Add(r); }
            }
            list.Sort();
            rows = [.. list];
        }
        else rows = SampleWithoutReplacement(rng, n, psi);
        if (weights is not null) rows = rows.Where(r => weights[r] != 0).ToArray();
        var feats = features >= p ? Enumerable.Range(0, p).ToArray() : SampleWithoutReplacement(rng, p, features);

        // Copy the drawn rows (only the tree's features) so that growth touches a small, contiguous block.
        int m = rows.Length, f = feats.Length;
        var data = new double[m * f];
        for (int i = 0; i < m; i++)
        {
            var row = x.Row(rows[i]);
            for (int j = 0; j < f; j++) data[i * f + j] = row[feats[j]];
        }
        var order = Enumerable.Range(0, m).ToArray();
        var tree = new IsolationTree();
        var candidates = Enumerable.Range(0, f).ToArray();
        tree._nodes.Add(default);
        tree.Split(0, data, f, feats, order, 0, m, 0, maxDepth, candidates, f, rng);
        return tree;
    }

    /// <summary>Grows node <paramref name="node"/> on rows order[start..end); the first <paramref name="live"/> entries of
    /// <paramref name="candidates"/> are the features not yet known to be constant.</summary>
    private void Split(int node, double[] data, int f, int[] feats, int[] order, int start, int end, int depth, int maxDepth,
        int[] candidates, int live, RandomSource rng)
    {
        int count = end - start;
        if (depth >= maxDepth || count < 2)
        {
            _nodes[node] = Leaf(depth, count);
            return;
        }
        int[] local = (int[])candidates.Clone();
        int feature = -1;
        double lo = 0, hi = 0;
        while (live > 0)
        {
            int pick = rng.NextInt(live);
            int j = local[pick];
            lo = double.PositiveInfinity;
            hi = double.NegativeInfinity;
            for (int i = start; i < end; i++)
            {
                double v = data[order[i] * f + j];
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
            if (hi > lo + ConstantRange)
            {
                feature = j;
                break;
            }
            live--;
            (local[pick], local[live]) = (local[live], local[pick]);
        }
        if (feature < 0)
        {
            _nodes[node] = Leaf(depth, count);
            return;
        }
        double threshold = lo + (hi - lo) * rng.NextDouble();
        if (threshold == hi) threshold = lo;
        int mid = start;
        for (int i = start; i < end; i++)
        {
            if (data[order[i] * f + feature] <= threshold)
            {
                (order[i], order[mid]) = (order[mid], order[i]);
                mid++;
            }
        }
        int left = _nodes.Count;
        _nodes.Add(default);
        _nodes.Add(default);
        _nodes[node] = new IsolationNode(feats[feature], left, threshold);
        Split(left, data, f, feats, order, start, mid, depth + 1, maxDepth, local, live, rng);
        Split(left + 1, data, f, feats, order, mid, end, depth + 1, maxDepth, local, live, rng);
    }

    private static IsolationNode Leaf(int depth, int count) => new(-1, -1, depth + IsolationForest.AveragePathLength(count));

    /// <summary>k distinct values of 0 … n−1 (a partial Fisher–Yates shuffle), in draw order.</summary>
    internal static int[] SampleWithoutReplacement(RandomSource rng, int n, int k)
    {
        if (k >= n)
        {
            var all = rng.Permutation(n);
            return all;
        }
        // Sparse Fisher–Yates: only the swapped positions are remembered, so the cost is O(k) whatever n.
        var swapped = new Dictionary<int, int>(2 * k);
        var result = new int[k];
        for (int i = 0; i < k; i++)
        {
            int j = i + rng.NextInt(n - i);
            int vi = swapped.TryGetValue(i, out int a) ? a : i;
            int vj = swapped.TryGetValue(j, out int b) ? b : j;
            swapped[j] = vi;
            result[i] = vj;
        }
        return result;
    }

    /// <summary>All trees' nodes in one array, with each tree's root index.</summary>
    public static (IsolationNode[] Nodes, int[] Roots) Flatten(IsolationTree[] trees)
    {
        var roots = new int[trees.Length];
        var nodes = new List<IsolationNode>();
        for (int t = 0; t < trees.Length; t++)
        {
            int offset = nodes.Count;
            roots[t] = offset;
            foreach (var node in trees[t]._nodes)
                nodes.Add(node.Feature < 0 ? node : node with { Left = node.Left + offset });
        }
        return ([.. nodes], roots);
    }
}

/// <summary>One node of an isolation tree: split feature (−1 for a leaf), left child index (the right child is the next
/// node), and the threshold, or for a leaf its path length.</summary>
internal readonly record struct IsolationNode(int Feature, int Left, double Value);
