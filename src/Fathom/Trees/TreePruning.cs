namespace Fathom.Trees;

/// <summary>
/// Minimal cost-complexity pruning (Breiman et al., CART ch. 3; scikit-learn's <c>ccp_alpha</c>). With
/// R(t) = w_t · impurity_t / w_root the weighted impurity of node t and R(T_t) the sum of R over the leaves of the
/// subtree rooted at t, the effective α of an internal node is (R(t) − R(T_t)) / (|leaves(T_t)| − 1). Weakest-link
/// pruning repeatedly collapses the internal node of smallest effective α (the first in node order on ties) into a
/// leaf, until that α exceeds the requested one (pruning) or the root is a leaf (the path).
/// </summary>
/// <remarks>Cost: O(n_nodes) per pruning step, O(n_nodes²) for a whole path, as scikit-learn.</remarks>
internal static class TreePruning
{
    /// <summary>The pruning path of a fully grown tree: the effective α at which each successive subtree appears
    /// (starting at 0) and the total leaf impurity Σ R(leaf) of that subtree (scikit-learn's
    /// <c>cost_complexity_pruning_path</c>).</summary>
    internal static (double[] Alphas, double[] Impurities) Path(Tree tree)
    {
        var alphas = new List<double>();
        var impurities = new List<double>();
        Run(tree, double.PositiveInfinity, alphas, impurities);
        return (alphas.ToArray(), impurities.ToArray());
    }

    /// <summary>The tree pruned with parameter <paramref name="alpha"/> (nodes renumbered depth-first, left first).</summary>
    internal static Tree Prune(Tree tree, double alpha)
    {
        var isLeaf = Run(tree, alpha, null, null);
        return Rebuild(tree, isLeaf);
    }

    /// <summary>Weakest-link pruning; stops when the smallest effective α exceeds <paramref name="alpha"/>. Returns
    /// which nodes are leaves of the pruned tree (nodes below them are dropped).</summary>
    private static bool[] Run(Tree tree, double alpha, List<double>? alphas, List<double>? impurities)
    {
        int n = tree.NodeCount;
        var parent = new int[n];
        parent[0] = -1;
        var rNode = new double[n];
        var rBranch = new double[n];
        var leaves = new int[n];
        var candidate = new bool[n];
        var isLeaf = new bool[n];
        double total = tree.Weighted[0];
        for (int i = 0; i < n; i++)
        {
            rNode[i] = tree.Weighted[i] * tree.Impurity[i] / total;
            if (tree.Left[i] >= 0)
            {
                parent[tree.Left[i]] = i;
                parent[tree.Right[i]] = i;
                candidate[i] = true;
            }
            else isLeaf[i] = true;
        }
        for (int leaf = 0; leaf < n; leaf++)
        {
            if (!isLeaf[leaf]) continue;
            rBranch[leaf] = rNode[leaf];
            double r = rNode[leaf];
            for (int node = leaf; node != 0;)
            {
                int p = parent[node];
                rBranch[p] += r;
                leaves[p]++;
                node = p;
            }
        }
        alphas?.Add(0.0);
        impurities?.Add(rBranch[0]);
        var stack = new Stack<int>();
        while (candidate[0])
        {
            double effective = double.MaxValue;
            int pruned = -1;
            for (int i = 0; i < n; i++)
            {
                if (!candidate[i]) continue;
                double a = (rNode[i] - rBranch[i]) / (leaves[i] - 1);
                if (a < effective)
                {
                    effective = a;
                    pruned = i;
                }
            }
            if (alpha < effective) break;
            // Collapse the subtree under `pruned`.
            stack.Push(pruned);
            while (stack.Count > 0)
            {
                int node = stack.Pop();
                if (node != pruned) isLeaf[node] = false;
                candidate[node] = false;
                if (tree.Left[node] >= 0)
                {
                    stack.Push(tree.Left[node]);
                    stack.Push(tree.Right[node]);
                }
            }
            isLeaf[pruned] = true;
            int removed = leaves[pruned] - 1;
            leaves[pruned] = 0;
            double diff = rNode[pruned] - rBranch[pruned];
            rBranch[pruned] = rNode[pruned];
            for (int node = parent[pruned]; node >= 0; node = parent[node])
            {
                leaves[node] -= removed;
                rBranch[node] += diff;
            }
            alphas?.Add(effective);
            impurities?.Add(rBranch[0]);
        }
        return isLeaf;
    }

    /// <summary>Copies the nodes that stay (root down to the new leaves), numbered depth-first with the left child first.</summary>
    private static Tree Rebuild(Tree tree, bool[] isLeaf)
    {
        int width = tree.ValueWidth;
        var feature = new List<int>();
        var threshold = new List<double>();
        var left = new List<int>();
        var right = new List<int>();
        var impurity = new List<double>();
        var samples = new List<int>();
        var weighted = new List<double>();
        var value = new List<double>();
        var missing = new List<bool>();
        var stack = new Stack<(int Node, int Parent, bool IsLeft)>();
        stack.Push((0, -1, false));
        while (stack.Count > 0)
        {
            var (node, par, isLeft) = stack.Pop();
            int id = feature.Count;
            bool leaf = isLeaf[node];
            feature.Add(leaf ? -1 : tree.Feature[node]);
            threshold.Add(leaf ? double.NaN : tree.Threshold[node]);
            left.Add(-1);
            right.Add(-1);
            impurity.Add(tree.Impurity[node]);
            samples.Add(tree.Samples[node]);
            weighted.Add(tree.Weighted[node]);
            value.AddRange(tree.Value.AsSpan(node * width, width).ToArray());
            missing.Add(!leaf && tree.MissingLeft[node]);
            if (par >= 0)
            {
                if (isLeft) left[par] = id;
                else right[par] = id;
            }
            if (!leaf)
            {
                stack.Push((tree.Right[node], id, false));
                stack.Push((tree.Left[node], id, true));
            }
        }
        bool normalize = !ReferenceEquals(tree.Output, tree.Value);
        return new Tree(feature.ToArray(), threshold.ToArray(), left.ToArray(), right.ToArray(), impurity.ToArray(),
            samples.ToArray(), weighted.ToArray(), value.ToArray(), width, normalize, missing.ToArray());
    }
}
