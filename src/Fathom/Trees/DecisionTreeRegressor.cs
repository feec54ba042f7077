using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Trees;

/// <summary>
/// A CART regression tree with scikit-learn 1.2's <c>DecisionTreeRegressor</c> semantics: binary splits
/// <c>x[f] &lt;= t</c> at midpoints between consecutive distinct values, chosen to minimize the weighted child
/// impurity (squared error, Friedman's MSE, Poisson deviance or absolute error); leaves predict the weighted mean target
/// (the weighted median for absolute error).
/// </summary>
/// <remarks>
/// Ties go to the first split found: with all features considered, the lowest feature index, then the lowest
/// threshold (scikit-learn visits features in a random order, so on exact ties it may pick another equally good
/// split). Growth is depth-first, or best-first when <see cref="MaxLeafNodes"/> is set.
/// Missing values (NaN) are accepted, with scikit-learn 1.3's rule: at each split the rows missing the feature are
/// tried on both sides (and alone on the right, threshold +∞) and go where the impurity is lowest; at prediction a NaN
/// follows the side learned at that node, or — when no training row reached it with a missing value — the child that
/// received more training rows.
/// Cost: O(p · n log n) per tree level (absolute_error: O(p · n log² n)).
/// </remarks>
public sealed record DecisionTreeRegressor : IRegressor
{
    /// <summary>Impurity measure: squared_error (default), friedman_mse, poisson or absolute_error.</summary>
    [Hyperparameter("impurity measure of a node: squared_error, friedman_mse, poisson or absolute_error")]
    public RegressionCriterion Criterion { get; init; } = RegressionCriterion.SquaredError;

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

    /// <summary>Features considered per split: null (default, all), "sqrt", "log2", a count ("5") or a fraction ("0.5").</summary>
    [Hyperparameter("features considered per split: none (all), sqrt, log2, a count such as 5 or a fraction such as 0.5", NullMeans = "all features")]
    public string? MaxFeatures { get; init; }

    /// <summary>Largest number of leaves; when set the tree grows best-first. Default null (no limit).</summary>
    [Hyperparameter("largest number of leaves; grows the tree best-first", Min = 2, NullMeans = "no limit")]
    public int? MaxLeafNodes { get; init; }

    /// <summary>A node is split only if its weighted impurity decrease is at least this (default 0).</summary>
    [Hyperparameter("smallest weighted impurity decrease a split must bring", Min = 0)]
    public double MinImpurityDecrease { get; init; }

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
    /// <param name="y">Finite targets (non-negative with a positive sum for poisson).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row; rows of weight 0 are ignored.</param>
    /// <param name="context">Cancellation; a single tree uses one thread.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, bad weights or targets.</exception>
    public DecisionTreeRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(DecisionTreeRegressor);
        ArgumentNullException.ThrowIfNull(y);
        TreeInput.CheckFit(x, y.Length, sampleWeight, who, allowMissing: true);
        TreeInput.CheckTargets(y, Criterion == RegressionCriterion.Poisson, who);
        (context ?? FitContext.Default).ThrowIfCancellationRequested();
        var settings = Settings(x.Columns, who);
        var (w, total) = TreeInput.Weights(sampleWeight ?? Enumerable.Repeat(1.0, x.Rows).ToArray(), null, 0, Linear.ClassWeightMode.None);
        var data = TreeData.From(x, presort: x.Rows >= 2048, threads: 1, who);
        var rng = settings.MaxFeatures < x.Columns ? new RandomSource(Seed) : null;
        var tree = TreeBuilder.BuildRegressor(data, settings, y, w, total, rng);
        return new DecisionTreeRegressionModel(this, tree, x.Columns);
    }

    /// <summary>The minimal cost-complexity pruning path of the tree these hyperparameters grow on the data (with
    /// <see cref="CcpAlpha"/> = 0): the effective alphas and the total leaf impurities of the successive subtrees.</summary>
    /// <param name="x">Features (n × p); NaN allowed.</param>
    /// <param name="y">Targets.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">The data is not valid (see <see cref="Fit"/>).</exception>
    public PruningPath CostComplexityPruningPath(Matrix x, double[] y, double[]? sampleWeight = null)
    {
        var full = (this with { CcpAlpha = 0 }).Fit(x, y, sampleWeight);
        var (alphas, impurities) = TreePruning.Path(full.Tree);
        return new PruningPath(alphas, impurities);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    internal TreeSettings Settings(int features, string who) => new()
    {
        Criterion = Criterion switch
        {
            RegressionCriterion.FriedmanMse => CriterionKind.FriedmanMse,
            RegressionCriterion.Poisson => CriterionKind.Poisson,
            RegressionCriterion.AbsoluteError => CriterionKind.AbsoluteError,
            _ => CriterionKind.SquaredError,
        },
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
