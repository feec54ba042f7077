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
        return new Tree(_feature.ToArray(), _threshold.ToArray(), _leftChild.ToArray(), _rightChild.ToArray(), _impurity.ToArray(),
            _nSamples.ToArray(), _weighted.ToArray(), _value.ToArray(), _width, _cls is not null);
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
            int id = AddNode(p.Parent, p.IsLeft, leaf ? -1 : split.Feature, leaf ? double.NaN : split.Threshold, p.Impurity, n, w, value);
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
        int id = AddNode(parent, isLeft, leaf ? -1 : split.Feature, leaf ? double.NaN : split.Threshold, impurity, n, w, value);
        return new Frontier(id, start, end, split.Pos, depth, leaf, impL, impR, leaf ? 0 : improvement, constants);
    }

    private int AddNode(int parent, bool isLeft, int feature, double threshold, double impurity, int n, double w, double[] value)
    {
        int id = _feature.Count;
        _feature.Add(feature);
        _threshold.Add(threshold);
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
        value[0] = sum / w;
        return w;
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

    /// <summary>Sorts the node's values of feature <paramref name="f"/> and scans the split positions. Returns false
    /// when the feature is constant in the node.</summary>
    private bool EvaluateFeature(int f, int start, int end, double w, double[] value, ref Split best)
    {
        if (_s.RandomSplits) return EvaluateRandom(f, start, end, w, value, ref best);
        int m = end - start;
        var col = _data.Columns[f];
        var vals = _vals.AsSpan(0, m);
        var idx = _idx.AsSpan(0, m);
        var order = _data.Order;
        if (order is not null && (long)m * 8 >= _data.Rows)
        {
            // Large node: filter the presorted order instead of sorting (O(N), sequential).
            var ord = order[f];
            var pos = _pos;
            int c = 0;
            uint um = (uint)m;
            foreach (int row in ord)
            {
                if ((uint)(pos[row] - start) < um)
                {
                    idx[c] = row;
                    vals[c] = col[row];
                    c++;
                }
            }
        }
        else
        {
            for (int i = 0; i < m; i++)
            {
                int row = _samples[start + i];
                idx[i] = row;
                vals[i] = col[row];
            }
            vals.Sort(idx);
        }
        if (vals[m - 1] <= (double)vals[0] + FeatureThreshold) return false;
        if (_cls is not null) ScanClassification(f, start, vals, idx, w, value, ref best);
        else ScanRegression(f, start, vals, idx, w, value[0] * w, ref best);
        return true;
    }

    private void ScanClassification(int f, int start, Span<float> vals, Span<int> idx, double w, double[] total, ref Split best)
    {
        int m = vals.Length, k = _k, minLeaf = _s.MinSamplesLeaf;
        double minWeight = _minWeightLeaf;
        var left = _left;
        var right = _right;
        Array.Clear(left);
        double wl = 0;
        bool entropy = _s.Criterion == CriterionKind.Entropy;
        var cls = _cls!;
        var wts = _w;
        for (int i = 0; i < m - 1; i++)
        {
            int row = idx[i];
            double wi = wts[row];
            left[cls[row]] += wi;
            wl += wi;
            if (vals[i + 1] <= (double)vals[i] + FeatureThreshold) continue;
            int nl = i + 1;
            if (nl < minLeaf || m - nl < minLeaf) continue;
            double wr = w - wl;
            if (wl < minWeight || wr < minWeight) continue;
            double proxy;
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
                proxy = -wr * gr - wl * gl;
            }
            else
            {
                for (int c = 0; c < k; c++) right[c] = total[c] - left[c];
                proxy = -wr * ClassImpurity(right.AsSpan(0, k), wr, true) - wl * ClassImpurity(left.AsSpan(0, k), wl, true);
            }
            if (proxy > best.Proxy) Take(ref best, f, start + nl, vals[i], vals[i + 1], proxy);
        }
    }

    private void ScanRegression(int f, int start, Span<float> vals, Span<int> idx, double w, double sumTotal, ref Split best)
    {
        int m = vals.Length, minLeaf = _s.MinSamplesLeaf;
        double minWeight = _minWeightLeaf;
        double wl = 0, sl = 0;
        var y = _y!;
        var wts = _w;
        var crit = _s.Criterion;
        for (int i = 0; i < m - 1; i++)
        {
            int row = idx[i];
            double wi = wts[row];
            sl += wi * y[row];
            wl += wi;
            if (vals[i + 1] <= (double)vals[i] + FeatureThreshold) continue;
            int nl = i + 1;
            if (nl < minLeaf || m - nl < minLeaf) continue;
            double wr = w - wl;
            if (wl < minWeight || wr < minWeight) continue;
            double sr = sumTotal - sl;
            double proxy;
            if (crit == CriterionKind.SquaredError) proxy = sl * sl / wl + sr * sr / wr;
            else if (crit == CriterionKind.FriedmanMse)
            {
                double diff = wr * sl - wl * sr;
                proxy = diff * diff / (wl * wr);
            }
            else
            {
                if (sl <= Epsilon || sr <= Epsilon) continue;
                proxy = sl * Math.Log(sl / wl) + sr * Math.Log(sr / wr);
            }
            if (proxy > best.Proxy) Take(ref best, f, start + nl, vals[i], vals[i + 1], proxy);
        }
    }

    /// <summary>scikit-learn's RandomSplitter for one feature: threshold drawn uniformly in [min, max) of the node's
    /// values (min if the draw equals max), rejected when a side keeps too few rows or too little weight.</summary>
    private bool EvaluateRandom(int f, int start, int end, double w, double[] value, ref Split best)
    {
        var col = _data.Columns[f];
        float lo = col[_samples[start]], hi = lo;
        for (int p = start + 1; p < end; p++)
        {
            float v = col[_samples[p]];
            if (v < lo) lo = v;
            else if (v > hi) hi = v;
        }
        if (hi <= (double)lo + FeatureThreshold) return false;
        double t = (hi - (double)lo) * _rng!.NextDouble() + lo;
        if (t == hi) t = lo;
        var left = _left;
        Array.Clear(left);
        double wl = 0, sl = 0;
        int nl = 0;
        for (int p = start; p < end; p++)
        {
            int row = _samples[p];
            if (col[row] > t) continue;
            double wi = _w[row];
            nl++;
            wl += wi;
            if (_cls is not null) left[_cls[row]] += wi;
            else sl += wi * _y![row];
        }
        int m = end - start;
        if (nl < _s.MinSamplesLeaf || m - nl < _s.MinSamplesLeaf) return true;
        double wr = w - wl;
        if (wl < _minWeightLeaf || wr < _minWeightLeaf || wl <= 0 || wr <= 0) return true;
        double proxy;
        if (_cls is not null)
        {
            for (int c = 0; c < _k; c++) _right[c] = value[c] - left[c];
            bool entropy = _s.Criterion == CriterionKind.Entropy;
            proxy = -wr * ClassImpurity(_right.AsSpan(0, _k), wr, entropy) - wl * ClassImpurity(left.AsSpan(0, _k), wl, entropy);
        }
        else
        {
            double sr = value[0] * w - sl;
            if (_s.Criterion == CriterionKind.SquaredError) proxy = sl * sl / wl + sr * sr / wr;
            else if (_s.Criterion == CriterionKind.FriedmanMse)
            {
                double diff = wr * sl - wl * sr;
                proxy = diff * diff / (wl * wr);
            }
            else
            {
                if (sl <= Epsilon || sr <= Epsilon) return true;
                proxy = sl * Math.Log(sl / wl) + sr * Math.Log(sr / wr);
            }
        }
        if (proxy > best.Proxy)
        {
            best.Proxy = proxy;
            best.Feature = f;
            best.Pos = start + nl;
            best.Threshold = t;
        }
        return true;
    }

    private static void Take(ref Split best, int f, int pos, double a, double b, double proxy)
    {
        best.Proxy = proxy;
        best.Feature = f;
        best.Pos = pos;
        double t = a / 2.0 + b / 2.0;
        if (t == b || double.IsInfinity(t)) t = a;
        best.Threshold = t;
    }

    /// <summary>Moves the node's rows with x[f] ≤ threshold to the front, updates row positions, computes the
    /// children's impurities and returns scikit-learn's impurity improvement of the split.</summary>
    private double Partition(int start, int end, double w, double[] value, double impurity, Split split, out double impL, out double impR)
    {
        var col = _data.Columns[split.Feature];
        double t = split.Threshold;
        int i = start, j = end - 1;
        var s = _samples;
        while (i <= j)
        {
            if (col[s[i]] <= t) i++;
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
