using System.Runtime.InteropServices;

namespace Fathom.Boosting;

/// <summary>
/// One internal node of a <see cref="BoostedTree"/> laid out for prediction: 24 bytes, one contiguous array per tree.
/// <see cref="Feature"/> is the tested feature f, stored as ~f (negative) when a missing value goes left;
/// <see cref="Left"/>/<see cref="Right"/> hold the child's node index, or ~index (negative) when the child is a leaf,
/// so a descent never loads a leaf; <see cref="CategorySet"/> is the node's category set, or −1 for a threshold
/// split on <see cref="Threshold"/> (compared in double precision, as the tree was grown).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct BoostedNode(int feature, bool missingLeft, double threshold, int left, int right, int categorySet)
{
    internal readonly double Threshold = threshold;
    internal readonly int Feature = missingLeft ? ~feature : feature;
    internal readonly int Left = left;
    internal readonly int Right = right;
    internal readonly int CategorySet = categorySet;
}
