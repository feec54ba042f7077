using Fathom.Core;

namespace Fathom.Trees;

/// <summary>
/// The growth hyperparameters every CART estimator shares — <see cref="DecisionTreeClassifier"/>,
/// <see cref="DecisionTreeRegressor"/> and the forests (<see cref="Ensemble.ForestEstimator"/>) — declared once with
/// scikit-learn's names, defaults and ranges; the concrete types add the criterion and what else is theirs. The one
/// default that differs, <see cref="MaxFeatures"/>, is passed in by the concrete type.
/// </summary>
public abstract record TreeEstimator
{
    private protected TreeEstimator(string? maxFeatures) => MaxFeatures = maxFeatures;

    /// <summary>Largest depth of a tree; null (default) grows until leaves are pure or too small.</summary>
    [Hyperparameter("largest depth of a tree", Min = 1, NullMeans = "no limit")]
    public int? MaxDepth { get; init; }

    /// <summary>Fewest rows a node needs to be split (default 2).</summary>
    [Hyperparameter("fewest rows a node needs to be split", Min = 2)]
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>Fewest rows each child of a split (each leaf) must keep (default 1).</summary>
    [Hyperparameter("fewest rows each leaf must keep", Min = 1)]
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Smallest fraction of a tree's total sample weight each leaf must keep (default 0).</summary>
    [Hyperparameter("smallest fraction of the total sample weight each leaf must keep", Min = 0, Max = 0.5)]
    public double MinWeightFractionLeaf { get; init; }

    /// <summary>Features considered (drawn at random) per split: none (all), "sqrt", "log2", a count ("5") or a fraction
    /// ("0.5"). Defaults, as scikit-learn: all for a single tree (null) and a regression forest ("1.0"), "sqrt" for a
    /// classification forest. Fewer than all draws them per node from <see cref="Seed"/>.</summary>
    [Hyperparameter("features considered per split: none (all), sqrt, log2, a count such as 5 or a fraction such as 0.5", NullMeans = "all features")]
    public string? MaxFeatures { get; init; }

    /// <summary>Largest number of leaves per tree; when set a tree grows best-first. Default null (no limit).</summary>
    [Hyperparameter("largest number of leaves per tree; grows trees best-first", Min = 2, NullMeans = "no limit")]
    public int? MaxLeafNodes { get; init; }

    /// <summary>A node is split only if the weighted impurity decrease N_t/N · (I − N_l/N_t·I_l − N_r/N_t·I_r) is at least
    /// this (default 0).</summary>
    [Hyperparameter("smallest weighted impurity decrease a split must bring", Min = 0)]
    public double MinImpurityDecrease { get; init; }

    /// <summary>Minimal cost-complexity pruning parameter α ≥ 0 applied to each tree after growth (default 0: no pruning):
    /// the subtree minimizing R(T) + α·|leaves(T)| is kept, R(T) = Σ over leaves of w_leaf · impurity_leaf / w_root.</summary>
    [Hyperparameter("cost-complexity pruning strength: the subtree minimizing impurity + ccp_alpha * leaves is kept", Min = 0)]
    public double CcpAlpha { get; init; }

    /// <summary>Seed of the random draws (default 0): per-node feature draws when <see cref="MaxFeatures"/> is below the
    /// feature count, and a forest's bootstrap samples and random thresholds.</summary>
    [Hyperparameter("seed of the random draws: per-node feature draws (max_features below the feature count), a forest's bootstrap samples and random thresholds")]
    public int Seed { get; init; }

    /// <summary>The resolved growth limits of one tree for <paramref name="features"/> features.</summary>
    /// <exception cref="InvalidHyperparameterException">max_features cannot be read or is out of range.</exception>
    private protected TreeSettings GrowthSettings(CriterionKind criterion, int features, string who) => new()
    {
        Criterion = criterion,
        MaxDepth = MaxDepth ?? int.MaxValue,
        MinSamplesSplit = MinSamplesSplit,
        MinSamplesLeaf = MinSamplesLeaf,
        MinWeightFractionLeaf = MinWeightFractionLeaf,
        MaxFeatures = TreeInput.MaxFeatures(MaxFeatures, features, who),
        MaxLeafNodes = MaxLeafNodes ?? 0,
        MinImpurityDecrease = MinImpurityDecrease,
        CcpAlpha = CcpAlpha,
    };

    /// <summary>The builder's impurity measure for a classification criterion (log_loss = entropy).</summary>
    private protected static CriterionKind Kind(ClassificationCriterion criterion) =>
        criterion == ClassificationCriterion.Gini ? CriterionKind.Gini : CriterionKind.Entropy;

    /// <summary>The builder's impurity measure for a regression criterion.</summary>
    private protected static CriterionKind Kind(RegressionCriterion criterion) => criterion switch
    {
        RegressionCriterion.FriedmanMse => CriterionKind.FriedmanMse,
        RegressionCriterion.Poisson => CriterionKind.Poisson,
        RegressionCriterion.AbsoluteError => CriterionKind.AbsoluteError,
        _ => CriterionKind.SquaredError,
    };
}
