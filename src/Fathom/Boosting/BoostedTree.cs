namespace Fathom.Boosting;

/// <summary>
/// One fitted regression tree of a boosted ensemble, as flat arrays (node 0 is the root). Internal node i sends a
/// row left when its value of <see cref="Feature"/>[i] is ≤ <see cref="Threshold"/>[i], and a missing value (NaN)
/// left when <see cref="MissingLeft"/>[i]; a leaf has Left = −1 and its (already shrunk) output in Value.
/// </summary>
internal sealed class BoostedTree(int[] feature, double[] threshold, bool[] missingLeft, int[] left, int[] right, double[] value, double[] gain)
{
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
            i = v <= Threshold[i] ? Left[i] : double.IsNaN(v) ? (MissingLeft[i] ? Left[i] : Right[i]) : Right[i];
        }
        return Value[i];
    }
}
