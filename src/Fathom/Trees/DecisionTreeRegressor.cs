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
/// split). Growth is depth-first, or best-first when <see cref="TreeEstimator.MaxLeafNodes"/> is set.
/// Missing values (NaN) are accepted, with scikit-learn 1.3's rule: at each split the rows missing the feature are
/// tried on both sides (and alone on the right, threshold +∞) and go where the impurity is lowest; at prediction a NaN
/// follows the side learned at that node, or — when no training row reached it with a missing value — the child that
/// received more training rows.
/// Cost: O(p · n log n) per tree level (absolute_error: O(p · n log² n)).
/// </remarks>
public sealed record DecisionTreeRegressor : TreeEstimator, IRegressor
{
    /// <summary>scikit-learn's defaults (all features per split, no depth limit).</summary>
    public DecisionTreeRegressor() : base(maxFeatures: null) { }

    /// <summary>Impurity measure: squared_error (default), friedman_mse, poisson or absolute_error.</summary>
    [Hyperparameter("impurity measure of a node: squared_error, friedman_mse, poisson or absolute_error")]
    public RegressionCriterion Criterion { get; init; } = RegressionCriterion.SquaredError;

    /// <summary>Takes sample weights; accepts NaN (missing values); scale-invariant; stochastic through <see cref="TreeEstimator.Seed"/> when max_features is set.</summary>
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
    /// <see cref="TreeEstimator.CcpAlpha"/> = 0): the effective alphas and the total leaf impurities of the successive subtrees.</summary>
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

    internal TreeSettings Settings(int features, string who) => GrowthSettings(Kind(Criterion), features, who);
}
