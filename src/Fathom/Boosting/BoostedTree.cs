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
