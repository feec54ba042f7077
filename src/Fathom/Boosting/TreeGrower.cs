
namespace Fathom.Boosting;

/// <summary>
/// Grows one regression tree on binned data, leaf-wise (best-first) as scikit-learn's <c>TreeGrower</c>: the leaf
/// whose best split gains most is split next, until <c>max_leaf_nodes</c> leaves, <c>max_depth</c>, or no leaf has
/// a split with positive gain. Split gain (scikit-learn / LightGBM, no ½ factor):
/// G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ); leaf value −G/(H+λ) × learning rate.
/// </summary>
/// <remarks>
/// Each node owns a contiguous range of a row-index buffer, partitioned in place (stably) when it splits. A node's
/// histogram (gradient sum, hessian sum, count per feature and bin) is built from its rows only for the smaller
/// child; the larger child's is parent − smaller. Features are processed in parallel, each feature's histogram by
/// one thread in row order, so the result does not depend on the thread count. One grower serves all trees of a
/// fit (buffers are reused).
/// </remarks>
internal sealed class TreeGrower
{
    private readonly byte[] _binned;
    private readonly int _n, _p, _bins, _missingBin;
    private readonly int[] _nonMissing;
    private readonly bool[] _hasMissing;
    private readonly double[][] _thresholds;
    private readonly GrowerSettings _s;
    private readonly ParallelOptions _parallel;
    private readonly int[] _rows, _scratch;
    private readonly float[] _gOrdered, _hOrdered;
    private readonly Stack<HistogramBin[]> _pool = new();
    private readonly List<Node> _nodes = [];

    private sealed class Node
    {
        public int Start, Count, Depth, Left = -1, Right = -1;
        public double G, H, Value;
        public HistogramBin[]? Hist;
        public Split? Best;
    }

    private sealed class Split
    {
        public double Gain, GL, HL, GR, HR;
        public int Feature, Bin, NL, NR;
        public bool MissingLeft;
    }

    public TreeGrower(byte[] binned, int n, BinMapper mapper, bool[] hasMissing, GrowerSettings settings, int threads)
    {
        _binned = binned;
        _n = n;
        _thresholds = mapper.Thresholds;
        _p = _thresholds.Length;
        _missingBin = mapper.MissingBin;
        _bins = _missingBin + 1;
        _nonMissing = new int[_p];
        for (int f = 0; f < _p; f++) _nonMissing[f] = mapper.NonMissingBins(f);
        _hasMissing = hasMissing;
        _s = settings;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        _rows = new int[n];
        _scratch = new int[n];
        _gOrdered = new float[n];
        _hOrdered = new float[n];
    }

    /// <summary>Grows a tree on the given gradients and hessians (length n) and adds each training row's leaf value
    /// to <paramref name="raw"/> (length n).</summary>
    public BoostedTree Grow(ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian, Span<double> raw)
    {
        for (int i = 0; i < _n; i++) _rows[i] = i;
        _nodes.Clear();
        double g = 0, h = 0;
        for (int i = 0; i < _n; i++)
        {
            g += gradient[i];
            h += hessian[i];
        }
        var root = new Node { Start = 0, Count = _n, Depth = 0, G = g, H = h };
        _nodes.Add(root);
        root.Value = LeafValue(g, h);
        var splittable = new List<int>();
        if (root.Count >= 2 * _s.MinSamplesLeaf && root.H >= _s.MinHessianToSplit && !AtMaxDepth(0) && _s.MaxLeafNodes != 1)
        {
            root.Hist = Rent();
            BuildHistogram(root, gradient, hessian, isRoot: true);
            FindSplit(root);
            if (root.Best is not null) splittable.Add(0);
        }
        int leaves = 1;
        while (splittable.Count > 0 && (_s.MaxLeafNodes is not int max || leaves < max))
        {
            int pick = 0;
            for (int j = 1; j < splittable.Count; j++)
                if (_nodes[splittable[j]].Best!.Gain > _nodes[splittable[pick]].Best!.Gain) pick = j;
            int id = splittable[pick];
            splittable.RemoveAt(pick);
            var (left, right) = SplitNode(id);
            leaves++;
            bool full = _s.MaxLeafNodes is int m && leaves >= m;
            var node = _nodes[id];
            bool leftSplits = !full && CanSplit(left), rightSplits = !full && CanSplit(right);
            if (leftSplits || rightSplits)
            {
                var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
                small.Hist = Rent();
                BuildHistogram(small, gradient, hessian, isRoot: false);
                large.Hist = Rent();
                Subtract(node.Hist!, small.Hist, large.Hist);
                if (leftSplits) FindSplit(left);
                if (rightSplits) FindSplit(right);
                if (left.Best is not null) splittable.Add(node.Left);
                if (right.Best is not null) splittable.Add(node.Right);
            }
            Return(node);
            if (left.Best is null) Return(left);
            if (right.Best is null) Return(right);
        }
        foreach (int id in splittable) Return(_nodes[id]);
        return Finish(raw);
    }

    private bool AtMaxDepth(int depth) => _s.MaxDepth is int d && depth >= d;

    private bool CanSplit(Node node) =>
        node.Count >= 2 * _s.MinSamplesLeaf && node.H >= _s.MinHessianToSplit && !AtMaxDepth(node.Depth);

    private double LeafValue(double g, double h) => -g / (h + _s.L2Regularization) * _s.LearningRate;

    private HistogramBin[] Rent()
    {
        if (_pool.TryPop(out var hist)) return hist;
        return new HistogramBin[_p * _bins];
    }

    private void Return(Node node)
    {
        if (node.Hist is null) return;
        _pool.Push(node.Hist);
        node.Hist = null;
    }

    private void BuildHistogram(Node node, ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian, bool isRoot)
    {
        int start = node.Start, count = node.Count;
        float[] g, h;
        if (isRoot)
        {
            g = _gOrdered;
            h = _hOrdered;
            gradient.CopyTo(g);
            hessian.CopyTo(h);
        }
        else
        {
            g = _gOrdered;
            h = _hOrdered;
            for (int k = 0; k < count; k++)
            {
                int r = _rows[start + k];
                g[k] = gradient[r];
                h[k] = hessian[r];
            }
        }
        var hist = node.Hist!;
        Parallel.For(0, _p, _parallel, f =>
        {
            var bins = hist.AsSpan(f * _bins, _bins);
            bins.Clear();
            var col = _binned.AsSpan(f * _n, _n);
            if (isRoot) HistogramKernels.Dense(col, g.AsSpan(0, count), h.AsSpan(0, count), bins);
            else HistogramKernels.Gather(col, _rows.AsSpan(start, count), g.AsSpan(0, count), h.AsSpan(0, count), bins);
        });
    }

    private void Subtract(HistogramBin[] parent, HistogramBin[] small, HistogramBin[] large)
    {
        for (int j = 0; j < parent.Length; j++)
        {
            large[j].Gradient = parent[j].Gradient - small[j].Gradient;
            large[j].Hessian = parent[j].Hessian - small[j].Hessian;
            large[j].Count = parent[j].Count - small[j].Count;
        }
    }

    private void FindSplit(Node node)
    {
        var best = new Split?[_p];
        Parallel.For(0, _p, _parallel, f => best[f] = FeatureSplit(node, f));
        Split? winner = null;
        foreach (var s in best)
            if (s is not null && (winner is null || s.Gain > winner.Gain)) winner = s;
        node.Best = winner;
    }

    /// <summary>Best split of one feature (scikit-learn's two scans: missing values right, then, if the feature has
    /// missing values, missing values left), or null if none has positive gain.</summary>
    private Split? FeatureSplit(Node node, int f)
    {
        var bins = node.Hist.AsSpan(f * _bins, _bins);
        double l2 = _s.L2Regularization, minH = _s.MinHessianToSplit;
        int msl = _s.MinSamplesLeaf;
        double G = node.G, H = node.H;
        int N = node.Count;
        double parent = G * G / (H + l2);
        double bestGain = 0;
        int bestBin = -1;
        bool bestMissingLeft = false;
        bool hasMissing = _hasMissing[f];
        int nonMissing = _nonMissing[f];
        int end = nonMissing - 1 + (hasMissing ? 1 : 0);
        double gl = 0, hl = 0;
        int nl = 0;
        for (int b = 0; b < end; b++)
        {
            gl += bins[b].Gradient;
            hl += bins[b].Hessian;
            nl += bins[b].Count;
            int nr = N - nl;
            if (nl < msl) continue;
            if (nr < msl) break;
            double hr = H - hl;
            if (hl < minH) continue;
            if (hr < minH) break;
            double gr = G - gl;
            double gain = gl * gl / (hl + l2) + gr * gr / (hr + l2) - parent;
            if (gain > bestGain)
            {
                bestGain = gain;
                bestBin = b;
                bestMissingLeft = false;
            }
        }
        if (hasMissing)
        {
            double gr = 0, hr = 0;
            int nr = 0;
            for (int b = nonMissing - 2; b >= 0; b--)
            {
                gr += bins[b + 1].Gradient;
                hr += bins[b + 1].Hessian;
                nr += bins[b + 1].Count;
                int nlm = N - nr;
                if (nr < msl) continue;
                if (nlm < msl) break;
                double hlm = H - hr;
                if (hr < minH) continue;
                if (hlm < minH) break;
                double glm = G - gr;
                double gain = glm * glm / (hlm + l2) + gr * gr / (hr + l2) - parent;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    bestBin = b;
                    bestMissingLeft = true;
                }
            }
        }
        if (bestBin < 0) return null;
        // Recompute the sides of the chosen split from the histogram.
        double sg = 0, sh = 0;
        int sn = 0;
        for (int b = 0; b <= bestBin; b++)
        {
            sg += bins[b].Gradient;
            sh += bins[b].Hessian;
            sn += bins[b].Count;
        }
        if (bestMissingLeft)
        {
            sg += bins[_missingBin].Gradient;
            sh += bins[_missingBin].Hessian;
            sn += bins[_missingBin].Count;
        }
        return new Split
        {
            Gain = bestGain, Feature = f, Bin = bestBin, MissingLeft = bestMissingLeft,
            GL = sg, HL = sh, NL = sn, GR = G - sg, HR = H - sh, NR = N - sn,
        };
    }

    private (Node Left, Node Right) SplitNode(int id)
    {
        var node = _nodes[id];
        var s = node.Best!;
        var col = _binned.AsSpan(s.Feature * _n, _n);
        var rows = _rows.AsSpan(node.Start, node.Count);
        int bin = s.Bin, missing = _missingBin;
        bool missingLeft = s.MissingLeft;
        int nl = 0, nr = 0;
        for (int k = 0; k < rows.Length; k++)
        {
            int r = rows[k];
            int b = col[r];
            bool goLeft = b == missing ? missingLeft : b <= bin;
            if (goLeft) rows[nl++] = r;
            else _scratch[nr++] = r;
        }
        _scratch.AsSpan(0, nr).CopyTo(rows[nl..]);
        if (!_hasMissing[s.Feature]) s.MissingLeft = nl > nr; // unseen missing values follow the larger child
        var left = new Node { Start = node.Start, Count = nl, Depth = node.Depth + 1, G = s.GL, H = s.HL, Value = LeafValue(s.GL, s.HL) };
        var right = new Node { Start = node.Start + nl, Count = nr, Depth = node.Depth + 1, G = s.GR, H = s.HR, Value = LeafValue(s.GR, s.HR) };
        node.Left = _nodes.Count;
        _nodes.Add(left);
        node.Right = _nodes.Count;
        _nodes.Add(right);
        return (left, right);
    }

    private BoostedTree Finish(Span<double> raw)
    {
        int m = _nodes.Count;
        var feature = new int[m];
        var threshold = new double[m];
        var missingLeft = new bool[m];
        var left = new int[m];
        var right = new int[m];
        var value = new double[m];
        var gain = new double[m];
        for (int i = 0; i < m; i++)
        {
            var node = _nodes[i];
            left[i] = node.Left;
            right[i] = node.Right;
            if (node.Left >= 0)
            {
                var s = node.Best!;
                feature[i] = s.Feature;
                var t = _thresholds[s.Feature];
                threshold[i] = s.Bin < t.Length ? t[s.Bin] : double.PositiveInfinity;
                missingLeft[i] = s.MissingLeft;
                gain[i] = s.Gain;
            }
            else
            {
                value[i] = node.Value;
                foreach (int r in _rows.AsSpan(node.Start, node.Count)) raw[r] += node.Value;
            }
        }
        return new BoostedTree(feature, threshold, missingLeft, left, right, value, gain);
    }
}
