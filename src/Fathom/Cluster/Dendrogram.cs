using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// A full merge tree over n leaves (the training rows), in SciPy's linkage-matrix convention: merge i (0 … n − 2,
/// in order of increasing distance) joins nodes <see cref="Left"/>[i] &lt; <see cref="Right"/>[i] at
/// <see cref="Distances"/>[i] into node n + i holding <see cref="Counts"/>[i] leaves; nodes below n are leaves.
/// Cut it into a given number of clusters (<see cref="Cut"/>) or at a distance (<see cref="CutAtDistance"/>).
/// Immutable.
/// </summary>
public sealed class Dendrogram
{
    private readonly int[] _left, _right, _counts;
    private readonly double[] _distances;

    /// <summary>Builds a tree from its merges (arrays of length n − 1, validated).</summary>
    /// <exception cref="ArgumentException">Arrays of different lengths or children that do not form a tree.</exception>
    public Dendrogram(IReadOnlyList<int> left, IReadOnlyList<int> right, IReadOnlyList<double> distances, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(counts);
        int m = left.Count;
        if (right.Count != m || distances.Count != m || counts.Count != m)
            throw new ArgumentException("Children, distances and counts must have one entry per merge.");
        LeafCount = m + 1;
        var used = new bool[2 * m + 1];
        for (int i = 0; i < m; i++)
            foreach (int c in new[] { left[i], right[i] })
            {
                if (c < 0 || c >= LeafCount + i || used[c])
                    throw new ArgumentException($"Merge {i} has child {c}, which is not an unmerged node created before it.");
                used[c] = true;
            }
        _left = left.ToArray();
        _right = right.ToArray();
        _distances = distances.ToArray();
        _counts = counts.ToArray();
    }

    /// <summary>Number of leaves n (training rows).</summary>
    public int LeafCount { get; }

    /// <summary>First (smaller-numbered) child of each merge.</summary>
    public IReadOnlyList<int> Left => new ReadOnlyCollection<int>(_left);

    /// <summary>Second child of each merge.</summary>
    public IReadOnlyList<int> Right => new ReadOnlyCollection<int>(_right);

    /// <summary>Linkage distance of each merge, non-decreasing (scikit-learn's <c>distances_</c>).</summary>
    public IReadOnlyList<double> Distances => new ReadOnlyCollection<double>(_distances);

    /// <summary>Number of leaves under each merged node.</summary>
    public IReadOnlyList<int> Counts => new ReadOnlyCollection<int>(_counts);

    /// <summary>SciPy's linkage matrix Z: (n − 1) × 4 rows [left, right, distance, count].</summary>
    public Matrix ToLinkageMatrix()
    {
        var z = new Matrix(_left.Length, 4);
        for (int i = 0; i < _left.Length; i++)
        {
            z[i, 0] = _left[i];
            z[i, 1] = _right[i];
            z[i, 2] = _distances[i];
            z[i, 3] = _counts[i];
        }
        return z;
    }

    /// <summary>
    /// Labels of the leaves when the last <paramref name="clusters"/> − 1 merges are undone, numbered as
    /// scikit-learn's <c>_hc_cut</c> numbers them (the order of its heap of cluster roots). O(n log k).
    /// </summary>
    /// <exception cref="InvalidHyperparameterException"><paramref name="clusters"/> is below 1 or above the leaf count.</exception>
    public int[] Cut(int clusters)
    {
        if (clusters < 1 || clusters > LeafCount)
            throw new InvalidHyperparameterException("clusters", $"Dendrogram: cannot cut {LeafCount} leaves into {clusters} clusters; choose 1 … {LeafCount}.");
        int n = LeafCount;
        // A min-heap of negated node numbers (python's heapq), as scikit-learn's _hc_cut: pop the newest root, push its children.
        var heap = new List<int> { -(2 * n - 2) };
        for (int c = 0; c < clusters - 1; c++)
        {
            int merge = -heap[0] - n;
            HeapPush(heap, -_left[merge]);
            HeapPushPop(heap, -_right[merge]);
        }
        var labels = new int[n];
        var stack = new Stack<int>();
        for (int label = 0; label < heap.Count; label++)
        {
            stack.Push(-heap[label]);
            while (stack.Count > 0)
            {
                int node = stack.Pop();
                if (node < n) labels[node] = label;
                else
                {
                    stack.Push(_left[node - n]);
                    stack.Push(_right[node - n]);
                }
            }
        }
        return labels;
    }

    /// <summary>Number of clusters left when merges at distance ≥ <paramref name="threshold"/> are undone: 1 + #{i : dᵢ ≥ threshold}.</summary>
    public int ClusterCountAt(double threshold) => 1 + _distances.Count(d => d >= threshold);

    /// <summary>Labels after undoing every merge at distance ≥ <paramref name="threshold"/> (scikit-learn's <c>distance_threshold</c>).</summary>
    public int[] CutAtDistance(double threshold) => Cut(ClusterCountAt(threshold));

    private static void HeapPush(List<int> heap, int item)
    {
        heap.Add(item);
        SiftDown(heap, 0, heap.Count - 1);
    }

    private static void HeapPushPop(List<int> heap, int item)
    {
        if (heap.Count > 0 && heap[0] < item)
        {
            heap[0] = item;
            SiftUp(heap, 0);
        }
    }

    // python heapq's _siftdown / _siftup, so the heap's final order (hence the label numbers) is the same.
    private static void SiftDown(List<int> heap, int start, int pos)
    {
        int item = heap[pos];
        while (pos > start)
        {
            int parent = (pos - 1) >> 1;
            if (item < heap[parent])
            {
                heap[pos] = heap[parent];
                pos = parent;
                continue;
            }
            break;
        }
        heap[pos] = item;
    }

    private static void SiftUp(List<int> heap, int pos)
    {
        int end = heap.Count, start = pos, item = heap[pos];
        int child = 2 * pos + 1;
        while (child < end)
        {
            int right = child + 1;
            if (right < end && !(heap[child] < heap[right])) child = right;
            heap[pos] = heap[child];
            pos = child;
            child = 2 * pos + 1;
        }
        heap[pos] = item;
        SiftDown(heap, start, pos);
    }
}
