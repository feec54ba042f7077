
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
    private readonly int[] _rows, _scratch, _leftScratch;
    private readonly int[] _blocks;
    private readonly float[] _ghOrdered;
    private readonly Stack<HistogramBin[]> _pool = new();
    private readonly List<Node> _nodes = [];
    private float[]? _gradient, _hessian;
    private int _offset;

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
        _blocks = FeatureBlocks(_p, Math.Max(1, threads));
        _rows = new int[n];
        _scratch = new int[n + 1];
        _leftScratch = new int[n + 1];
        _ghOrdered = new float[2 * n];
    }

    /// <summary>Grows a tree on the gradients and hessians at [offset, offset + n) of the given arrays and adds each training row's leaf value
    /// to <paramref name="raw"/> (length n).</summary>
    public BoostedTree Grow(float[] gradientAll, float[] hessianAll, int offset, Span<double> raw)
    {
        _gradient = gradientAll;
        _hessian = hessianAll;
        _offset = offset;
        var gradient = gradientAll.AsSpan(offset, _n);
        var hessian = hessianAll.AsSpan(offset, _n);
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
                var (small, large) = left.Count < right.Count ? (left, right) : (right, left); // as scikit-learn: ties build the right child
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

    /// <summary>Splits the features into contiguous blocks of at most 4 (one kernel pass each), with a block count that
    /// is a multiple of the thread count so that threads get equal work. Returns the block starts plus p.</summary>
    private static int[] FeatureBlocks(int p, int threads)
    {
        int blocks = (p + 3) / 4;
        blocks = Math.Min(p, (blocks + threads - 1) / threads * threads);
        var starts = new int[blocks + 1];
        for (int b = 0; b <= blocks; b++) starts[b] = (int)((long)p * b / blocks);
        return starts;
    }

    private bool AtMaxDepth(int depth) => _s.MaxDepth is int d && depth >= d;

    private bool CanSplit(Node node) =>
        node.Count >= 2 * _s.MinSamplesLeaf && node.H >= _s.MinHessianToSplit && !AtMaxDepth(node.Depth);

    private double LeafValue(double g, double h) => NodeValue(g, h) * _s.LearningRate;

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
        var gh = _ghOrdered;
        const int chunk = 16_384;
        var (ga, ha, off, root) = (_gradient!, _hessian!, _offset, isRoot);
        Parallel.For(0, (count + chunk - 1) / chunk, _parallel, c =>
        {
            for (int k = c * chunk, end = Math.Min(count, (c + 1) * chunk); k < end; k++)
            {
                int r = (root ? k : _rows[start + k]) + off;
                gh[2 * k] = ga[r];
                gh[2 * k + 1] = ha[r];
            }
        });
        var hist = node.Hist!;
        var blocks = _blocks;
        Parallel.For(0, blocks.Length - 1, _parallel, b =>
        {
            int first = blocks[b], features = blocks[b + 1] - first;
            hist.AsSpan(first * _bins, features * _bins).Clear();
            HistogramKernels.Build(_binned, _n, first, features, isRoot ? default : _rows.AsSpan(start, count),
                gh.AsSpan(0, 2 * count), hist, _bins);
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
        double minH = _s.MinHessianToSplit;
        int msl = _s.MinSamplesLeaf;
        double G = node.G, H = node.H;
        int N = node.Count;
        double parent = G * NodeValue(G, H);
        Split? best = null;
        double bestGain = 0;
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
            double gain = Gain(parent, gl, hl, gr, hr);
            if (gain > bestGain)
            {
                bestGain = gain;
                best = new Split { Gain = gain, Feature = f, Bin = b, MissingLeft = false, GL = gl, HL = hl, NL = nl, GR = gr, HR = hr, NR = nr };
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
                double gain = Gain(parent, glm, hlm, gr, hr);
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = new Split { Gain = gain, Feature = f, Bin = b, MissingLeft = true, GL = glm, HL = hlm, NL = nlm, GR = gr, HR = hr, NR = nr };
                }
            }
        }
        return best;
    }

    /// <summary>Unshrunk node value −G/(H + λ + 1e−15), scikit-learn's <c>compute_node_value</c> (the 1e−15 guards H = 0).</summary>
    private double NodeValue(double g, double h) => -g / (h + _s.L2Regularization + 1e-15);

    /// <summary>Split gain, evaluated in scikit-learn's order so that near-tied candidates are ranked identically:
    /// loss(node) − loss(left) − loss(right) with loss(side) = G · value(side) = −G²/(H + λ).</summary>
    private double Gain(double parent, double gl, double hl, double gr, double hr)
    {
        double gain = parent;
        gain -= gl * NodeValue(gl, hl);
        gain -= gr * NodeValue(gr, hr);
        return gain;
    }

    private (Node Left, Node Right) SplitNode(int id)
    {
        var node = _nodes[id];
        var s = node.Best!;
        var col = _binned.AsSpan(s.Feature * _n, _n);
        int start = node.Start, count = node.Count;
        int parts = count >= 65_536 ? _parallel.MaxDegreeOfParallelism : 1;
        var leftCounts = new int[parts];
        // Each part partitions its slice of the rows into the two scratch buffers (stable, branch-free: every row is
        // written to both sides and only the matching cursor advances); the slices are then concatenated, lefts
        // first. The result is the same stable partition whatever the number of parts.
        Parallel.For(0, parts, _parallel, part =>
        {
            int a = start + (int)((long)count * part / parts), b = start + (int)((long)count * (part + 1) / parts);
            var col = _binned.AsSpan(s.Feature * _n, _n);
            int bin = s.Bin, missing = _missingBin, missingLeft = s.MissingLeft ? 1 : 0;
            int nl = a, nr = a;
            var rows = _rows;
            var leftBuf = _leftScratch;
            var rightBuf = _scratch;
            for (int k = a; k < b; k++)
            {
                int r = rows[k];
                int bk = col[r];
                int goLeft = bk == missing ? missingLeft : (bk <= bin ? 1 : 0);
                leftBuf[nl] = r;
                rightBuf[nr] = r;
                nl += goLeft;
                nr += 1 - goLeft;
            }
            leftCounts[part] = nl - a;
        });
        int nl = 0;
        foreach (int c in leftCounts) nl += c;
        int nr = count - nl;
        int leftAt = start, rightAt = start + nl;
        for (int part = 0; part < parts; part++)
        {
            int a = start + (int)((long)count * part / parts), b = start + (int)((long)count * (part + 1) / parts);
            int l = leftCounts[part], r = b - a - l;
            _leftScratch.AsSpan(a, l).CopyTo(_rows.AsSpan(leftAt));
            _scratch.AsSpan(a, r).CopyTo(_rows.AsSpan(rightAt));
            leftAt += l;
            rightAt += r;
        }
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
