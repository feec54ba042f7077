namespace Fathom.Manifold;

/// <summary>
/// A 2-D region quad-tree over points, rebuilt each t-SNE iteration, answering Barnes–Hut sums of the Student-t
/// kernel: cells are squares split at their centre (scikit-learn's <c>_QuadTree</c>); a leaf holds one point or
/// several identical ones; every node keeps its centre of mass, point count and squared width. Built by
/// partitioning an index array, O(n·depth); queries use an explicit stack. Not thread-safe while building;
/// queries may run concurrently.
/// </summary>
internal sealed class QuadTree
{
    private const int MaxDepth = 60;

    private struct Node
    {
        public double Cx, Cy, Count, Width2;
        public int FirstChild, ChildCount;
    }

    private Node[] _nodes = new Node[64];
    private int _count;
    private int[] _order = [];
    private int[] _scratch = [];
    private double[] _pos = [];

    /// <summary>The point indices in tree order (points of one cell are contiguous) after <see cref="Build"/>:
    /// queries made in this order follow nearly the same paths one after another.</summary>
    internal int[] Order => _order;

    /// <summary>Builds the tree over points (x, y) interleaved in <paramref name="pos"/>, n = pos.Length / 2.</summary>
    internal void Build(double[] pos)
    {
        _pos = pos;
        int n = pos.Length / 2;
        if (_order.Length != n)
        {
            _order = new int[n];
            _scratch = new int[n];
        }
        for (int i = 0; i < n; i++) _order[i] = i;
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            double x = pos[2 * i], y = pos[2 * i + 1];
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
        }
        // a square root cell slightly larger than the bounding box
        double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        double half = Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-3) + 1e-12;
        _count = 1;
        BuildNode(0, 0, n, cx - half, cy - half, 2 * half, 0);
    }

    private void BuildNode(int node, int start, int end, double x0, double y0, double width, int depth)
    {
        double sx = 0, sy = 0;
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        var pos = _pos;
        for (int a = start; a < end; a++)
        {
            int i = _order[a];
            double x = pos[2 * i], y = pos[2 * i + 1];
            sx += x;
            sy += y;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
        }
        int m = end - start;
        ref var nd = ref _nodes[node];
        nd.Cx = sx / m;
        nd.Cy = sy / m;
        nd.Count = m;
        nd.Width2 = width * width;
        nd.FirstChild = 0;
        nd.ChildCount = 0;
        if (m == 1)
        {
            nd.Cx = minX;
            nd.Cy = minY;
            return;
        }
        if ((minX == maxX && minY == maxY) || depth >= MaxDepth) return;

        double half = width / 2, mx = x0 + half, my = y0 + half;
        Span<int> counts = stackalloc int[4];
        for (int a = start; a < end; a++)
        {
            int i = _order[a];
            counts[(pos[2 * i] >= mx ? 1 : 0) + (pos[2 * i + 1] >= my ? 2 : 0)]++;
        }
        Span<int> offs = stackalloc int[5];
        offs[0] = start;
        for (int q = 0; q < 4; q++) offs[q + 1] = offs[q] + counts[q];
        Span<int> fill = stackalloc int[4];
        for (int q = 0; q < 4; q++) fill[q] = offs[q];
        for (int a = start; a < end; a++)
        {
            int i = _order[a];
            _scratch[fill[(pos[2 * i] >= mx ? 1 : 0) + (pos[2 * i + 1] >= my ? 2 : 0)]++] = i;
        }
        Array.Copy(_scratch, start, _order, start, m);

        int children = 0;
        for (int q = 0; q < 4; q++) if (counts[q] > 0) children++;
        int first = _count;
        _count += children;
        if (_count > _nodes.Length) Array.Resize(ref _nodes, Math.Max(_count, _nodes.Length * 2));
        _nodes[node].FirstChild = first;
        _nodes[node].ChildCount = children;
        int c = first;
        for (int q = 0; q < 4; q++)
        {
            if (counts[q] == 0) continue;
            BuildNode(c++, offs[q], offs[q + 1], (q & 1) != 0 ? mx : x0, (q & 2) != 0 ? my : y0, half, depth + 1);
        }
    }

    /// <summary>
    /// Barnes–Hut repulsion on the point (px, py): over summarized cells (a leaf, or a cell with
    /// width² &lt; θ²·d²), accumulates Z += N·q and F += N·q²·(p − centre), q = 1 / (1 + d²); a leaf at the
    /// point itself is skipped.
    /// </summary>
    internal void Repulsion(double px, double py, double theta2, out double fx, out double fy, out double z)
    {
        Span<int> stack = stackalloc int[4 * MaxDepth + 8];
        int sp = 0;
        stack[sp++] = 0;
        double ax = 0, ay = 0, az = 0;
        var nodes = _nodes;
        while (sp > 0)
        {
            ref readonly var nd = ref nodes[stack[--sp]];
            double dx = px - nd.Cx, dy = py - nd.Cy;
            double d2 = dx * dx + dy * dy;
            if (nd.ChildCount == 0)
            {
                if (d2 == 0) continue;
            }
            else if (!(nd.Width2 < theta2 * d2))
            {
                for (int c = nd.FirstChild, e = nd.FirstChild + nd.ChildCount; c < e; c++) stack[sp++] = c;
                continue;
            }
            double q = 1.0 / (1.0 + d2);
            double nq = nd.Count * q;
            az += nq;
            nq *= q;
            ax += nq * dx;
            ay += nq * dy;
        }
        fx = ax;
        fy = ay;
        z = az;
    }
}
