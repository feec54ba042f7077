namespace Fathom.Trees;

/// <summary>
/// One node of a fitted decision tree, as scikit-learn's <c>tree_</c> arrays hold it. Nodes are numbered
/// as scikit-learn numbers them (depth-first, left child first; with <c>max_leaf_nodes</c>, in the order
/// they were created), so <c>Apply</c> returns the same leaf numbers.
/// </summary>
/// <param name="Feature">Feature tested by the node; −1 for a leaf.</param>
/// <param name="Threshold">Rows with <c>x[Feature] &lt;= Threshold</c> go left; NaN for a leaf.</param>
/// <param name="Left">Index of the left child; −1 for a leaf.</param>
/// <param name="Right">Index of the right child; −1 for a leaf.</param>
/// <param name="Impurity">Impurity of the node's training rows under the fitted criterion.</param>
/// <param name="Samples">Number of distinct training rows (with positive weight) that reached the node.</param>
/// <param name="WeightedSamples">Total weight of those rows.</param>
public readonly record struct TreeNode(int Feature, double Threshold, int Left, int Right, double Impurity, int Samples, double WeightedSamples)
{
    /// <summary>Where a row whose <see cref="Feature"/> is missing (NaN) goes: true = left. Learned from the training
    /// rows with missing values when there were some, else the child that received more training rows.</summary>
    public bool MissingGoesLeft { get; init; }

    /// <summary>True when the node has no children.</summary>
    public bool IsLeaf => Left < 0;
}
