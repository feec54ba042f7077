namespace Fathom.Boosting;

/// <summary>Tree-growing settings of one fit. <paramref name="Monotonic"/> holds −1/0/+1 per feature (null: none);
/// <paramref name="MaxFeatures"/> is the fraction of the tree's features drawn at each split (1: all).</summary>
internal sealed record GrowerSettings(int? MaxLeafNodes, int? MaxDepth, int MinSamplesLeaf, double L2Regularization,
    double MinHessianToSplit, double LearningRate, sbyte[]? Monotonic = null, double MaxFeatures = 1.0);
