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
/// <para>Growth is depth-first, or best-first (largest impurity decrease first) when <see cref="TreeEstimator.MaxLeafNodes"/> is
/// set. Ties: when several splits are equally good, the first one found wins — with all features considered
/// (<see cref="TreeEstimator.MaxFeatures"/> = null) features are scanned in index order, so the lowest feature index and then
/// the lowest threshold win. scikit-learn scans features in a random order even then, so on exact ties it may
/// pick another, equally good, split (e.g. petal length vs petal width at the root of an iris tree).</para>
/// <para>Missing values (NaN) are accepted, with scikit-learn 1.3's rule: at each split the rows missing the feature are
/// tried on both sides (and alone on the right, threshold +∞) and go where the impurity is lowest; at prediction a NaN
/// follows the side learned at that node, or — when no training row reached it with a missing value — the child that
/// received more training rows.</para>
/// <para>Cost: O(p · n log n) per tree level; large nodes
/// reuse a presorted order of each feature.</para>
/// </remarks>
public sealed record DecisionTreeClassifier : TreeEstimator, IClassifier
{
    /// <summary>scikit-learn's defaults (all features per split, no depth limit).</summary>
    public DecisionTreeClassifier() : base(maxFeatures: null) { }

    /// <summary>Impurity measure: gini (default), entropy or log_loss (same as entropy).</summary>
    [Hyperparameter("impurity measure of a node: gini, entropy or log_loss")]
    public ClassificationCriterion Criterion { get; init; } = ClassificationCriterion.Gini;

    /// <summary>Class weighting: none (default) or balanced (n / (classes · n_c), multiplying any sample weights).</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>Takes sample weights; accepts NaN (missing values); scale-invariant; stochastic through <see cref="TreeEstimator.Seed"/> when max_features is set.</summary>
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
        var (classes, codes) = ClassCodes.Present(y, who);
        var settings = Settings(x.Columns, who);
        var (w, total) = TreeInput.Weights(sampleWeight, codes, classes.Length, ClassWeight);
        var data = TreeData.From(x, presort: x.Rows >= 2048, threads: 1, who);
        var rng = settings.MaxFeatures < x.Columns ? new RandomSource(Seed) : null;
        var tree = TreeBuilder.BuildClassifier(data, settings, codes, classes.Length, w, total, rng);
        return new DecisionTreeClassificationModel(this, classes, y.Kind, tree, x.Columns);
    }

    /// <summary>The minimal cost-complexity pruning path of the tree these hyperparameters grow on the data (with
    /// <see cref="TreeEstimator.CcpAlpha"/> = 0): the effective alphas and the total leaf impurities of the successive subtrees.</summary>
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

    internal TreeSettings Settings(int features, string who) => GrowthSettings(Kind(Criterion), features, who);
}
