namespace Fathom.Trees;

/// <summary>Impurity measure used inside the builder (the public criteria map onto these).</summary>
internal enum CriterionKind
{
    Gini,
    Entropy,
    SquaredError,
    FriedmanMse,
    Poisson,
    AbsoluteError,
}

/// <summary>The resolved growth limits of one tree (counts already converted from fractions).</summary>
internal sealed record TreeSettings
{
    public CriterionKind Criterion { get; init; }
    public int MaxDepth { get; init; } = int.MaxValue;
    public int MinSamplesSplit { get; init; } = 2;
    public int MinSamplesLeaf { get; init; } = 1;
    public double MinWeightFractionLeaf { get; init; }
    /// <summary>Features drawn per node; equal to the feature count for "all" (then no randomness is used).</summary>
    public int MaxFeatures { get; init; }
    /// <summary>Largest number of leaves (best-first growth), or 0 for no limit (depth-first growth).</summary>
    public int MaxLeafNodes { get; init; }
    public double MinImpurityDecrease { get; init; }
    /// <summary>Extremely randomized trees: one uniform random threshold per candidate feature (scikit-learn's RandomSplitter).</summary>
    public bool RandomSplits { get; init; }
    /// <summary>Minimal cost-complexity pruning parameter α applied after growth (0 = no pruning).</summary>
    public double CcpAlpha { get; init; }
}
