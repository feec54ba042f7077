using System.Runtime.InteropServices;

namespace Fathom.Trees;

/// <summary>
/// One internal node of a fitted tree laid out for prediction: 16 bytes, so a node is one aligned load and a tree is
/// one contiguous array. <see cref="Feature"/> is the tested feature f, stored as ~f (negative) when a missing value
/// goes left. <see cref="Threshold"/> is the largest float ≤ the learned (double) threshold: features are compared in
/// single precision, and for a float v, <c>v ≤ t</c> ⇔ <c>v ≤ that float</c>, so decisions are bit-for-bit those of
/// the double threshold. <see cref="Left"/>/<see cref="Right"/> hold the child's node index, or ~index (negative)
/// when the child is a leaf, so traversal never loads a leaf node.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct PackedNode
{
    internal readonly int Feature;
    internal readonly float Threshold;
    internal readonly int Left;
    internal readonly int Right;

    internal PackedNode(int feature, bool missingLeft, double threshold, int left, int right)
    {
        Feature = missingLeft ? ~feature : feature;
        Threshold = FloorToSingle(threshold);
        Left = left;
        Right = right;
    }

    /// <summary>The largest float ≤ <paramref name="t"/> (+∞ stays +∞; a value above float.MaxValue gives float.MaxValue).</summary>
    internal static float FloorToSingle(double t)
    {
        float f = (float)t;
        return f > t ? MathF.BitDecrement(f) : f;
    }
}
