using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Trees;

/// <summary>
/// A CART classification tree with scikit-learn 1.2's <c>DecisionTreeClassifier</c> semantics: binary splits
/// <c>x[f] &lt;= t</c> with thresholds at midpoints between consecutive distinct values, chosen to minimize the
/// weighted child impurity (Gini or entropy); leaves predict the weighted class fractions of their training rows.
/// </summary>
/// <remarks>
/// <para>Growth is depth-first, or best-first (largest impurity decrease first) when <see cref="MaxLeafNodes"/> is
/// set. Ties: when several splits are equally good, the first one found wins — with all features considered
/// (<see cref="MaxFeatures"/> = null) features are scanned in index order, so the lowest feature index and then
/// the lowest threshold win. scikit-learn scans features in a random order even then, so on exact ties it may
/// pick another, equally good, split (e.g. petal length vs petal width at the root of an iris tree).</para>
/// <para>Missing values (NaN) are accepted, with scikit-learn 1.3's rule: at each split the rows missing the feature are
/// tried on both sides (and alone on the right, threshold +∞) and go where the impurity is lowest; at prediction a NaN
/// follows the side learned at that node, or — when no training row reached it with a missing value — the child that
/// received more training rows.</para>
/// <para>Cost: O(p · n log n) per tree level; large nodes
/// reuse a presorted order of each feature.</para>
/// </remarks>
public sealed record DecisionTreeClassifier : IClassifier
{
    /// <summary>Impurity measure: gini (default), entropy or log_loss (same as entropy).</summary>
    [Hyperparameter("impurity measure of a node: gini, entropy or log_loss")]
    public ClassificationCriterion Criterion { get; init; } = ClassificationCriterion.Gini;

    /// <summary>Largest depth of the tree; null (default) grows until leaves are pure or too small.</summary>
    [Hyperparameter("largest depth of the tree", Min = 1, NullMeans = "no limit")]
    public int? MaxDepth { get; init; }

    /// <summary>Fewest rows a node needs to be split (default 2).</summary>
    [Hyperparameter("fewest rows a node needs to be split", Min = 2)]
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>Fewest rows each child of a split must keep (default 1).</summary>
    [Hyperparameter("fewest rows each leaf must keep", Min = 1)]
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Smallest fraction of the total sample weight each leaf must keep (default 0).</summary>
    [Hyperparameter("smallest fraction of the total sample weight each leaf must keep", Min = 0, Max = 0.5)]
    public double MinWeightFractionLeaf { get; init; }

    /// <summary>Features considered per split: null (default, all), "sqrt", "log2", a count ("5") or a fraction ("0.5").
    /// Fewer than all draws them at random per node from <see cref="Seed"/>.</summary>
    [Hyperparameter("features considered per split: none (all), sqrt, log2, a count such as 5 or a fraction such as 0.5", NullMeans = "all features")]
    public string? MaxFeatures { get; init; }

    /// <summary>Largest number of leaves; when set the tree grows best-first. Default null (no limit).</summary>
    [Hyperparameter("largest number of leaves; grows the tree best-first", Min = 2, NullMeans = "no limit")]
    public int? MaxLeafNodes { get; init; }

    /// <summary>A node is split only if the weighted impurity decrease N_t/N · (I − N_l/N_t·I_l − N_r/N_t·I_r) is at least this (default 0).</summary>
    [Hyperparameter("smallest weighted impurity decrease a split must bring", Min = 0)]
    public double MinImpurityDecrease { get; init; }

    /// <summary>Class weighting: none (default) or balanced (n / (classes · n_c), multiplying any sample weights).</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>Minimal cost-complexity pruning parameter α ≥ 0 (default 0: no pruning). After growth the subtree
    /// minimizing R(T) + α·|leaves(T)| is kept, R(T) = Σ over leaves of w_leaf · impurity_leaf / w_root; see
    /// <see cref="CostComplexityPruningPath"/> for the alphas at which the tree changes.</summary>
    [Hyperparameter("cost-complexity pruning strength: the subtree minimizing impurity + ccp_alpha * leaves is kept", Min = 0)]
    public double CcpAlpha { get; init; }

    /// <summary>Seed of the per-node feature draws when <see cref="MaxFeatures"/> is below the feature count (default 0).</summary>
    [Hyperparameter("seed of the random feature draws (used when max_features is below the feature count)")]
    public int Seed { get; init; }

    /// <summary>Takes sample weights; accepts NaN (missing values); scale-invariant; stochastic through <see cref="Seed"/> when max_features is set.</summary>
    public EstimatorTags Tags => new() { IsScaleInvariant = true, IsStochastic = true, AllowsMissingValues = true };

    /// <summary>Validates, then grows a tree.</summary>
    /// <param name="x">Features (n × p), finite or NaN (missing).</param>
    /// <param name="y">Class labels; classes without a row are dropped.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row; rows of weight 0 are ignored.</param>
    /// <param name="context">Cancellation; a single tree uses one thread.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, bad weights, a single class.</exception>
    public DecisionTreeClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(DecisionTreeClassifier);
        ArgumentNullException.ThrowIfNull(y);
        TreeInput.CheckFit(x, y.Count, sampleWeight, who, allowMissing: true);
        (context ?? FitContext.Default).ThrowIfCancellationRequested();
        var (classes, codes) = TreeInput.Classes(y, who);
        var settings = Settings(x.Columns, who);
        var (w, total) = TreeInput.Weights(sampleWeight, codes, classes.Length, ClassWeight);
        var data = TreeData.From(x, presort: x.Rows >= 2048, threads: 1, who);
        var rng = settings.MaxFeatures < x.Columns ? new RandomSource(Seed) : null;
        var tree = TreeBuilder.BuildClassifier(data, settings, codes, classes.Length, w, total, rng);
        return new DecisionTreeClassificationModel(this, classes, y.Kind, tree, x.Columns);
    }

    /// <summary>The minimal cost-complexity pruning path of the tree these hyperparameters grow on the data (with
    /// <see cref="CcpAlpha"/> = 0): the effective alphas and the total leaf impurities of the successive subtrees.</summary>
    /// <param name="x">Features (n × p); NaN allowed.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">The data is not valid (see <see cref="Fit"/>).</exception>
    public PruningPath CostComplexityPruningPath(Matrix x, ClassLabels y, double[]? sampleWeight = null)
    {
        var full = (this with { CcpAlpha = 0 }).Fit(x, y, sampleWeight);
        var (alphas, impurities) = TreePruning.Path(full.Tree);
        return new PruningPath(alphas, impurities);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    internal TreeSettings Settings(int features, string who) => new()
    {
        Criterion = Criterion == ClassificationCriterion.Gini ? CriterionKind.Gini : CriterionKind.Entropy,
        MaxDepth = MaxDepth ?? int.MaxValue,
        MinSamplesSplit = MinSamplesSplit,
        MinSamplesLeaf = MinSamplesLeaf,
        MinWeightFractionLeaf = MinWeightFractionLeaf,
        MaxFeatures = TreeInput.MaxFeatures(MaxFeatures, features, who),
        MaxLeafNodes = MaxLeafNodes ?? 0,
        MinImpurityDecrease = MinImpurityDecrease,
        CcpAlpha = CcpAlpha,
    };
}
