using System.Runtime.CompilerServices;
using Fathom.Core;

namespace Fathom.Boosting;

/// <summary>Recomputes the unshrunk value of a leaf from the training rows it holds (losses whose leaf values are
/// not the Newton step, e.g. the median for absolute error).</summary>
internal delegate double LeafValueUpdate(ReadOnlySpan<int> rows);

/// <summary>
/// Grows one regression tree leaf-wise (best-first) on binned features, as scikit-learn's <c>TreeGrower</c>: the
/// leaf with the largest split gain is split next until max_leaf_nodes leaves exist or no leaf can be split (depth,
/// min_samples_leaf, min hessian, no positive gain). Leaf values are −G/(H + λ), clipped to the monotonic bounds,
/// times the learning rate.
/// </summary>
/// <remarks>
/// The bins are in four-feature row-interleaved blocks (<see cref="BinMapper.Index"/>). Each node owns a contiguous
/// range of <see cref="NodeRowStore"/> holding its rows' bin words, gradient pairs and ids physically, in ascending row
/// order; a split partitions them stably into the next work set (one parallel region: the streams are the work
/// items), so every histogram pass is a sequential read. A node's histogram is built from its rows only for the
/// smaller child; the larger child's is parent − smaller. A second parallel region per split does the histogram, the
/// subtraction and the split search of both children: the feature blocks are the work items, and each feature's
/// histogram is summed by one thread in row order, so the result does not depend on the thread count. One grower
/// serves all trees of a fit (buffers and histograms are pooled).
/// </remarks>
internal sealed class TreeGrower
{
    /// <summary>Fewest (rows × features) for which a histogram is built on several threads.</summary>
    private const long ParallelWork = 1 << 14;

    /// <summary>Fewest rows for which a node is partitioned on several threads.</summary>
    private const int ParallelRows = 4_096;

    private readonly byte[] _binned;
    private readonly int _n, _p, _bins, _missingBin, _blockCount;
    private readonly int[] _nonMissing;
    private readonly bool[] _hasMissing, _categorical;
    private readonly double[][] _thresholds;
    private readonly GrowerSettings _s;
    private readonly WorkerTeam _team;
    private readonly int _threads;
    /// <summary>The tree's (gradient, hessian) float pairs by row, and those of the node being histogrammed in its
    /// row order (gathered when the node is made).</summary>
    private readonly ulong[] _gh, _ghOrdered;
    private readonly NodeRowStore _store;
    private readonly byte[] _mask;
    private readonly int[] _sample, _outOfSample;
    private int _outOfSampleCount;
    private readonly Stack<HistogramBin[]> _pool = new();
    private readonly List<Node> _nodes = [];
    private readonly Split?[] _bestA, _bestB;
    private readonly bool[] _inTree;
    private int[] _features = [];
    private int[] _treeBlocks = [];
    private (int Block, int J0, int Count)[][] _items = [];
    private RandomSource? _nodeRandom;

    private sealed class Node
    {
        /// <summary>The <see cref="NodeRowStore"/> set holding the node's rows at [Start, Start + Count).</summary>
        public int Set;
        public int Start, Count, Depth, Left = -1, Right = -1;
        public double G, H, Value, Lower = double.NegativeInfinity, Upper = double.PositiveInfinity;
        public HistogramBin[]? Hist;
        public Split? Best;
    }

    private sealed class Split
    {
        public double Gain, GL, HL, GR, HR, ValueLeft, ValueRight;
        public int Feature, Bin, NL, NR;
        public bool MissingLeft;

        /// <summary>For a categorical split, the bins (bit b of word b/64) that go left; null for a threshold split.</summary>
        public ulong[]? LeftBins;
    }

    public TreeGrower(byte[] binned, int n, BinMapper mapper, bool[] hasMissing, GrowerSettings settings, WorkerTeam team)
    {
        _binned = binned;
        _n = n;
        _thresholds = mapper.Thresholds;
        _p = _thresholds.Length;
        _blockCount = BinMapper.Blocks(_p);
        _missingBin = mapper.MissingBin;
        _bins = _missingBin + 1;
        _nonMissing = new int[_p];
        for (int f = 0; f < _p; f++) _nonMissing[f] = mapper.NonMissingBins(f);
        _hasMissing = hasMissing;
        _categorical = mapper.Categorical;
        _s = settings;
        _team = team;
        _threads = team.Threads;
        _gh = new ulong[n];
        _ghOrdered = new ulong[n];
        _store = new NodeRowStore(binned, n, _blockCount);
        _mask = new byte[n];
        _sample = new int[n];
        _outOfSample = new int[n];
        _bestA = new Split?[_p];
        _bestB = new Split?[_p];
        _inTree = new bool[_p];
    }

    /// <summary>
    /// Grows a tree on the gradients and hessians at [offset, offset + n) of the given arrays and adds each training
    /// row's leaf value to <paramref name="raw"/> (length n).
    /// </summary>
    /// <param name="gradientAll">Gradients of all trees of the iteration.</param>
    /// <param name="hessianAll">Hessians, same layout.</param>
    /// <param name="offset">Where this tree's n values start.</param>
    /// <param name="inSample">Rows the tree is grown on (null: all); the other rows still get their leaf's value.</param>
    /// <param name="features">Features the tree may split on (ascending).</param>
    /// <param name="nodeRandom">Draws the features of each split when max_features &lt; 1.</param>
    /// <param name="raw">Raw predictions of this tree's output, updated in place.</param>
    /// <param name="leafUpdate">Optional recomputation of each leaf's unshrunk value from its rows.</param>
    public BoostedTree Grow(float[] gradientAll, float[] hessianAll, int offset, bool[]? inSample, int[] features,
        RandomSource? nodeRandom, Memory<double> raw, LeafValueUpdate? leafUpdate)
    {
        long t0 = BoostingProfile.Start();
        PackGradients(gradientAll, hessianAll, offset);
        SetFeatures(features);
        _nodeRandom = nodeRandom;
        int count = _n, rootSet = 0;
        _outOfSampleCount = 0;
        if (inSample is not null)
        {
            count = 0;
            for (int i = 0; i < _n; i++)
                if (inSample[i]) _sample[count++] = i;
                else _outOfSample[_outOfSampleCount++] = i;
            _store.Gather(_sample.AsSpan(0, count), _treeBlocks);
            for (int k = 0; k < count; k++) _ghOrdered[k] = _gh[_sample[k]];
            rootSet = 1;
        }
        _nodes.Clear();
        double g = 0, h = 0;
        var gradient = gradientAll.AsSpan(offset, _n);
        var hessian = hessianAll.AsSpan(offset, _n);
        if (inSample is null)
        {
            for (int r = 0; r < count; r++)
            {
                g += gradient[r];
                h += hessian[r];
            }
        }
        else
        {
            for (int k = 0; k < count; k++)
            {
                int r = _sample[k];
                g += gradient[r];
                h += hessian[r];
            }
        }
        BoostingProfile.Stop(BoostingProfile.Phase.Other, t0);
        var root = new Node { Set = rootSet, Start = 0, Count = count, Depth = 0, G = g, H = h };
        _nodes.Add(root);
        root.Value = NodeValue(g, h, root.Lower, root.Upper);
        var splittable = new List<int>();
        if (count >= 2 * _s.MinSamplesLeaf && root.H >= _s.MinHessianToSplit && !AtMaxDepth(0) && _s.MaxLeafNodes != 1)
        {
            root.Hist = Rent();
            t0 = BoostingProfile.Start();
            Evaluate(root, true, NodeFeatures(), null, null, null);
            BoostingProfile.Stop(BoostingProfile.Phase.RootHistogram, t0);
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
            leaves++;
            bool full = _s.MaxLeafNodes is int m && leaves >= m;
            var (left, right, leftSplits, rightSplits) = SplitNode(id, full);
            var node = _nodes[id];
            if (leftSplits || rightSplits)
            {
                // The per-node feature draws (max_features < 1) happen left child first, as before the merge.
                var leftAllowed = leftSplits ? NodeFeatures() : null;
                var rightAllowed = rightSplits ? NodeFeatures() : null;
                var (small, large) = left.Count < right.Count ? (left, right) : (right, left); // as scikit-learn: ties build the right child
                bool smallSplits = small == left ? leftSplits : rightSplits;
                bool largeSplits = large == left ? leftSplits : rightSplits;
                small.Hist = Rent();
                if (largeSplits) large.Hist = Rent();
                t0 = BoostingProfile.Start();
                Evaluate(small, smallSplits, small == left ? leftAllowed : rightAllowed,
                    largeSplits ? large : null, largeSplits ? (large == left ? leftAllowed : rightAllowed) : null, node);
                BoostingProfile.Stop(BoostingProfile.Phase.Histogram, t0);
                BoostingProfile.CountRows(small.Count);
                if (left.Best is not null) splittable.Add(node.Left);
                if (right.Best is not null) splittable.Add(node.Right);
            }
            Return(node);
            if (left.Best is null) Return(left);
            if (right.Best is null) Return(right);
        }
        foreach (int id in splittable) Return(_nodes[id]);
        t0 = BoostingProfile.Start();
        var tree = Finish(raw, leafUpdate);
        BoostingProfile.Stop(BoostingProfile.Phase.Finish, t0);
        return tree;
    }

    /// <summary>Interleaves the tree's gradients and hessians as float pairs (one 8-byte read per row in the kernels).</summary>
    private void PackGradients(float[] gradientAll, float[] hessianAll, int offset)
    {
        var gh = _gh;
        void Pack(int a, int b)
        {
            for (int i = a; i < b; i++)
                gh[i] = (ulong)BitConverter.SingleToUInt32Bits(gradientAll[offset + i]) | ((ulong)BitConverter.SingleToUInt32Bits(hessianAll[offset + i]) << 32);
        }
        if (_n < ParallelRows || _threads == 1) Pack(0, _n);
        else _team.For(_threads, t => Pack((int)((long)_n * t / _threads), (int)((long)_n * (t + 1) / _threads)));
    }

    /// <summary>Takes the tree's feature list and makes the work items of a histogram region: one per four-feature
    /// block holding any of them (one kernel pass), except that when the block count is not a multiple of the thread
    /// count the last block is cut into one piece per thread, so that threads get equal work when the machine is
    /// idle and idle threads can take over items when it is not.</summary>
    private void SetFeatures(int[] features)
    {
        if (ReferenceEquals(features, _features)) return;
        _features = features;
        Array.Clear(_inTree);
        foreach (int f in features) _inTree[f] = true;
        var blocks = new List<int>();
        for (int b = 0; b < _blockCount; b++)
            for (int j = 0; j < 4; j++)
                if (4 * b + j < _p && _inTree[4 * b + j]) { blocks.Add(b); break; }
        _treeBlocks = blocks.ToArray();
        var items = new List<(int, int, int)[]>();
        int split = blocks.Count % _threads != 0 ? Math.Min(_threads, 4) : 1;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (i < blocks.Count - 1 || split == 1) { items.Add([(blocks[i], 0, 4)]); continue; }
            for (int q = 0; q < split; q++)
            {
                int a = 4 * q / split, z = 4 * (q + 1) / split;
                items.Add([(blocks[i], a, z - a)]);
            }
        }
        _items = items.ToArray();
    }

    private bool AtMaxDepth(int depth) => _s.MaxDepth is int d && depth >= d;

    private bool CanSplit(Node node) =>
        node.Count >= 2 * _s.MinSamplesLeaf && node.H >= _s.MinHessianToSplit && !AtMaxDepth(node.Depth);

    private HistogramBin[] Rent() => _pool.TryPop(out var hist) ? hist : new HistogramBin[4 * _blockCount * _bins];

    private void Return(Node node)
    {
        if (node.Hist is null) return;
        _pool.Push(node.Hist);
        node.Hist = null;
    }

    /// <summary>The features a node's split may use: null for all the tree's features, else (max_features &lt; 1) a
    /// random subset drawn from the node stream, flagged per feature.</summary>
    private bool[]? NodeFeatures()
    {
        if (!(_s.MaxFeatures < 1) || _nodeRandom is null) return null;
        var features = _features;
        int k = Math.Max(1, (int)Math.Round(_s.MaxFeatures * features.Length));
        if (k >= features.Length) return null;
        var pick = (int[])features.Clone();
        for (int i = 0; i < k; i++)
        {
            int j = i + _nodeRandom.NextInt(pick.Length - i);
            (pick[i], pick[j]) = (pick[j], pick[i]);
        }
        var allowed = new bool[_p];
        for (int i = 0; i < k; i++) allowed[pick[i]] = true;
        return allowed;
    }

    /// <summary>
    /// Builds <paramref name="built"/>'s histogram from its rows, then, feature by feature: <paramref name="sibling"/>'s
    /// histogram as parent − built (when a sibling is given), and the best split of each node on its allowed features.
    /// Sets each node's Best.
    /// </summary>
    private void Evaluate(Node built, bool searchBuilt, bool[]? builtAllowed, Node? sibling, bool[]? siblingAllowed, Node? parent)
    {
        int set = built.Set, start = built.Start, count = built.Count;
        var hist = built.Hist!;
        void Item((int Block, int J0, int Count)[] calls)
        {
            foreach (var (block, j0, c) in calls)
            {
                int first = 4 * block + j0;
                hist.AsSpan(first * _bins, c * _bins).Clear();
                HistogramKernels.Build(_store.Bins(set, block, start, count), block, j0, c,
                    set == 0 ? _gh.AsSpan(0, count) : _ghOrdered.AsSpan(0, count), hist, _bins);
                if (sibling is not null) HistogramKernels.Subtract(parent!.Hist!, hist, sibling.Hist!, first, c, _bins);
                for (int f = first; f < first + c && f < _p; f++)
                {
                    if (!_inTree[f]) continue;
                    if (searchBuilt && (builtAllowed is null || builtAllowed[f])) _bestA[f] = FeatureSplit(built, f);
                    if (sibling is not null && (siblingAllowed is null || siblingAllowed[f])) _bestB[f] = FeatureSplit(sibling, f);
                }
            }
        }
        var items = _items;
        if (items.Length == 1 || _threads == 1 || (long)count * _features.Length < ParallelWork)
            foreach (var calls in items) Item(calls);
        else
            _team.For(items.Length, i => Item(items[i]));
        built.Best = searchBuilt ? Winner(_bestA) : null;
        if (sibling is not null) sibling.Best = Winner(_bestB);
    }

    /// <summary>The split of largest gain among the tree's features (the first in feature order on ties), clearing
    /// the per-feature slots.</summary>
    private Split? Winner(Split?[] best)
    {
        Split? winner = null;
        foreach (int f in _features)
        {
            var s = best[f];
            if (s is not null && (winner is null || s.Gain > winner.Gain)) winner = s;
            best[f] = null;
        }
        return winner;
    }

    /// <summary>Best split of one feature (scikit-learn's two scans: missing values right, then, if the feature has
    /// missing values, missing values left), or null if none has positive gain.</summary>
    private Split? FeatureSplit(Node node, int f)
    {
        if (_categorical[f]) return CategoricalSplit(node, f);
        var bins = node.Hist.AsSpan(f * _bins, _bins);
        double minH = _s.MinHessianToSplit;
        int msl = _s.MinSamplesLeaf;
        double G = node.G, H = node.H;
        int N = node.Count;
        double lower = node.Lower, upper = node.Upper;
        int cst = _s.Monotonic?[f] ?? 0;
        double parent = G * node.Value;
        double bestGain = 0;
        int bestBin = -1;
        bool bestMissingLeft = false;
        bool hasMissing = _hasMissing[f];
        int nonMissing = _nonMissing[f];
        int end = nonMissing - 1 + (hasMissing ? 1 : 0);
        double l2 = _s.L2Regularization;
        // Without bounds or a monotonic constraint the clipping and the constraint test are no-ops; skipping them (and
        // their branches) leaves the same operations in the same order.
        bool plain = cst == 0 && double.IsNegativeInfinity(lower) && double.IsPositiveInfinity(upper);
        double GainOf(double gl, double hl, double gr, double hr) => plain
            ? GainFrom(parent, gl, RawValue(gl, hl, l2), gr, RawValue(gr, hr, l2))
            : Gain(parent, gl, hl, gr, hr, l2, lower, upper, cst);
        double gl = 0, hl = 0, nlc = 0;
        for (int b = 0; b < end; b++)
        {
            gl += bins[b].Gradient;
            hl += bins[b].Hessian;
            nlc += bins[b].Count;
            int nl = (int)nlc, nr = N - nl;
            if (nl < msl) continue;
            if (nr < msl) break;
            double hr = H - hl;
            if (hl < minH) continue;
            if (hr < minH) break;
            double gain = GainOf(gl, hl, G - gl, hr);
            if (gain > bestGain)
            {
                bestGain = gain;
                bestBin = b;
                bestMissingLeft = false;
            }
        }
        if (hasMissing)
        {
            double gr = 0, hr = 0, nrc = 0;
            for (int b = nonMissing - 2; b >= 0; b--)
            {
                gr += bins[b + 1].Gradient;
                hr += bins[b + 1].Hessian;
                nrc += bins[b + 1].Count;
                int nr = (int)nrc, nl = N - nr;
                if (nr < msl) continue;
                if (nl < msl) break;
                double hlm = H - hr;
                if (hr < minH) continue;
                if (hlm < minH) break;
                double gain = GainOf(G - gr, hlm, gr, hr);
                if (gain > bestGain)
                {
                    bestGain = gain;
                    bestBin = b;
                    bestMissingLeft = true;
                }
            }
        }
        if (bestBin < 0) return null;
        // Recompute the sums of the winner in its scan's order (cheaper than keeping them for every improvement).
        double gL, hL, gR, hR;
        int nL;
        if (!bestMissingLeft)
        {
            double sg = 0, sh = 0, sc = 0;
            for (int b = 0; b <= bestBin; b++)
            {
                sg += bins[b].Gradient;
                sh += bins[b].Hessian;
                sc += bins[b].Count;
            }
            (gL, hL, nL, gR, hR) = (sg, sh, (int)sc, G - sg, H - sh);
        }
        else
        {
            double sg = 0, sh = 0, sc = 0;
            for (int b = nonMissing - 2; b >= bestBin; b--)
            {
                sg += bins[b + 1].Gradient;
                sh += bins[b + 1].Hessian;
                sc += bins[b + 1].Count;
            }
            (gL, hL, nL, gR, hR) = (G - sg, H - sh, N - (int)sc, sg, sh);
        }
        return new Split
        {
            Gain = bestGain, Feature = f, Bin = bestBin, MissingLeft = bestMissingLeft,
            GL = gL, HL = hL, NL = nL, GR = gR, HR = hR, NR = N - nL,
            ValueLeft = NodeValue(gL, hL, lower, upper), ValueRight = NodeValue(gR, hR, lower, upper),
        };
    }

    /// <summary>
    /// Best split of a categorical feature, scikit-learn's: the categories (and the missing bin, as one more category)
    /// with hessian support ≥ 10 are ordered by G/(H + 10) and scanned from both ends up to the middle; the prefix
    /// goes left, everything else (including low-support categories) right.
    /// </summary>
    private Split? CategoricalSplit(Node node, int f)
    {
        const double minSupport = 10;
        var bins = node.Hist.AsSpan(f * _bins, _bins);
        double G = node.G, H = node.H, minH = _s.MinHessianToSplit;
        int N = node.Count, msl = _s.MinSamplesLeaf;
        double support = N / H;
        int nonMissing = _nonMissing[f];
        Span<int> used = stackalloc int[nonMissing + 1];
        Span<double> order = stackalloc double[nonMissing + 1];
        int m = 0;
        void Consider(int b, Span<int> used, Span<double> order, Span<HistogramBin> bins)
        {
            if (bins[b].Hessian * support < minSupport) return;
            // Insertion sort (stable) by G/(H + 10).
            double v = bins[b].Gradient / (bins[b].Hessian + minSupport);
            int at = m;
            while (at > 0 && order[at - 1] > v)
            {
                order[at] = order[at - 1];
                used[at] = used[at - 1];
                at--;
            }
            order[at] = v;
            used[at] = b;
            m++;
        }
        for (int b = 0; b < nonMissing; b++) Consider(b, used, order, bins);
        if (_hasMissing[f]) Consider(_missingBin, used, order, bins);
        if (m <= 1) return null;
        double parent = G * node.Value, bestGain = 0, bestGL = 0, bestHL = 0;
        int bestEnd = -1, bestDirection = 0, bestNL = 0;
        foreach (int direction in (ReadOnlySpan<int>)[1, -1])
        {
            int middle = direction == 1 ? (m + 1) / 2 : (m + 1) / 2 - 1;
            double gl = 0, hl = 0, nlc = 0;
            for (int i = 0; i < middle; i++)
            {
                int sorted = direction == 1 ? i : m - 1 - i;
                ref var e = ref bins[used[sorted]];
                nlc += e.Count;
                hl += e.Hessian;
                gl += e.Gradient;
                int nl = (int)nlc, nr = N - nl;
                double hr = H - hl;
                if (nl < msl || hl < minH) continue;
                if (nr < msl || hr < minH) break;
                double gain = Gain(parent, gl, hl, G - gl, hr, _s.L2Regularization, node.Lower, node.Upper, 0);
                if (gain > bestGain)
                {
                    (bestGain, bestEnd, bestDirection, bestGL, bestHL, bestNL) = (gain, sorted, direction, gl, hl, nl);
                }
            }
        }
        if (bestEnd < 0) return null;
        var left = new ulong[4];
        if (bestDirection == 1)
            for (int i = 0; i <= bestEnd; i++) left[used[i] >> 6] |= 1UL << (used[i] & 63);
        else
            for (int i = m - 1; i >= bestEnd; i--) left[used[i] >> 6] |= 1UL << (used[i] & 63);
        double gR = G - bestGL, hR = H - bestHL;
        return new Split
        {
            Gain = bestGain, Feature = f, Bin = -1, LeftBins = left,
            MissingLeft = _hasMissing[f] && (left[_missingBin >> 6] & (1UL << (_missingBin & 63))) != 0,
            GL = bestGL, HL = bestHL, NL = bestNL, GR = gR, HR = hR, NR = N - bestNL,
            ValueLeft = NodeValue(bestGL, bestHL, node.Lower, node.Upper), ValueRight = NodeValue(gR, hR, node.Lower, node.Upper),
        };
    }

    /// <summary>Whether a row in bin <paramref name="b"/> goes left at split <paramref name="s"/>.</summary>
    private bool GoesLeft(Split s, int b) =>
        b == _missingBin ? s.MissingLeft
        : s.LeftBins is ulong[] set ? (set[b >> 6] & (1UL << (b & 63))) != 0
        : b <= s.Bin;

    /// <summary>Unshrunk node value −G/(H + λ + 1e−15) clipped to [lower, upper], scikit-learn's
    /// <c>compute_node_value</c> (the 1e−15 guards H = 0).</summary>
    private double NodeValue(double g, double h, double lower, double upper) => NodeValue(g, h, _s.L2Regularization, lower, upper);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NodeValue(double g, double h, double l2, double lower, double upper)
    {
        double v = RawValue(g, h, l2);
        return v < lower ? lower : v > upper ? upper : v;
    }

    /// <summary>−G/(H + λ + 1e−15), the node value before clipping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double RawValue(double g, double h, double l2) => -g / (h + l2 + 1e-15);

    /// <summary>parent − G_L·v_L − G_R·v_R, subtracted in this order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double GainFrom(double parent, double gl, double vl, double gr, double vr)
    {
        double gain = parent;
        gain -= gl * vl;
        gain -= gr * vr;
        return gain;
    }

    /// <summary>Split gain, evaluated in scikit-learn's order so that near-tied candidates are ranked identically:
    /// loss(node) − loss(left) − loss(right) with loss(side) = G · value(side); −1 when the children's values
    /// break the feature's monotonic constraint. Static and inlined: it runs once per candidate bin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Gain(double parent, double gl, double hl, double gr, double hr, double l2, double lower, double upper, int cst)
    {
        double vl = NodeValue(gl, hl, l2, lower, upper), vr = NodeValue(gr, hr, l2, lower, upper);
        if ((cst > 0 && vl > vr) || (cst < 0 && vl < vr)) return -1;
        return GainFrom(parent, gl, vl, gr, vr);
    }

    /// <summary>
    /// Splits node <paramref name="id"/> at its best split: partitions its rows (stably) into the two children and adds
    /// them to the tree. The bin words move only when a child can be split further (never when
    /// <paramref name="full"/>), and then the smaller child's gradient pairs are gathered for its histogram; the row
    /// ids always move (the leaves' rows).
    /// </summary>
    private (Node Left, Node Right, bool LeftSplits, bool RightSplits) SplitNode(int id, bool full)
    {
        long t0 = BoostingProfile.Start();
        var node = _nodes[id];
        var s = node.Best!;
        int set = node.Set, start = node.Start, count = node.Count;
        int f = s.Feature, shift = 8 * (f & 3);
        // The side of every row (0xFF left), in row-range parts on the team for large nodes.
        byte[]? side = null;
        if (s.LeftBins is ulong[] leftBins)
        {
            side = new byte[256];
            for (int b0 = 0; b0 < 256; b0++) side[b0] = (byte)((leftBins[b0 >> 6] >> (b0 & 63)) & 1);
        }
        int maskParts = count >= ParallelRows ? _threads : 1;
        var lefts = new int[maskParts];
        void MaskPart(int q)
        {
            int a = (int)((long)count * q / maskParts), z = (int)((long)count * (q + 1) / maskParts);
            var column = _store.Bins(set, f >> 2, start + a, z - a);
            var mask = _mask.AsSpan(a, z - a);
            lefts[q] = side is not null
                ? RowPartition.TableMask(column, shift, side, mask)
                : RowPartition.ThresholdMask(column, shift, s.Bin, s.MissingLeft, _missingBin, mask);
        }
        if (maskParts == 1) MaskPart(0);
        else _team.For(maskParts, MaskPart);
        int nlTotal = lefts.Sum();
        int nrTotal = count - nlTotal;
        if (!_hasMissing[f]) s.MissingLeft = nlTotal > nrTotal; // unseen missing values follow the larger child
        // The larger child stays in the node's set, compacted in place (set 0, the training data, is read-only: both
        // children go to set 1); the smaller goes to the same range of the other set.
        int other = NodeRowStore.Other(set);
        bool keepLeft = nlTotal >= nrTotal, inPlace = set != 0;
        int leftSet = inPlace && keepLeft ? set : other, rightSet = inPlace && !keepLeft ? set : other;
        bool backward = inPlace && !keepLeft;
        var left = new Node { Set = leftSet, Start = start, Count = nlTotal, Depth = node.Depth + 1, G = s.GL, H = s.HL, Value = s.ValueLeft };
        var right = new Node { Set = rightSet, Start = start + nlTotal, Count = nrTotal, Depth = node.Depth + 1, G = s.GR, H = s.HR, Value = s.ValueRight };
        // Monotonic constraints (scikit-learn's grower): below a constrained split the children's values are bounded
        // by the midpoint of the two child values, so every later leaf on the left stays ≤ (or ≥) every leaf on the right.
        int cst = _s.Monotonic?[f] ?? 0;
        (left.Lower, left.Upper, right.Lower, right.Upper) = (node.Lower, node.Upper, node.Lower, node.Upper);
        if (cst != 0)
        {
            double mid = (left.Value + right.Value) / 2;
            if (cst > 0) (left.Upper, right.Lower) = (mid, mid);
            else (left.Lower, right.Upper) = (mid, mid);
        }
        node.Left = _nodes.Count;
        _nodes.Add(left);
        node.Right = _nodes.Count;
        _nodes.Add(right);
        bool leftSplits = !full && CanSplit(left), rightSplits = !full && CanSplit(right);
        // Work items: 0 the row ids (then the gather of the smaller child's gradient pairs, which is the node
        // histogrammed next), 1 + i the i-th block of the tree's features.
        bool gather = leftSplits || rightSplits;
        int items = gather ? 1 + _treeBlocks.Length : 1;
        var small = left.Count < right.Count ? left : right; // as in Grow: ties build the right child
        void Move(int item)
        {
            var m = _mask.AsSpan(0, count);
            if (item == 0)
            {
                RowPartition.Split(_store.Rows(set, start, count), m, _store.Rows(leftSet, start, count),
                    _store.Rows(rightSet, start, count), nlTotal, backward);
                if (!gather) return;
                var rows = _store.Rows(small.Set, small.Start, small.Count);
                var gh = _gh;
                var ordered = _ghOrdered;
                for (int k = 0; k < rows.Length; k++) ordered[k] = gh[rows[k]];
            }
            else
            {
                int block = _treeBlocks[item - 1];
                RowPartition.Split(_store.Bins(set, block, start, count), m, _store.Bins(leftSet, block, start, count),
                    _store.Bins(rightSet, block, start, count), nlTotal, backward);
            }
        }
        if (count < ParallelRows || _threads == 1 || items == 1)
            for (int i = 0; i < items; i++) Move(i);
        else _team.For(items, Move);
        BoostingProfile.Stop(BoostingProfile.Phase.Partition, t0);
        BoostingProfile.CountPartitioned(count);
        return (left, right, leftSplits, rightSplits);
    }

    private BoostedTree Finish(Memory<double> raw, LeafValueUpdate? leafUpdate)
    {
        int m = _nodes.Count;
        var feature = new int[m];
        var threshold = new double[m];
        var missingLeft = new bool[m];
        var left = new int[m];
        var right = new int[m];
        var value = new double[m];
        var gain = new double[m];
        int[]? categorySet = null;
        List<ulong>? categoryBits = null;
        var leaves = new List<int>();
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
                if (s.LeftBins is ulong[] set)
                {
                    // Bins are indices into the known categories: store the category values of each side.
                    if (categorySet is null)
                    {
                        categorySet = new int[m];
                        Array.Fill(categorySet, -1);
                        categoryBits = [];
                    }
                    categorySet[i] = categoryBits!.Count / BoostedTree.SetWords;
                    var words = new ulong[BoostedTree.SetWords];
                    for (int b = 0; b < t.Length; b++)
                    {
                        int c = (int)t[b];
                        int half = (set[b >> 6] >> (b & 63) & 1) != 0 ? 0 : 4;
                        words[half + (c >> 6)] |= 1UL << (c & 63);
                    }
                    categoryBits.AddRange(words);
                }
                else threshold[i] = s.Bin < t.Length ? t[s.Bin] : double.PositiveInfinity;
                missingLeft[i] = s.MissingLeft;
                gain[i] = s.Gain;
            }
            else
            {
                var rows = _store.Rows(node.Set, node.Start, node.Count);
                double v = leafUpdate is null || rows.IsEmpty ? node.Value : leafUpdate(rows);
                value[i] = v * _s.LearningRate;
                leaves.Add(i);
            }
        }
        // Each leaf adds its value to its rows. Leaves hold disjoint rows; the work items are pieces of at most
        // ParallelRows rows of one leaf, so that one large leaf does not hold up the team.
        var pieces = new List<(int Node, int Start, int Count)>();
        foreach (int i in leaves)
        {
            var node = _nodes[i];
            for (int a = 0; a < node.Count; a += ParallelRows)
                pieces.Add((i, a, Math.Min(ParallelRows, node.Count - a)));
        }
        void AddPiece(int j)
        {
            var (i, a, c) = pieces[j];
            var node = _nodes[i];
            double v = value[i];
            var target = raw.Span;
            foreach (int r in _store.Rows(node.Set, node.Start + a, c)) target[r] += v;
        }
        if (_threads == 1) for (int j = 0; j < pieces.Count; j++) AddPiece(j);
        else _team.For(pieces.Count, AddPiece);
        // Rows left out of this tree's sample get their leaf's value too: walk the tree on their bins.
        var rawSpan = raw.Span;
        foreach (int r in _outOfSample.AsSpan(0, _outOfSampleCount))
        {
            int i = 0;
            while (left[i] >= 0)
            {
                var s = _nodes[i].Best!;
                i = GoesLeft(s, _binned[BinMapper.Index(s.Feature, r, _n)]) ? left[i] : right[i];
            }
            rawSpan[r] += value[i];
        }
        return new BoostedTree(feature, threshold, missingLeft, left, right, value, gain, categorySet, categoryBits?.ToArray());
    }
}
