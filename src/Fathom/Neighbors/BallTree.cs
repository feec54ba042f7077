using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// A ball tree for any metric with the triangle inequality (euclidean, manhattan, chebyshev, minkowski): each node keeps
/// the centroid of its points and the largest distance from it to them, so no point of the node is nearer to a query q
/// than max(0, d(q, centroid) − radius). Nodes split at the median of their widest coordinate; leaves hold up to 32
/// points. Build O(n log² n); a query is about O(log n) in low dimensions and degrades more gracefully than a KD-tree
/// as the dimension grows, and it serves the metrics the KD-tree does not.
/// </summary>
internal sealed class BallTree
{
    public const int LeafSize = 32;

    private readonly Matrix _data;     // points in tree order
    private readonly int[] _index;     // tree position → original row
    private readonly List<int> _start = [], _end = [], _left = [], _right = [];
    private readonly List<double[]> _centre = [];
    private readonly List<double> _radius = [];
    private readonly NearestNeighbors _metric;

    /// <summary>Builds over <paramref name="points"/>; distances are those of <paramref name="metric"/> (its
    /// <see cref="NearestNeighbors.Distance"/>).</summary>
    public BallTree(Matrix points, NearestNeighbors metric)
    {
        _metric = metric;
        int n = points.Rows;
        _index = new int[n];
        for (int i = 0; i < n; i++) _index[i] = i;
        Build(points, 0, n);
        _data = points.SelectRows(_index);
    }

    private int Build(Matrix x, int start, int end)
    {
        int node = _start.Count;
        int d = x.Columns;
        _start.Add(start);
        _end.Add(end);
        _left.Add(-1);
        _right.Add(-1);
        var centre = new double[d];
        for (int p = start; p < end; p++)
        {
            var row = x.Row(_index[p]);
            for (int j = 0; j < d; j++) centre[j] += row[j];
        }
        for (int j = 0; j < d; j++) centre[j] /= end - start;
        double radius = 0;
        for (int p = start; p < end; p++) radius = Math.Max(radius, _metric.Distance(centre, x.Row(_index[p])));
        _centre.Add(centre);
        _radius.Add(radius);
        if (end - start <= LeafSize) return node;
        int dim = 0;
        double widest = -1;
        for (int j = 0; j < d; j++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int p = start; p < end; p++)
            {
                double v = x[_index[p], j];
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
            if (hi - lo > widest) { widest = hi - lo; dim = j; }
        }
        if (widest <= 0) return node; // all points equal: keep one leaf
        Array.Sort(_index, start, end - start, Comparer<int>.Create((a, b) =>
        {
            int c = x[a, dim].CompareTo(x[b, dim]);
            return c != 0 ? c : a.CompareTo(b);
        }));
        int mid = (start + end) / 2;
        int l = Build(x, start, mid);
        int r = Build(x, mid, end);
        _left[node] = l;
        _right[node] = r;
        return node;
    }

    /// <summary>Fills best (the k smallest (distance, row) pairs, ascending) for query q.</summary>
    public void Query(ReadOnlySpan<double> q, int k, Span<double> best, Span<int> bestIndex)
    {
        best.Fill(double.PositiveInfinity);
        bestIndex.Fill(int.MaxValue);
        Visit(0, q, Bound(0, q), best, bestIndex);
    }

    private double Bound(int node, ReadOnlySpan<double> q) => Math.Max(0, _metric.Distance(q, _centre[node]) - _radius[node]);

    private void Visit(int node, ReadOnlySpan<double> q, double bound, Span<double> best, Span<int> bestIndex)
    {
        if (bound > best[^1]) return;
        int l = _left[node];
        if (l < 0)
        {
            for (int p = _start[node], end = _end[node]; p < end; p++)
                KDTree.Offer(_metric.Distance(q, _data.Row(p)), _index[p], best, bestIndex);
            return;
        }
        int r = _right[node];
        double bl = Bound(l, q), br = Bound(r, q);
        if (bl <= br)
        {
            Visit(l, q, bl, best, bestIndex);
            Visit(r, q, br, best, bestIndex);
        }
        else
        {
            Visit(r, q, br, best, bestIndex);
            Visit(l, q, bl, best, bestIndex);
        }
    }

    /// <summary>Adds every point with distance ≤ <paramref name="radius"/> to <paramref name="found"/> (unsorted).</summary>
    public void Radius(ReadOnlySpan<double> q, double radius, List<(double D, int I)> found)
    {
        VisitRadius(0, q, radius, found);
    }

    private void VisitRadius(int node, ReadOnlySpan<double> q, double radius, List<(double D, int I)> found)
    {
        if (Bound(node, q) > radius) return;
        int l = _left[node];
        if (l < 0)
        {
            for (int p = _start[node], end = _end[node]; p < end; p++)
            {
                double d = _metric.Distance(q, _data.Row(p));
                if (d <= radius) found.Add((d, _index[p]));
            }
            return;
        }
        VisitRadius(l, q, radius, found);
        VisitRadius(_right[node], q, radius, found);
    }
}
