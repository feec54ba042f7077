namespace Fathom.Boosting;

/// <summary>
/// One fitted regression tree of a boosted ensemble, as flat arrays (node 0 is the root). Internal node i sends a
/// row left when its value of <see cref="Feature"/>[i] is ≤ <see cref="Threshold"/>[i], and a missing value (NaN)
/// left when <see cref="MissingLeft"/>[i]; a leaf has Left = −1 and its (already shrunk) output in Value. A categorical
/// node (CategorySet[i] ≥ 0) instead sends categories of its left set left and of its right set right; any other
/// value (missing, unknown in training, negative, fractional, ≥ 256) goes where missing values go.
/// </summary>
internal sealed class BoostedTree(int[] feature, double[] threshold, bool[] missingLeft, int[] left, int[] right, double[] value, double[] gain,
    int[]? categorySet = null, ulong[]? categoryBits = null)
{
    /// <summary>Words per category set: 4 × 64 bits for the left categories, then 4 for the right ones.</summary>
    public const int SetWords = 8;

    /// <summary>Per node, the index of its category set, or −1 for a threshold split; null when no node is categorical.</summary>
    public int[]? CategorySet { get; } = categorySet;

    /// <summary>The category sets, <see cref="SetWords"/> words each (bit c of the left/right half = category c).</summary>
    public ulong[]? CategoryBits { get; } = categoryBits;

    public int[] Feature { get; } = feature;
    public double[] Threshold { get; } = threshold;
    public bool[] MissingLeft { get; } = missingLeft;
    public int[] Left { get; } = left;
    public int[] Right { get; } = right;
    public double[] Value { get; } = value;

    /// <summary>Gain of each internal node's split (0 on leaves).</summary>
    public double[] Gain { get; } = gain;

    public int NodeCount => Value.Length;

    public int LeafCount
    {
        get
        {
            int c = 0;
            foreach (int l in Left) if (l < 0) c++;
            return c;
        }
    }

    /// <summary>The internal nodes in prediction layout (node i of the tree is <see cref="Packed"/>[i]; leaves are
    /// never loaded, their entries are unused); empty when the root is a leaf.</summary>
    private BoostedNode[] Packed => _packed ??= Pack();

    private BoostedNode[]? _packed;

    private BoostedNode[] Pack()
    {
        if (Left[0] < 0) return [];
        var nodes = new BoostedNode[NodeCount];
        for (int i = 0; i < nodes.Length; i++)
        {
            if (Left[i] < 0) continue;
            int l = Left[i], r = Right[i];
            nodes[i] = new BoostedNode(Feature[i], MissingLeft[i], Threshold[i], Left[l] < 0 ? ~l : l, Left[r] < 0 ? ~r : r,
                CategorySet?[i] ?? -1);
        }
        return nodes;
    }

    /// <summary>
    /// Adds the leaf value of each of <paramref name="count"/> rows to <paramref name="sums"/>[i]. The rows are held
    /// row-major with <paramref name="stride"/> values per row; all rows descend one level per pass (the rows still
    /// inside the tree are kept in <paramref name="active"/>), so the loads of different rows overlap instead of
    /// waiting one after another. Same decisions and same added values as <see cref="Predict"/>. O(count · depth).
    /// </summary>
    internal void AddTo(ReadOnlySpan<double> rows, int stride, int count, Span<double> sums, Span<int> at, Span<int> active)
    {
        var nodes = Packed;
        var value = Value;
        if (nodes.Length == 0)
        {
            for (int i = 0; i < count; i++) sums[i] += value[0];
            return;
        }
        at = at[..count];
        at.Clear();
        for (int i = 0; i < count; i++) active[i] = i;
        int live = count;
        while (live > 0)
        {
            int kept = 0;
            for (int a = 0; a < live; a++)
            {
                int i = active[a];
                ref readonly var nd = ref nodes[at[i]];
                int f = nd.Feature;
                double v = rows[i * stride + (f ^ (f >> 31))];
                bool goLeft = nd.CategorySet >= 0
                    ? CategoryGoesLeft(nd.CategorySet, v) ?? f < 0
                    : v <= nd.Threshold || (double.IsNaN(v) && f < 0);
                int next = goLeft ? nd.Left : nd.Right;
                if (next < 0)
                {
                    sums[i] += value[~next];
                    continue;
                }
                at[i] = next;
                active[kept++] = i;
            }
            live = kept;
        }
    }

    /// <summary>The leaf value reached by one row. O(depth).</summary>
    public double Predict(ReadOnlySpan<double> row)
    {
        int i = 0;
        while (Left[i] >= 0)
        {
            double v = row[Feature[i]];
            if (CategorySet is not null && CategorySet[i] >= 0)
            {
                i = CategoryGoesLeft(CategorySet[i], v) ?? MissingLeft[i] ? Left[i] : Right[i];
                continue;
            }
            i = v <= Threshold[i] ? Left[i] : double.IsNaN(v) ? (MissingLeft[i] ? Left[i] : Right[i]) : Right[i];
        }
        return Value[i];
    }

    /// <summary>True/false for a category of the set's left/right half, null for anything else.</summary>
    private bool? CategoryGoesLeft(int set, double v)
    {
        if (!(v >= 0 && v < 256) || v != Math.Floor(v)) return null;
        int c = (int)v, at = set * SetWords + (c >> 6);
        ulong bit = 1UL << (c & 63);
        if ((CategoryBits![at] & bit) != 0) return true;
        if ((CategoryBits[at + 4] & bit) != 0) return false;
        return null;
    }
}
