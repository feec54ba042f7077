using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// A KD-tree over the rows of a matrix for Euclidean k-nearest-neighbour queries. Each node splits its points at
/// the median of its widest dimension (deterministic quickselect) and keeps their bounding box; leaves hold up to
/// <see cref="LeafSize"/> points, stored contiguously in tree order. A query visits the nearer child first and
/// skips nodes whose box is farther than the current k-th neighbour (boxes at exactly that distance are still
/// visited so that ties go to the lower index). Distances inside leaves are exact (Σ (aⱼ − bⱼ)², no expansion).
/// </summary>
internal sealed class KDTree
{
    public const int LeafSize = 32;

    private readonly Matrix _data;     // points in tree order
    private readonly int[] _index;     // tree position → original row
    private readonly List<int> _start = [], _end = [], _left = [], _right = [];
    private readonly List<double[]> _lo = [], _hi = [];
    private readonly int _d;

    public KDTree(Matrix points)
    {
        int n = points.Rows;
        _d = points.Columns;
        _index = new int[n];
        for (int i = 0; i < n; i++) _index[i] = i;
        Build(points, 0, n);
        _data = points.SelectRows(_index);
    }

    private int Build(Matrix x, int start, int end)
    {
        int node = _start.Count;
        var lo = new double[_d];
        var hi = new double[_d];
        Array.Fill(lo, double.PositiveInfinity);
        Array.Fill(hi, double.NegativeInfinity);
        for (int i = start; i < end; i++)
        {
            var row = x.Row(_index[i]);
            for (int j = 0; j < _d; j++)
            {
                if (row[j] < lo[j]) lo[j] = row[j];
                if (row[j] > hi[j]) hi[j] = row[j];
            }
        }
        _start.Add(start); _end.Add(end); _left.Add(-1); _right.Add(-1); _lo.Add(lo); _hi.Add(hi);
        if (end - start <= LeafSize) return node;
        int dim = 0;
        for (int j = 1; j < _d; j++) if (hi[j] - lo[j] > hi[dim] - lo[dim]) dim = j;
        if (!(hi[dim] > lo[dim])) return node; // all points equal: one leaf
        int mid = (start + end) / 2;
        Select(x, start, end - 1, mid, dim);
        int l = Build(x, start, mid);
        int r = Build(x, mid, end);
        _left[node] = l;
        _right[node] = r;
        return node;
    }

    /// <summary>Quickselect on _index[lo..hi] so that position k holds the k-th smallest value of column dim.</summary>
    private void Select(Matrix x, int lo, int hi, int k, int dim)
    {
        while (hi > lo)
        {
            int m = lo + (hi - lo) / 2;
            // median of three as pivot
            double a = x[_index[lo], dim], b = x[_index[m], dim], c = x[_index[hi], dim];
            double pivot = a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (x[_index[i], dim] < pivot) i++;
                while (x[_index[j], dim] > pivot) j--;
                if (i <= j)
                {
                    (_index[i], _index[j]) = (_index[j], _index[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    /// <summary>Fills best (k squared distances, ascending) and bestIndex (original rows) for query q.</summary>
    public void Query(ReadOnlySpan<double> q, int k, Span<double> best, Span<int> bestIndex)
    {
        best.Fill(double.PositiveInfinity);
        bestIndex.Fill(int.MaxValue);
        Visit(0, q, BoxDistance(0, q), best, bestIndex);
    }

    private double BoxDistance(int node, ReadOnlySpan<double> q)
    {
        var lo = _lo[node];
        var hi = _hi[node];
        double s = 0;
        for (int j = 0; j < q.Length; j++)
        {
            double v = q[j];
            double d = v < lo[j] ? lo[j] - v : v > hi[j] ? v - hi[j] : 0.0;
            s += d * d;
        }
        return s;
    }

    private void Visit(int node, ReadOnlySpan<double> q, double boxDistance, Span<double> best, Span<int> bestIndex)
    {
        if (boxDistance > best[^1]) return;
        int l = _left[node];
        if (l < 0)
        {
            for (int p = _start[node], end = _end[node]; p < end; p++)
                Offer(Distances.SquaredEuclidean(q, _data.Row(p)), _index[p], best, bestIndex);
            return;
        }
        int r = _right[node];
        double dl = BoxDistance(l, q), dr = BoxDistance(r, q);
        if (dl <= dr)
        {
            Visit(l, q, dl, best, bestIndex);
            Visit(r, q, dr, best, bestIndex);
        }
        else
        {
            Visit(r, q, dr, best, bestIndex);
            Visit(l, q, dl, best, bestIndex);
        }
    }

    /// <summary>Adds every point with exact squared distance ≤ <paramref name="r2"/> to <paramref name="found"/> (unsorted).</summary>
    public void Radius(ReadOnlySpan<double> q, double r2, List<(double D, int I)> found) => VisitRadius(0, q, r2, found);

    private void VisitRadius(int node, ReadOnlySpan<double> q, double r2, List<(double D, int I)> found)
    {
        if (BoxDistance(node, q) > r2) return;
        int l = _left[node];
        if (l < 0)
        {
            for (int p = _start[node], end = _end[node]; p < end; p++)
            {
                double d = Distances.SquaredEuclidean(q, _data.Row(p));
                if (d <= r2) found.Add((d, _index[p]));
            }
            return;
        }
        VisitRadius(l, q, r2, found);
        VisitRadius(_right[node], q, r2, found);
    }

    /// <summary>Inserts (d, i) into the sorted top-k if it beats the current k-th by (distance, index).</summary>
    internal static void Offer(double d, int i, Span<double> best, Span<int> bestIndex)
    {
        int k = best.Length;
        if (d > best[k - 1] || (d == best[k - 1] && i >= bestIndex[k - 1])) return;
        int pos = k - 1;
        while (pos > 0 && (best[pos - 1] > d || (best[pos - 1] == d && bestIndex[pos - 1] > i)))
        {
            best[pos] = best[pos - 1];
            bestIndex[pos] = bestIndex[pos - 1];
            pos--;
        }
        best[pos] = d;
        bestIndex[pos] = i;
    }
}
