using Fathom.Core;

namespace Fathom.Trees;

/// <summary>
/// Grows one CART tree with scikit-learn 1.2's rules (BestSplitter + DepthFirstTreeBuilder, or
/// BestFirstTreeBuilder when a leaf limit is set):
/// <list type="bullet">
/// <item>rows with zero weight are left out; a node's <c>Samples</c> counts distinct rows, its weight sums their weights;</item>
/// <item>a node is a leaf when depth ≥ max_depth, samples &lt; max(min_samples_split, 2·min_samples_leaf), weight &lt;
///   2·min_weight_leaf, impurity ≤ ε (2.2e-16), no valid split exists, or the best improvement + ε &lt; min_impurity_decrease;</item>
/// <item>per candidate feature the node's values are sorted; split positions lie between consecutive values that
///   differ by more than 1e-7, both sides keeping ≥ min_samples_leaf rows and ≥ min_weight_leaf weight; the threshold
///   is <c>a/2 + b/2</c> of the two values (or <c>a</c> if that rounds to <c>b</c>);</item>
/// <item>splits are ranked by scikit-learn's proxy of the impurity decrease; a candidate replaces the best only when
///   strictly better, so ties go to the feature visited first and, within it, to the lowest threshold.</item>
/// </list>
/// Feature visiting order: with all features, in index order (no randomness). With max_features &lt; p, a random
/// order drawn from the tree's <see cref="RandomSource"/>, visiting features until max_features have been drawn and at
/// least one of them was not constant in the node (scikit-learn's rule; its random order differs).
/// </summary>
/// <remarks>
/// Cost: O(f · n log n) per tree level for f candidate features. Large nodes take the presorted order of each
/// feature (one O(N) filtering pass instead of a sort) when <see cref="TreeData.Order"/> is available.
/// </remarks>
internal sealed class TreeBuilder
{
    private const double FeatureThreshold = 1e-7;
    private const double Epsilon = 2.220446049250313e-16;
    private static readonly double Ln2 = Math.Log(2.0);

    private readonly TreeData _data;
    private readonly TreeSettings _s;
    private readonly int[]? _cls;
    private readonly int _k;
    private readonly double[]? _y;
    private readonly double[] _w;
    private readonly RandomSource? _rng;
    private readonly int _width;

    private readonly int[] _samples;
    private readonly int[] _pos;
    private readonly float[] _vals;
    private readonly int[] _idx;
    private readonly double[] _left;
    private readonly double[] _right;
    private readonly int[] _perm;
    private readonly double _minWeightLeaf;
    private readonly int _minSamplesSplit;
    private double _rootWeight;

    // Growing node arrays.
    private readonly List<int> _feature = new();
    private readonly List<double> _threshold = new();
    private readonly List<int> _leftChild = new();
    private readonly List<int> _rightChild = new();
    private readonly List<double> _impurity = new();
    private readonly List<int> _nSamples = new();
    private readonly List<double> _weighted = new();
    private readonly List<double> _value = new();
    private readonly List<bool> _missingLeft = new();
    private readonly double[] _missing;

    // Absolute-error scratch (allocated only for that criterion): per data row its rank among the node's targets,
    // the node's rows and targets in target order, and Fenwick trees of weights and weighted targets per side.
    private readonly int[]? _rank;
    private readonly int[]? _byY;
    private readonly double[]? _ySorted;
    private readonly double[]? _fLw, _fLs, _fRw, _fRs;

    private TreeBuilder(TreeData data, TreeSettings settings, int[]? classes, int classCount, double[]? y, double[] weights,
        double totalWeight, RandomSource? rng)
    {
        _data = data;
        _s = settings;
        _cls = classes;
        _k = classCount;
        _y = y;
        _w = weights;
        _rng = rng;
        _width = classes is null ? 1 : classCount;
        int n = data.Rows;
        int m = 0;
        for (int i = 0; i < n; i++) if (weights[i] > 0) m++;
        _samples = new int[m];
        _pos = new int[n];
        Array.Fill(_pos, -1);
        m = 0;
        for (int i = 0; i < n; i++)
            if (weights[i] > 0) { _pos[i] = m; _samples[m++] = i; }
        _vals = new float[m];
        _idx = new int[m];
        _left = new double[Math.Max(1, classCount)];
        _right = new double[Math.Max(1, classCount)];
        _missing = new double[Math.Max(1, classCount)];
        if (settings.Criterion == CriterionKind.AbsoluteError)
        {
            _rank = new int[n];
            _byY = new int[m];
            _ySorted = new double[m];
            _fLw = new double[m + 1];
            _fLs = new double[m + 1];
            _fRw = new double[m + 1];
            _fRs = new double[m + 1];
        }
        _perm = new int[data.Features];
        _minWeightLeaf = settings.MinWeightFractionLeaf * totalWeight;
        _minSamplesSplit = Math.Max(settings.MinSamplesSplit, 2 * settings.MinSamplesLeaf);
    }

    /// <summary>Grows a classification tree. <paramref name="weights"/> has one entry per row (0 = row not used).</summary>
    internal static Tree BuildClassifier(TreeData data, TreeSettings settings, int[] classes, int classCount, double[] weights,
        double totalWeight, RandomSource? rng) =>
        new TreeBuilder(data, settings, classes, classCount, null, weights, totalWeight, rng).Build();

    /// <summary>Grows a regression tree. <paramref name="weights"/> has one entry per row (0 = row not used).</summary>
    internal static Tree BuildRegressor(TreeData data, TreeSettings settings, double[] y, double[] weights,
        double totalWeight, RandomSource? rng) =>
        new TreeBuilder(data, settings, null, 0, y, weights, totalWeight, rng).Build();

    /// <summary>The impurity of a class-count vector under Gini (1 − Σ (cₖ/w)²) or entropy (−Σ (cₖ/w) log₂(cₖ/w)), as
    /// scikit-learn computes it. Exposed for tests of the textbook values.</summary>
    internal static double ClassImpurity(ReadOnlySpan<double> counts, double weight, bool entropy)
    {
        if (entropy)
        {
            double e = 0;
            foreach (double c in counts)
            {
                if (c <= 0) continue;
                double p = c / weight;
                e -= p * (Math.Log(p) / Ln2);
            }
            return e;
        }
        double sq = 0;
        foreach (double c in counts) sq += c * c;
        return 1.0 - sq / (weight * weight);
    }

    /// <summary>Weighted impurity of a binary split, Σ (w_side / w) · impurity(side), the quantity a split minimizes.</summary>
    internal static double WeightedChildImpurity(ReadOnlySpan<double> leftCounts, ReadOnlySpan<double> rightCounts, bool entropy)
    {
        double wl = 0, wr = 0;
        foreach (double c in leftCounts) wl += c;
        foreach (double c in rightCounts) wr += c;
        double w = wl + wr;
        return wl / w * ClassImpurity(leftCounts, wl, entropy) + wr / w * ClassImpurity(rightCounts, wr, entropy);
    }

    private struct Split
    {
        public int Feature;
        public int Pos; // absolute index in _samples where the right child starts
        public double Threshold;
        public double Proxy;
        public bool MissingLeft; // where rows with a missing value of Feature go
    }

    private Tree Build()
    {
        int m = _samples.Length;
        var value = new double[_width];
        double w = Stats(0, m, value);
        _rootWeight = w;
        double impurity = Impurity(0, m, w, value);
        if (_s.MaxLeafNodes > 0) BuildBestFirst(impurity);
        else BuildDepthFirst(impurity);
        var tree = new Tree(_feature.ToArray(), _threshold.ToArray(), _leftChild.ToArray(), _rightChild.ToArray(), _impurity.ToArray(),
            _nSamples.ToArray(), _weighted.ToArray(), _value.ToArray(), _width, _cls is not null, _missingLeft.ToArray());
        return _s.CcpAlpha > 0 ? TreePruning.Prune(tree, _s.CcpAlpha) : tree;
    }

    private readonly record struct Pending(int Start, int End, int Depth, int Parent, bool IsLeft, double Impurity, int[] Constants);

    private void BuildDepthFirst(double rootImpurity)
    {
        var stack = new Stack<Pending>();
        stack.Push(new Pending(0, _samples.Length, 0, -1, false, rootImpurity, []));
        var value = new double[_width];
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            int n = p.End - p.Start;
            double w = Stats(p.Start, p.End, value);
            bool leaf = p.Depth >= _s.MaxDepth || n < _minSamplesSplit || w < 2 * _minWeightLeaf || p.Impurity <= Epsilon;
            Split split = default;
            int[] constants = p.Constants;
            double impL = 0, impR = 0;
            if (!leaf)
            {
                bool found = FindSplit(p.Start, p.End, w, value, ref constants, out split);
                if (!found) leaf = true;
                else
                {
                    double improvement = Partition(p.Start, p.End, w, value, p.Impurity, split, out impL, out impR);
                    if (improvement + Epsilon < _s.MinImpurityDecrease) leaf = true;
                }
            }
            int id = AddNode(p.Parent, p.IsLeft, leaf ? -1 : split.Feature, leaf ? double.NaN : split.Threshold, !leaf && split.MissingLeft,
                p.Impurity, n, w, value);
            if (!leaf)
            {
                stack.Push(new Pending(split.Pos, p.End, p.Depth + 1, id, false, impR, constants));
                stack.Push(new Pending(p.Start, split.Pos, p.Depth + 1, id, true, impL, constants));
            }
        }
    }

    private readonly record struct Frontier(int Node, int Start, int End, int Pos, int Depth, bool IsLeaf,
        double ImpurityLeft, double ImpurityRight, double Improvement, int[] Constants);

    private void BuildBestFirst(double rootImpurity)
    {
        // Highest improvement first; ties to the node created first.
        var frontier = new PriorityQueue<Frontier, (double, int)>();
        var root = AddSplitNode(0, _samples.Length, 0, -1, false, rootImpurity, []);
        frontier.Enqueue(root, (-root.Improvement, root.Node));
        int splitsLeft = _s.MaxLeafNodes - 1;
        while (frontier.Count > 0)
        {
            var r = frontier.Dequeue();
            if (r.IsLeaf || splitsLeft <= 0)
            {
                _leftChild[r.Node] = -1;
                _rightChild[r.Node] = -1;
                _feature[r.Node] = -1;
                _threshold[r.Node] = double.NaN;
                _missingLeft[r.Node] = false;
                continue;
            }
            splitsLeft--;
            var left = AddSplitNode(r.Start, r.Pos, r.Depth + 1, r.Node, true, r.ImpurityLeft, r.Constants);
            var right = AddSplitNode(r.Pos, r.End, r.Depth + 1, r.Node, false, r.ImpurityRight, r.Constants);
            frontier.Enqueue(left, (-left.Improvement, left.Node));
            frontier.Enqueue(right, (-right.Improvement, right.Node));
        }
    }

    private Frontier AddSplitNode(int start, int end, int depth, int parent, bool isLeft, double impurity, int[] constants)
    {
        var value = new double[_width];
        int n = end - start;
        double w = Stats(start, end, value);
        bool leaf = depth >= _s.MaxDepth || n < _minSamplesSplit || w < 2 * _minWeightLeaf || impurity <= Epsilon;
        Split split = default;
        double impL = 0, impR = 0, improvement = 0;
        if (!leaf)
        {
            if (!FindSplit(start, end, w, value, ref constants, out split)) leaf = true;
            else
            {
                improvement = Partition(start, end, w, value, impurity, split, out impL, out impR);
                if (improvement + Epsilon < _s.MinImpurityDecrease) leaf = true;
            }
        }
        int id = AddNode(parent, isLeft, leaf ? -1 : split.Feature, leaf ? double.NaN : split.Threshold, !leaf && split.MissingLeft,
            impurity, n, w, value);
        return new Frontier(id, start, end, split.Pos, depth, leaf, impL, impR, leaf ? 0 : improvement, constants);
    }

    private int AddNode(int parent, bool isLeft, int feature, double threshold, bool missingLeft, double impurity, int n, double w, double[] value)
    {
        int id = _feature.Count;
        _feature.Add(feature);
        _threshold.Add(threshold);
        _missingLeft.Add(missingLeft);
        _leftChild.Add(-1);
        _rightChild.Add(-1);
        _impurity.Add(impurity);
        _nSamples.Add(n);
        _weighted.Add(w);
        _value.AddRange(value);
        if (parent >= 0)
        {
            if (isLeft) _leftChild[parent] = id;
            else _rightChild[parent] = id;
        }
        return id;
    }

    /// <summary>Node statistics: class weights (classification) or the weighted mean (regression) into
    /// <paramref name="value"/>; returns the total weight.</summary>
    private double Stats(int start, int end, double[] value)
    {
        Array.Clear(value);
        double w = 0;
        if (_cls is not null)
        {
            for (int p = start; p < end; p++)
            {
                int row = _samples[p];
                double wi = _w[row];
                value[_cls[row]] += wi;
                w += wi;
            }
            return w;
        }
        double sum = 0;
        for (int p = start; p < end; p++)
        {
            int row = _samples[p];
            double wi = _w[row];
            sum += wi * _y![row];
            w += wi;
        }
        value[0] = _s.Criterion == CriterionKind.AbsoluteError ? WeightedMedian(start, end, w) : sum / w;
        return w;
    }

    /// <summary>scikit-learn's weighted median of the targets of rows start..end: with the targets sorted, the first k
    /// whose cumulative weight reaches w/2 gives y₍ₖ₎, or the mean of y₍ₖ₎ and y₍ₖ₊₁₎ when it equals w/2 exactly.</summary>
    private double WeightedMedian(int start, int end, double w)
    {
        int m = end - start;
        var ys = new double[m];
        var ws = new double[m];
        for (int p = start; p < end; p++)
        {
            int row = _samples[p];
            ys[p - start] = _y![row];
            ws[p - start] = _w[row];
        }
        Array.Sort(ys, ws);
        double half = w / 2.0, cum = 0;
        for (int i = 0; i < m; i++)
        {
            cum += ws[i];
            if (cum >= half) return cum == half && i + 1 < m ? (ys[i] + ys[i + 1]) / 2.0 : ys[i];
        }
        return ys[m - 1];
    }

    /// <summary>The node impurity from its rows (value = class weights or the mean from <see cref="Stats"/>).</summary>
    private double Impurity(int start, int end, double w, double[] value)
    {
        switch (_s.Criterion)
        {
            case CriterionKind.Gini: return ClassImpurity(value, w, false);
            case CriterionKind.Entropy: return ClassImpurity(value, w, true);
            case CriterionKind.Poisson:
                {
                    double mean = value[0];
                    if (mean <= Epsilon) return double.PositiveInfinity;
                    double loss = 0;
                    for (int p = start; p < end; p++)
                    {
                        int row = _samples[p];
                        double yi = _y![row];
                        if (yi > 0) loss += _w[row] * yi * Math.Log(yi / mean);
                    }
                    return loss / w;
                }
            case CriterionKind.AbsoluteError:
                {
                    double med = value[0], dev = 0;
                    for (int p = start; p < end; p++)
                    {
                        int row = _samples[p];
                        dev += Math.Abs(_y![row] - med) * _w[row];
                    }
                    return dev / w;
                }
            default:
                {
                    double sum = 0, sq = 0;
                    for (int p = start; p < end; p++)
                    {
                        int row = _samples[p];
                        double wy = _w[row] * _y![row];
                        sum += wy;
                        sq += wy * _y[row];
                    }
                    double mean = sum / w;
                    return sq / w - mean * mean;
                }
        }
    }

    /// <summary>Searches the node's candidate features for the best split. Features found constant are added to
    /// <paramref name="constants"/> (a new array) so the children skip them.</summary>
    private bool FindSplit(int start, int end, double w, double[] value, ref int[] constants, out Split best)
    {
        best = default;
        best.Proxy = double.NegativeInfinity;
        best.Feature = -1;
        int p = _data.Features;
        List<int>? found = null;
        if (_s.MaxFeatures >= p || _rng is null)
        {
            for (int f = 0; f < p; f++)
            {
                if (Array.IndexOf(constants, f) >= 0) continue;
                if (!EvaluateFeature(f, start, end, w, value, ref best)) (found ??= new()).Add(f);
            }
        }
        else
        {
            for (int j = 0; j < p; j++) _perm[j] = j;
            int visited = 0, constantVisits = 0;
            for (int drawn = 0; drawn < p; drawn++)
            {
                if (visited >= _s.MaxFeatures && visited > constantVisits) break;
                int j = drawn + _rng.NextInt(p - drawn);
                (_perm[drawn], _perm[j]) = (_perm[j], _perm[drawn]);
                int f = _perm[drawn];
                visited++;
                if (Array.IndexOf(constants, f) >= 0) { constantVisits++; continue; }
                if (!EvaluateFeature(f, start, end, w, value, ref best))
                {
                    constantVisits++;
                    (found ??= new()).Add(f);
                }
            }
        }
        if (found is not null) constants = [.. constants, .. found];
        return best.Feature >= 0;
    }

    /// <summary>Sorts the node's non-missing values of feature <paramref name="f"/> (rows with NaN are set apart) and
    /// scans the split positions, as scikit-learn 1.3's BestSplitter: with missing values every threshold is tried
    /// twice (missing rows right, then left) plus "all non-missing left, missing right" (threshold +∞). Returns false
    /// when the feature is constant in the node (all missing, or the non-missing values equal).</summary>
    private bool EvaluateFeature(int f, int start, int end, double w, double[] value, ref Split best)
    {
        if (_s.RandomSplits) return EvaluateRandom(f, start, end, w, value, ref best);
        int m = end - start;
        var col = _data.Columns[f];
        var vals = _vals.AsSpan(0, m);
        var idx = _idx.AsSpan(0, m);
        var order = _data.Order;
        int nn = 0, back = m;
        if (order is not null && (long)m * 8 >= _data.Rows)
        {
            // Large node: filter the presorted order instead of sorting (O(N), sequential).
            var ord = order[f];
            var pos = _pos;
            uint um = (uint)m;
            foreach (int row in ord)
            {
                if ((uint)(pos[row] - start) < um)
                {
                    float v = col[row];
                    if (float.IsNaN(v)) idx[--back] = row;
                    else
                    {
                        idx[nn] = row;
                        vals[nn++] = v;
                    }
                }
            }
        }
        else
        {
            for (int i = 0; i < m; i++)
            {
                int row = _samples[start + i];
                float v = col[row];
                if (float.IsNaN(v)) idx[--back] = row;
                else
                {
                    idx[nn] = row;
                    vals[nn++] = v;
                }
            }
            vals[..nn].Sort(idx[..nn]);
        }
        if (nn == 0 || vals[nn - 1] <= (double)vals[0] + FeatureThreshold) return false;
        if (_cls is not null) ScanClassification(f, start, vals[..nn], idx, w, value, ref best);
        else if (_s.Criterion == CriterionKind.AbsoluteError) ScanAbsolute(f, start, vals[..nn], idx, w, ref best);
        else ScanRegression(f, start, vals[..nn], idx, w, value[0] * w, ref best);
        return true;
    }

    /// <summary>Where missing values go when none were seen in the node: to the child with more rows (ties right).</summary>
    private static bool MissingSide(int nMissing, bool missingLeft, int nl, int nr) => nMissing == 0 ? nl > nr : missingLeft;

    private void ScanClassification(int f, int start, Span<float> vals, Span<int> idx, double w, double[] total, ref Split best)
    {
        int nn = vals.Length, m = idx.Length, nMiss = m - nn, k = _k, minLeaf = _s.MinSamplesLeaf;
        double minWeight = _minWeightLeaf;
        var left = _left;
        var right = _right;
        var miss = _missing;
        bool entropy = _s.Criterion == CriterionKind.Entropy;
        var cls = _cls!;
        var wts = _w;
        Array.Clear(miss);
        double wMiss = 0;
        for (int i = nn; i < m; i++)
        {
            int row = idx[i];
            miss[cls[row]] += wts[row];
            wMiss += wts[row];
        }
        for (int pass = 0; pass < (nMiss > 0 ? 2 : 1); pass++)
        {
            bool missLeft = pass == 1;
            Array.Clear(left);
            double wl = 0;
            if (missLeft)
            {
                Array.Copy(miss, left, k);
                wl = wMiss;
            }
            for (int i = 0; i < nn - 1; i++)
            {
                int row = idx[i];
                double wi = wts[row];
                left[cls[row]] += wi;
                wl += wi;
                if (vals[i + 1] <= (double)vals[i] + FeatureThreshold) continue;
                int nl = i + 1 + (missLeft ? nMiss : 0);
                if (nl < minLeaf || m - nl < minLeaf) continue;
                double wr = w - wl;
                if (wl < minWeight || wr < minWeight) continue;
                double proxy = ClassProxy(left, total, wl, wr, k, entropy, right);
                if (proxy > best.Proxy)
                {
                    Take(ref best, f, start + nl, vals[i], vals[i + 1], proxy);
                    best.MissingLeft = MissingSide(nMiss, missLeft, nl, m - nl);
                }
            }
        }
        if (nMiss > 0 && nn >= minLeaf && nMiss >= minLeaf)
        {
            double wl = w - wMiss, wr = wMiss;
            if (wl < minWeight || wr < minWeight) return;
            for (int c = 0; c < k; c++) left[c] = total[c] - miss[c];
            double proxy = ClassProxy(left, total, wl, wr, k, entropy, right);
            if (proxy > best.Proxy) TakeMissingRight(ref best, f, start + nn, proxy);
        }
    }

    /// <summary>scikit-learn's proxy −w_r·I_r − w_l·I_l for class totals <paramref name="left"/> and <paramref name="total"/>.</summary>
    private static double ClassProxy(double[] left, double[] total, double wl, double wr, int k, bool entropy, double[] right)
    {
        if (!entropy)
        {
            double sql = 0, sqr = 0;
            for (int c = 0; c < k; c++)
            {
                double l = left[c], r = total[c] - l;
                sql += l * l;
                sqr += r * r;
            }
            double gl = 1.0 - sql / (wl * wl), gr = 1.0 - sqr / (wr * wr);
            return -wr * gr - wl * gl;
        }
        for (int c = 0; c < k; c++) right[c] = total[c] - left[c];
        return -wr * ClassImpurity(right.AsSpan(0, k), wr, true) - wl * ClassImpurity(left.AsSpan(0, k), wl, true);
    }

    private void ScanRegression(int f, int start, Span<float> vals, Span<int> idx, double w, double sumTotal, ref Split best)
    {
        int nn = vals.Length, m = idx.Length, nMiss = m - nn, minLeaf = _s.MinSamplesLeaf;
        double minWeight = _minWeightLeaf;
        var y = _y!;
        var wts = _w;
        var crit = _s.Criterion;
        double wMiss = 0, sMiss = 0;
        for (int i = nn; i < m; i++)
        {
            int row = idx[i];
            wMiss += wts[row];
            sMiss += wts[row] * y[row];
        }
        for (int pass = 0; pass < (nMiss > 0 ? 2 : 1); pass++)
        {
            bool missLeft = pass == 1;
            double wl = missLeft ? wMiss : 0, sl = missLeft ? sMiss : 0;
            for (int i = 0; i < nn - 1; i++)
            {
                int row = idx[i];
                double wi = wts[row];
                sl += wi * y[row];
                wl += wi;
                if (vals[i + 1] <= (double)vals[i] + FeatureThreshold) continue;
                int nl = i + 1 + (missLeft ? nMiss : 0);
                if (nl < minLeaf || m - nl < minLeaf) continue;
                double wr = w - wl;
                if (wl < minWeight || wr < minWeight) continue;
                if (!RegressionProxy(crit, sl, sumTotal - sl, wl, wr, out double proxy)) continue;
                if (proxy > best.Proxy)
                {
                    Take(ref best, f, start + nl, vals[i], vals[i + 1], proxy);
                    best.MissingLeft = MissingSide(nMiss, missLeft, nl, m - nl);
                }
            }
        }
        if (nMiss > 0 && nn >= minLeaf && nMiss >= minLeaf)
        {
            double wl = w - wMiss, wr = wMiss;
            if (wl < minWeight || wr < minWeight) return;
            if (RegressionProxy(crit, sumTotal - sMiss, sMiss, wl, wr, out double proxy) && proxy > best.Proxy)
                TakeMissingRight(ref best, f, start + nn, proxy);
        }
    }

    /// <summary>scikit-learn's proxy of a regression split from the side sums and weights; false when Poisson rejects it.</summary>
    private static bool RegressionProxy(CriterionKind crit, double sl, double sr, double wl, double wr, out double proxy)
    {
        if (crit == CriterionKind.SquaredError) proxy = sl * sl / wl + sr * sr / wr;
        else if (crit == CriterionKind.FriedmanMse)
        {
            double diff = wr * sl - wl * sr;
            proxy = diff * diff / (wl * wr);
        }
        else
        {
            proxy = 0;
            if (sl <= Epsilon || sr <= Epsilon) return false;
            proxy = sl * Math.Log(sl / wl) + sr * Math.Log(sr / wr);
        }
        return true;
    }

    /// <summary>Absolute error: the node's rows are ranked by target once; the left and right sides are two pairs of
    /// Fenwick trees (weight, weight·y) over the ranks, so each side's weighted median and Σ w|y − median| cost
    /// O(log m) per split position. The proxy is scikit-learn's −w_r·(dev_r/w_r) − w_l·(dev_l/w_l).</summary>
    private void ScanAbsolute(int f, int start, Span<float> vals, Span<int> idx, double w, ref Split best)
    {
        int nn = vals.Length, m = idx.Length, nMiss = m - nn, minLeaf = _s.MinSamplesLeaf;
        double minWeight = _minWeightLeaf;
        var y = _y!;
        var wts = _w;
        var byY = _byY.AsSpan(0, m);
        var ys = _ySorted.AsSpan(0, m);
        idx.CopyTo(byY);
        for (int i = 0; i < m; i++) ys[i] = y[byY[i]];
        ys.Sort(byY);
        for (int r = 0; r < m; r++) _rank![byY[r]] = r;
        double wMiss = 0;
        for (int i = nn; i < m; i++) wMiss += wts[idx[i]];
        for (int pass = 0; pass < (nMiss > 0 ? 2 : 1); pass++)
        {
            bool missLeft = pass == 1;
            ResetFenwicks(m);
            double wl = 0;
            if (missLeft)
                for (int i = nn; i < m; i++) { MoveLeft(idx[i], m); wl += wts[idx[i]]; }
            for (int i = 0; i < nn - 1; i++)
            {
                int row = idx[i];
                MoveLeft(row, m);
                wl += wts[row];
                if (vals[i + 1] <= (double)vals[i] + FeatureThreshold) continue;
                int nl = i + 1 + (missLeft ? nMiss : 0);
                if (nl < minLeaf || m - nl < minLeaf) continue;
                double wr = w - wl;
                if (wl < minWeight || wr < minWeight) continue;
                double proxy = AbsoluteProxy(m, wl, wr);
                if (proxy > best.Proxy)
                {
                    Take(ref best, f, start + nl, vals[i], vals[i + 1], proxy);
                    best.MissingLeft = MissingSide(nMiss, missLeft, nl, m - nl);
                }
            }
        }
        if (nMiss > 0 && nn >= minLeaf && nMiss >= minLeaf)
        {
            double wl = w - wMiss, wr = wMiss;
            if (wl < minWeight || wr < minWeight) return;
            ResetFenwicks(m);
            for (int i = 0; i < nn; i++) MoveLeft(idx[i], m);
            double proxy = AbsoluteProxy(m, wl, wr);
            if (proxy > best.Proxy) TakeMissingRight(ref best, f, start + nn, proxy);
        }
    }

    private double AbsoluteProxy(int m, double wl, double wr)
    {
        double devL = Deviation(_fLw!, _fLs!, m, wl);
        double devR = Deviation(_fRw!, _fRs!, m, wr);
        return -wr * (devR / wr) - wl * (devL / wl);
    }

    /// <summary>Left side empty, right side holding every row of the node (linear-time Fenwick build).</summary>
    private void ResetFenwicks(int m)
    {
        Array.Clear(_fLw!, 0, m + 1);
        Array.Clear(_fLs!, 0, m + 1);
        var tw = _fRw!;
        var ts = _fRs!;
        tw[0] = ts[0] = 0;
        for (int r = 0; r < m; r++)
        {
            double wi = _w[_byY![r]];
            tw[r + 1] = wi;
            ts[r + 1] = wi * _ySorted![r];
        }
        for (int i = 1; i <= m; i++)
        {
            int j = i + (i & -i);
            if (j <= m)
            {
                tw[j] += tw[i];
                ts[j] += ts[i];
            }
        }
    }

    private void MoveLeft(int row, int m)
    {
        int r = _rank![row];
        double wi = _w[row], si = wi * _y![row];
        for (int i = r + 1; i <= m; i += i & -i)
        {
            _fLw![i] += wi;
            _fLs![i] += si;
            _fRw![i] -= wi;
            _fRs![i] -= si;
        }
    }

    /// <summary>Σ w|y − median| of one side: the weighted median found by Fenwick descent (first rank whose cumulative
    /// weight reaches half; the midpoint with the next present rank when it equals half exactly).</summary>
    private double Deviation(double[] tw, double[] ts, int m, double total)
    {
        double half = total / 2.0;
        int k = Descend(tw, m, half, inclusive: true);
        double cw = 0, cs = 0;
        for (int i = k; i > 0; i -= i & -i)
        {
            cw += tw[i];
            cs += ts[i];
        }
        double totalS = 0;
        for (int i = m; i > 0; i -= i & -i) totalS += ts[i];
        var ys = _ySorted!;
        double med = ys[k - 1];
        if (cw == half)
        {
            int k2 = Descend(tw, m, half, inclusive: false);
            if (k2 <= m) med = (ys[k - 1] + ys[k2 - 1]) / 2.0;
        }
        return med * cw - cs + (totalS - cs) - med * (total - cw);
    }

    /// <summary>Smallest 1-based k with cumulative weight ≥ target (inclusive) or &gt; target; m + 1 if none.</summary>
    private static int Descend(double[] tw, int m, double target, bool inclusive)
    {
        int pos = 0;
        double acc = 0;
        int step = 1;
        while (step * 2 <= m) step *= 2;
        for (; step > 0; step >>= 1)
        {
            int next = pos + step;
            if (next > m) continue;
            double c = acc + tw[next];
            if (inclusive ? c < target : c <= target)
            {
                pos = next;
                acc = c;
            }
        }
        return Math.Min(pos + 1, m + (inclusive ? 0 : 1));
    }

    /// <summary>scikit-learn's RandomSplitter for one feature: threshold drawn uniformly in [min, max) of the node's
    /// non-missing values (min if the draw equals max), rejected when a side keeps too few rows or too little weight.
    /// Rows missing the feature (NaN): scikit-learn 1.6 sends them to a side drawn at random; Fathom tries both sides
    /// (missing right first, so right wins ties) and keeps the better, which draws no extra random number. Without
    /// missing rows in the node, a missing value at prediction follows the child with more training rows. Returns
    /// false when the feature is constant in the node (all missing, or the non-missing values equal).</summary>
    private bool EvaluateRandom(int f, int start, int end, double w, double[] value, ref Split best)
    {
        var col = _data.Columns[f];
        float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
        int nMiss = 0;
        for (int p = start; p < end; p++)
        {
            float v = col[_samples[p]];
            if (float.IsNaN(v)) { nMiss++; continue; }
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        int m = end - start;
        if (nMiss == m || hi <= (double)lo + FeatureThreshold) return false;
        double t = (hi - (double)lo) * _rng!.NextDouble() + lo;
        if (t == hi) t = lo;
        var left = _left;
        var miss = _missing;
        Array.Clear(left);
        Array.Clear(miss);
        double wl = 0, sl = 0, wMiss = 0, sMiss = 0;
        int nl = 0;
        for (int p = start; p < end; p++)
        {
            int row = _samples[p];
            float v = col[row];
            double wi = _w[row];
            if (float.IsNaN(v))
            {
                wMiss += wi;
                if (_cls is not null) miss[_cls[row]] += wi;
                else sMiss += wi * _y![row];
                continue;
            }
            if (v > t) continue;
            nl++;
            wl += wi;
            if (_cls is not null) left[_cls[row]] += wi;
            else sl += wi * _y![row];
        }
        for (int pass = 0; pass < (nMiss > 0 ? 2 : 1); pass++)
        {
            bool missLeft = pass == 1;
            int nL = nl + (missLeft ? nMiss : 0);
            double wL = wl + (missLeft ? wMiss : 0), sL = sl + (missLeft ? sMiss : 0);
            if (missLeft && _cls is not null) for (int c = 0; c < _k; c++) left[c] += miss[c];
            if (RandomProxy(start, end, col, t, missLeft, nL, wL, sL, w, value, out double proxy) && proxy > best.Proxy)
            {
                best.Proxy = proxy;
                best.Feature = f;
                best.Pos = start + nL;
                best.Threshold = t;
                best.MissingLeft = MissingSide(nMiss, missLeft, nL, m - nL);
            }
        }
        return true;
    }

    /// <summary>The proxy of the random split whose left side holds <paramref name="nl"/> rows of weight <paramref name="wl"/>
    /// (class weights in <c>_left</c>, or Σ w·y = <paramref name="sl"/>); false when a side keeps too few rows or too little weight.</summary>
    private bool RandomProxy(int start, int end, float[] col, double t, bool missLeft, int nl, double wl, double sl, double w,
        double[] value, out double proxy)
    {
        proxy = double.NegativeInfinity;
        int m = end - start;
        if (nl < _s.MinSamplesLeaf || m - nl < _s.MinSamplesLeaf) return false;
        double wr = w - wl;
        if (wl < _minWeightLeaf || wr < _minWeightLeaf || wl <= 0 || wr <= 0) return false;
        if (_cls is not null)
        {
            for (int c = 0; c < _k; c++) _right[c] = value[c] - _left[c];
            bool entropy = _s.Criterion == CriterionKind.Entropy;
            proxy = -wr * ClassImpurity(_right.AsSpan(0, _k), wr, entropy) - wl * ClassImpurity(_left.AsSpan(0, _k), wl, entropy);
            return true;
        }
        if (_s.Criterion == CriterionKind.AbsoluteError)
        {
            double devL = SideDeviation(start, end, col, t, missLeft, left: true, wl);
            double devR = SideDeviation(start, end, col, t, missLeft, left: false, wr);
            proxy = -wr * (devR / wr) - wl * (devL / wl);
            return true;
        }
        return RegressionProxy(_s.Criterion, sl, value[0] * w - sl, wl, wr, out proxy);
    }

    /// <summary>Σ w|y − weighted median| over the node's rows on one side of threshold <paramref name="t"/> (rows missing
    /// the feature on the left when <paramref name="missLeft"/>; sorting; used by random splits, which try one threshold
    /// per feature).</summary>
    private double SideDeviation(int start, int end, float[] col, double t, bool missLeft, bool left, double w)
    {
        var ys = new List<double>();
        var ws = new List<double>();
        for (int p = start; p < end; p++)
        {
            int row = _samples[p];
            float v = col[row];
            if ((float.IsNaN(v) ? missLeft : v <= t) != left) continue;
            ys.Add(_y![row]);
            ws.Add(_w[row]);
        }
        var ya = ys.ToArray();
        var wa = ws.ToArray();
        Array.Sort(ya, wa);
        double half = w / 2.0, cum = 0, med = ya[^1];
        for (int i = 0; i < ya.Length; i++)
        {
            cum += wa[i];
            if (cum >= half)
            {
                med = cum == half && i + 1 < ya.Length ? (ya[i] + ya[i + 1]) / 2.0 : ya[i];
                break;
            }
        }
        double dev = 0;
        for (int i = 0; i < ya.Length; i++) dev += Math.Abs(ya[i] - med) * wa[i];
        return dev;
    }

    private static void Take(ref Split best, int f, int pos, double a, double b, double proxy)
    {
        best.Proxy = proxy;
        best.Feature = f;
        best.Pos = pos;
        double t = a / 2.0 + b / 2.0;
        if (t == b || double.IsInfinity(t)) t = a;
        best.Threshold = t;
        best.MissingLeft = false;
    }

    /// <summary>The split "non-missing rows left, missing rows right" (threshold +∞).</summary>
    private static void TakeMissingRight(ref Split best, int f, int pos, double proxy)
    {
        best.Proxy = proxy;
        best.Feature = f;
        best.Pos = pos;
        best.Threshold = double.PositiveInfinity;
        best.MissingLeft = false;
    }

    /// <summary>Moves the node's rows with x[f] ≤ threshold (and, when the split sends them left, rows missing x[f]) to the front, updates row positions, computes the
    /// children's impurities and returns scikit-learn's impurity improvement of the split.</summary>
    private double Partition(int start, int end, double w, double[] value, double impurity, Split split, out double impL, out double impR)
    {
        var col = _data.Columns[split.Feature];
        double t = split.Threshold;
        bool missingLeft = split.MissingLeft;
        int i = start, j = end - 1;
        var s = _samples;
        while (i <= j)
        {
            float v = col[s[i]];
            if (float.IsNaN(v) ? missingLeft : v <= t) i++;
            else
            {
                (s[i], s[j]) = (s[j], s[i]);
                j--;
            }
        }
        System.Diagnostics.Debug.Assert(i == split.Pos);
        for (int p = start; p < end; p++) _pos[s[p]] = p;
        var vl = new double[_width];
        var vr = new double[_width];
        double wl = Stats(start, split.Pos, vl);
        double wr = Stats(split.Pos, end, vr);
        impL = Impurity(start, split.Pos, wl, vl);
        impR = Impurity(split.Pos, end, wr, vr);
        if (_s.Criterion == CriterionKind.FriedmanMse)
        {
            double diff = wr * (vl[0] * wl) - wl * (vr[0] * wr);
            return diff * diff / (wl * wr * w);
        }
        return w / _rootWeight * (impurity - wr / w * impR - wl / w * impL);
    }
}
