using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// HDBSCAN* without validation (Campello, Moulavi &amp; Sander 2013): core distances from the shared k-NN index,
/// Prim's minimum spanning tree of the mutual-reachability graph computed on the fly (O(n²·d) time, O(n) memory),
/// the single-linkage tree, the condensed tree, stabilities, excess-of-mass or leaf selection and the labels,
/// membership probabilities and GLOSH outlier scores, following scikit-learn 1.3's rules for the selection,
/// labelling and probabilities. One difference, on ties only: when several merges happen at exactly the same
/// distance, the condensed tree splits all of them at once (the paper's definition: the components left when every
/// edge of that weight is removed), so the result does not depend on which of several equal-weight spanning trees
/// was found; scikit-learn binarizes such ties in an arbitrary order.
/// </summary>
internal static class HdbscanCore
{
    /// <summary>
    /// Distance of the <paramref name="k"/>-th nearest row of every row, itself counted (k = min_samples). Euclidean:
    /// the exact k-th smallest of the pair distances summed in feature order (the same values the spanning tree and
    /// SciPy/scikit-learn's trees compute, so that mathematically equal distances that round differently rank as
    /// there): the index returns k + 8 candidates, and a row whose candidates are all tied falls back to every row.
    /// </summary>
    internal static double[] CoreDistances(Matrix x, NearestNeighbors index, int k, int threads, double[]? squared = null)
    {
        int n = x.Rows;
        var core = new double[n];
        if (k <= 1) return core;
        bool euclidean = index.Metric == NeighborMetric.Euclidean;
        int kk = euclidean ? Math.Min(n, k + 8) : k;
        var nb = index.Search(x, kk, threads);
        if (!euclidean)
        {
            for (int i = 0; i < n; i++) core[i] = nb.Distances[i, k - 1];
            return core;
        }
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, () => new double[kk], (i, _, d) =>
        {
            var ids = nb.IndicesOf(i);
            // Squared distances summed in feature order; √ is monotone and correctly rounded, so √ of the k-th smallest
            // square is the k-th smallest distance.
            for (int j = 0; j < kk; j++) d[j] = Distances.SquaredEuclideanInOrder(x.Row(i), x.Row(ids[j]));
            Array.Sort(d);
            double dk = d[k - 1];
            if (kk < n && d[kk - 1] <= dk * (1 + 2e-9))
            {
                var all = new double[n];
                for (int j = 0; j < n; j++) all[j] = Distances.SquaredEuclideanInOrder(x.Row(i), x.Row(j));
                Array.Sort(all);
                dk = all[k - 1];
            }
            if (squared is not null) squared[i] = dk;
            core[i] = Math.Sqrt(dk);
            return d;
        }, _ => { });
        return core;
    }

    /// <summary>The metric's distance between two rows; Euclidean summed in feature order (bit-identical to SciPy's cdist).</summary>
    internal static double PairDistance(NearestNeighbors index, ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        index.Metric == NeighborMetric.Euclidean ? Math.Sqrt(Distances.SquaredEuclideanInOrder(a, b)) : index.Distance(a, b);

    /// <summary>
    /// Prim's algorithm on the complete mutual-reachability graph, max(core_i, core_j, d(i, j) / α), grown from row 0.
    /// The rows not yet in the tree are kept packed (coordinates, core distance, best weight so far) so each step scans
    /// contiguous memory; each step relaxes them against the newest row in parallel segments, and the next row is the one
    /// with the smallest (weight, row index) — the same whatever the thread count. Euclidean with α = 1 works on squared
    /// values (exact: √ is monotone and correctly rounded, so √max(a², b², c²) = max(a, b, c) bit for bit).
    /// O(n²·d) time, O(n·d) memory.
    /// </summary>
    internal static (int[] A, int[] B, double[] W) MinimumSpanningTree(Matrix x, NearestNeighbors index, double[] core, double[]? coreSquared,
        double alpha, FitContext context)
    {
        int n = x.Rows, d = x.Columns;
        bool squared = index.Metric == NeighborMetric.Euclidean && alpha == 1.0 && coreSquared is not null;
        var coords = new double[(long)n * d]; // packed rows of the points outside the tree
        for (int i = 0; i < n; i++) x.Row(i).CopyTo(coords.AsSpan(i * d, d));
        var id = new int[n];
        var pos = new int[n];
        var c = new double[n];
        var best = new double[n];
        for (int i = 0; i < n; i++)
        {
            id[i] = i;
            pos[i] = i;
            c[i] = squared ? coreSquared![i] : core[i];
        }
        Array.Fill(best, double.PositiveInfinity);
        var za = new int[n - 1];
        var zb = new int[n - 1];
        var zw = new double[n - 1];
        var from = new double[d];
        int count = n, cur = 0;
        int threads = context.ThreadCount;
        int segments = Math.Max(1, Math.Min(16, n / 4096)); // by size only: the same segments whatever the thread count
        var segMin = new double[segments];
        var segArg = new int[segments];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (int k = 0; k < n - 1; k++)
        {
            if ((k & 1023) == 0) context.ThrowIfCancellationRequested();
            // Take cur out of the packed set: the last packed point moves into its place.
            int p = pos[cur], last = count - 1;
            Array.Copy(coords, (long)p * d, from, 0, d);
            double cFrom = c[p];
            if (p != last)
            {
                Array.Copy(coords, (long)last * d, coords, (long)p * d, d);
                id[p] = id[last];
                c[p] = c[last];
                best[p] = best[last];
                pos[id[p]] = p;
            }
            count--;
            int m = count;
            Action<int> relax = s =>
            {
                int i0 = (int)((long)m * s / segments), i1 = (int)((long)m * (s + 1) / segments);
                ReadOnlySpan<double> q = from;
                double min = double.PositiveInfinity;
                int arg = -1;
                for (int i = i0; i < i1; i++)
                {
                    var row = coords.AsSpan(i * d, d);
                    double w;
                    if (squared) w = Distances.SquaredEuclideanInOrder(q, row);
                    else
                    {
                        w = PairDistance(index, q, row);
                        if (alpha != 1.0) w /= alpha;
                    }
                    if (cFrom > w) w = cFrom;
                    if (c[i] > w) w = c[i];
                    if (w < best[i]) best[i] = w;
                    double b = best[i];
                    if (arg < 0 || b < min || (b == min && id[i] < id[arg]))
                    {
                        min = b;
                        arg = i;
                    }
                }
                segMin[s] = min;
                segArg[s] = arg;
            };
            if (segments == 1) relax(0);
            else Parallel.For(0, segments, options, relax);
            double wMin = double.PositiveInfinity;
            int y = -1;
            for (int s = 0; s < segments; s++)
            {
                int a = segArg[s];
                if (a < 0) continue;
                if (y < 0 || segMin[s] < wMin || (segMin[s] == wMin && id[a] < id[y]))
                {
                    wMin = segMin[s];
                    y = a;
                }
            }
            za[k] = cur;
            zb[k] = id[y];
            zw[k] = squared ? Math.Sqrt(wMin) : wMin;
            cur = id[y];
        }
        return (za, zb, zw);
    }

    /// <summary>The condensed tree and its stabilities (selection not yet made: <see cref="CondensedTree.SelectedClusters"/> empty).</summary>
    internal static (List<int> Parent, List<int> Child, List<double> Lambda, List<int> Size, int Clusters) Condense(Dendrogram tree, int minClusterSize)
    {
        int n = tree.LeafCount;
        var left = tree.Left;
        var right = tree.Right;
        var dist = tree.Distances;
        var counts = tree.Counts;
        var parent = new List<int>();
        var child = new List<int>();
        var lambda = new List<double>();
        var size = new List<int>();
        int next = n + 1;
        if (n < 2) return (parent, child, lambda, size, 1);
        int Size(int node) => node < n ? 1 : counts[node - n];
        var queue = new Queue<(int Node, int Cluster)>();
        queue.Enqueue((2 * n - 2, n));
        var components = new List<int>();
        var stack = new Stack<int>();
        while (queue.Count > 0)
        {
            var (node, cluster) = queue.Dequeue();
            double w = dist[node - n];
            double lam = w > 0 ? 1.0 / w : double.PositiveInfinity;
            // The components left when every edge of weight w is removed: expand the merges at exactly w.
            components.Clear();
            stack.Push(node);
            while (stack.Count > 0)
            {
                int v = stack.Pop();
                if (v >= n && dist[v - n] == w)
                {
                    stack.Push(right[v - n]);
                    stack.Push(left[v - n]);
                }
                else components.Add(v);
            }
            int big = 0, bigNode = -1;
            foreach (int c in components)
                if (Size(c) >= minClusterSize) { big++; bigNode = c; }
            foreach (int c in components)
            {
                if (Size(c) >= minClusterSize)
                {
                    if (big == 1) continue;
                    int id = next++;
                    parent.Add(cluster); child.Add(id); lambda.Add(lam); size.Add(Size(c));
                    queue.Enqueue((c, id));
                }
                else
                {
                    // Every row of a too-small component falls out of the cluster here.
                    stack.Push(c);
                    while (stack.Count > 0)
                    {
                        int v = stack.Pop();
                        if (v < n) { parent.Add(cluster); child.Add(v); lambda.Add(lam); size.Add(1); }
                        else { stack.Push(right[v - n]); stack.Push(left[v - n]); }
                    }
                }
            }
            if (big == 1) queue.Enqueue((bigNode, cluster));
        }
        return (parent, child, lambda, size, next - n);
    }

    /// <summary>Σ over each cluster's entries of (λ − λ_birth(cluster)) · child size.</summary>
    internal static double[] Stabilities(int n, int clusters, List<int> parent, List<int> child, List<double> lambda, List<int> size)
    {
        var birth = new double[clusters];
        for (int e = 0; e < child.Count; e++)
            if (child[e] >= n) birth[child[e] - n] = lambda[e];
        var s = new double[clusters];
        for (int e = 0; e < parent.Count; e++)
            s[parent[e] - n] += (lambda[e] - birth[parent[e] - n]) * size[e];
        return s;
    }

    /// <summary>
    /// The flat clusters (scikit-learn 1.3's <c>_get_clusters</c> rules): excess of mass bottom up, or the leaves of the
    /// cluster tree; then, with ε &gt; 0, each choice born below ε is replaced by its closest ancestor born above ε.
    /// </summary>
    internal static int[] Select(int n, int clusters, List<int> parent, List<int> child, List<double> lambda, List<int> size, double[] stabilityIn,
        HdbscanSelection method, bool allowSingle, double epsilon, int? maxClusterSize)
    {
        int root = n;
        var stability = (double[])stabilityIn.Clone();
        var kids = new List<int>[clusters];
        var clusterParent = new int[clusters];
        var birthLambda = new double[clusters];
        var clusterSize = new int[clusters];
        for (int c = 0; c < clusters; c++) kids[c] = [];
        clusterParent[0] = -1;
        bool anySplit = false;
        for (int e = 0; e < child.Count; e++)
            if (size[e] > 1)
            {
                int c = child[e] - n;
                kids[parent[e] - n].Add(child[e]);
                clusterParent[c] = parent[e];
                birthLambda[c] = lambda[e];
                clusterSize[c] = size[e];
                anySplit = true;
            }
        // As scikit-learn: the root's size is the summed size of its child clusters.
        foreach (int c in kids[0]) clusterSize[0] += clusterSize[c - n];
        var isCluster = new bool[clusters];
        int last = allowSingle ? 0 : 1;
        for (int c = clusters - 1; c >= last; c--) isCluster[c] = true;
        long maxSize = maxClusterSize is int m && m > 0 ? m : (long)n + 1;
        if (method == HdbscanSelection.Eom)
        {
            for (int c = clusters - 1; c >= last; c--)
            {
                double sub = 0;
                foreach (int k in kids[c]) sub += stability[k - n];
                if (sub > stability[c] || clusterSize[c] > maxSize)
                {
                    isCluster[c] = false;
                    stability[c] = sub;
                }
                else
                {
                    foreach (int d in Descendants(kids, c + n, n)) isCluster[d - n] = false;
                }
            }
            if (epsilon != 0 && anySplit)
            {
                var chosen = Enumerable.Range(0, clusters).Where(c => isCluster[c]).Select(c => c + n).ToList();
                List<int> selected;
                if (chosen.Count == 1 && chosen[0] == root) selected = allowSingle ? chosen : [];
                else selected = EpsilonSearch(chosen, kids, clusterParent, birthLambda, n, epsilon, allowSingle);
                Array.Clear(isCluster);
                foreach (int c in selected) isCluster[c - n] = true;
            }
        }
        else
        {
            var leaves = new List<int>();
            if (anySplit)
                for (int c = 1; c < clusters; c++)
                    if (kids[c].Count == 0) leaves.Add(c + n);
            // With no split there are no leaves, and (as in scikit-learn) nothing is selected: every row is noise.
            var selected = epsilon != 0 ? EpsilonSearch(leaves, kids, clusterParent, birthLambda, n, epsilon, allowSingle) : leaves;
            Array.Clear(isCluster);
            foreach (int c in selected) isCluster[c - n] = true;
        }
        return Enumerable.Range(0, clusters).Where(c => isCluster[c]).Select(c => c + n).ToArray();
    }

    /// <summary>All clusters below <paramref name="cluster"/> (not itself).</summary>
    private static IEnumerable<int> Descendants(List<int>[] kids, int cluster, int n)
    {
        var stack = new Stack<int>(kids[cluster - n]);
        while (stack.Count > 0)
        {
            int c = stack.Pop();
            yield return c;
            foreach (int k in kids[c - n]) stack.Push(k);
        }
    }

    /// <summary>Each candidate born at a distance below ε is replaced by its nearest ancestor born above ε (the root only
    /// when a single cluster is allowed; otherwise the child of the root); the others stay.</summary>
    private static List<int> EpsilonSearch(List<int> candidates, List<int>[] kids, int[] clusterParent, double[] birthLambda, int n,
        double epsilon, bool allowSingle)
    {
        var selected = new List<int>();
        var processed = new HashSet<int>();
        foreach (int leaf in candidates)
        {
            double eps = 1.0 / birthLambda[leaf - n];
            if (eps < epsilon)
            {
                if (processed.Contains(leaf)) continue;
                int up = leaf;
                while (true)
                {
                    int p = clusterParent[up - n];
                    if (p == n)
                    {
                        if (allowSingle) up = p;
                        break;
                    }
                    if (1.0 / birthLambda[p - n] > epsilon)
                    {
                        up = p;
                        break;
                    }
                    up = p;
                }
                selected.Add(up);
                foreach (int d in Descendants(kids, up, n)) processed.Add(d);
            }
            else selected.Add(leaf);
        }
        return selected.Distinct().ToList();
    }

    /// <summary>
    /// Labels (index of the row's nearest selected ancestor cluster among the selected ones, −1 = noise), membership
    /// probabilities (λ_p / λ_max of the cluster's direct entries, clipped at 1) and GLOSH outlier scores
    /// ((λ_max(subtree) − λ_p) / λ_max(subtree) of the cluster the row falls out of).
    /// </summary>
    internal static (int[] Labels, double[] Probabilities, double[] Outlier) Label(int n, int clusters, List<int> parent, List<int> child,
        List<double> lambda, int[] selected, bool allowSingle, double epsilon)
    {
        var labels = new int[n];
        var prob = new double[n];
        var outlier = new double[n];
        Array.Fill(labels, -1);
        if (clusters == 0 || parent.Count == 0) return (labels, prob, outlier);
        var labelOf = new int[clusters];
        Array.Fill(labelOf, -1);
        for (int i = 0; i < selected.Length; i++) labelOf[selected[i] - n] = i;
        var clusterParent = new int[clusters];
        clusterParent[0] = -1;
        var pointParent = new int[n];
        var pointLambda = new double[n];
        var deaths = new double[clusters]; // max λ of each cluster's direct entries
        var rootEntries = double.NegativeInfinity;
        for (int e = 0; e < child.Count; e++)
        {
            int c = child[e];
            if (c >= n) clusterParent[c - n] = parent[e];
            else { pointParent[c] = parent[e]; pointLambda[c] = lambda[e]; }
            deaths[parent[e] - n] = Math.Max(deaths[parent[e] - n], lambda[e]);
            if (parent[e] == n) rootEntries = Math.Max(rootEntries, lambda[e]);
        }
        bool single = selected.Length == 1 && allowSingle;
        for (int p = 0; p < n; p++)
        {
            int c = pointParent[p];
            while (c != n && labelOf[c - n] < 0) c = clusterParent[c - n];
            int label = -1;
            if (c != n) label = labelOf[c - n];
            else if (single && labelOf[0] >= 0)
            {
                double threshold = epsilon != 0 ? 1.0 / epsilon : rootEntries;
                if (pointLambda[p] >= threshold) label = labelOf[0];
            }
            labels[p] = label;
            if (label >= 0)
            {
                double maxLambda = deaths[selected[label] - n];
                prob[p] = maxLambda == 0 || !double.IsFinite(pointLambda[p]) ? 1.0 : Math.Min(pointLambda[p], maxLambda) / maxLambda;
            }
        }
        // GLOSH: the largest λ anywhere below each cluster, children before parents (children are numbered higher).
        var subtreeMax = (double[])deaths.Clone();
        for (int c = clusters - 1; c >= 1; c--)
        {
            int pc = clusterParent[c] - n;
            if (subtreeMax[c] > subtreeMax[pc]) subtreeMax[pc] = subtreeMax[c];
        }
        for (int p = 0; p < n; p++)
        {
            double lmax = subtreeMax[pointParent[p] - n];
            outlier[p] = lmax == 0 || !double.IsFinite(lmax) || !double.IsFinite(pointLambda[p]) ? 0.0 : (lmax - pointLambda[p]) / lmax;
        }
        return (labels, prob, outlier);
    }
}
