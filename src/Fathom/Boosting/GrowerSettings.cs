namespace Fathom.Boosting;

/// <summary>Tree-growing settings of one fit.</summary>
internal sealed record GrowerSettings(int? MaxLeafNodes, int? MaxDepth, int MinSamplesLeaf, double L2Regularization,
    double MinHessianToSplit, double LearningRate);
