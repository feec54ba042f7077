using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// The hyperparameters and fitting of a regression forest (<see cref="RandomForestRegressor"/>,
/// <see cref="ExtraTreesRegressor"/>); the two differ only in how trees split and in the default of
/// <see cref="Bootstrap"/>.
/// </summary>
/// <remarks>
/// <para>Trees grow in parallel on up to <see cref="FitContext.ThreadCount"/> threads. Tree t takes all its
/// randomness from the t-th fork of <see cref="Seed"/>, so the same seed gives the same forest bit for bit whatever
/// the thread count. scikit-learn uses another random generator, so forests agree with it in distribution (R²),
/// not tree by tree.</para>
/// <para>As in scikit-learn, a bootstrap sample is expressed as row weights (a row drawn c times gets weight c), and
/// features are compared in single precision. Cost: O(T · f · n log² n) for T trees and f = max_features.</para>
/// </remarks>
public abstract record ForestRegressor
{
    private protected ForestRegressor(bool bootstrap) => Bootstrap = bootstrap;

    /// <summary>Number of trees (default 100).</summary>
    [Hyperparameter("number of trees", Min = 1)]
    public int NEstimators { get; init; } = 100;

    /// <summary>Impurity measure of the trees: squared_error (default), friedman_mse, poisson or absolute_error.</summary>
    [Hyperparameter("impurity measure of the trees: squared_error, friedman_mse, poisson or absolute_error")]
    public RegressionCriterion Criterion { get; init; } = RegressionCriterion.SquaredError;

    /// <summary>Largest depth of each tree; null (default) grows until leaves are pure or too small.</summary>
    [Hyperparameter("largest depth of each tree", Min = 1, NullMeans = "no limit")]
    public int? MaxDepth { get; init; }

    /// <summary>Fewest rows a node needs to be split (default 2).</summary>
    [Hyperparameter("fewest rows a node needs to be split", Min = 2)]
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>Fewest rows each leaf must keep (default 1).</summary>
    [Hyperparameter("fewest rows each leaf must keep", Min = 1)]
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Smallest fraction of a tree's total sample weight each leaf must keep (default 0).</summary>
    [Hyperparameter("smallest fraction of the total sample weight each leaf must keep", Min = 0, Max = 0.5)]
    public double MinWeightFractionLeaf { get; init; }

    /// <summary>Features drawn per node: "1.0" (default, all), "sqrt", "log2", none (all), a count ("5") or a fraction ("0.5").</summary>
    [Hyperparameter("features drawn per node: a fraction such as 1.0 or 0.5, sqrt, log2, none (all) or a count such as 5", NullMeans = "all features")]
    public string? MaxFeatures { get; init; } = "1.0";

    /// <summary>Largest number of leaves per tree (best-first growth); null (default) for no limit.</summary>
    [Hyperparameter("largest number of leaves per tree; grows trees best-first", Min = 2, NullMeans = "no limit")]
    public int? MaxLeafNodes { get; init; }

    /// <summary>Smallest weighted impurity decrease a split must bring (default 0).</summary>
    [Hyperparameter("smallest weighted impurity decrease a split must bring", Min = 0)]
    public double MinImpurityDecrease { get; init; }

    /// <summary>Whether each tree sees a bootstrap sample or all rows (default true for
    /// <see cref="RandomForestRegressor"/>, false for <see cref="ExtraTreesRegressor"/>, as scikit-learn).</summary>
    [Hyperparameter("whether each tree is grown on a bootstrap sample of the rows")]
    public bool Bootstrap { get; init; }

    /// <summary>Whether to compute the out-of-bag R² (needs <see cref="Bootstrap"/>; default false).</summary>
    [Hyperparameter("whether to score each row with the trees that did not see it (out-of-bag R2)")]
    public bool OobScore { get; init; }

    /// <summary>Bootstrap size: null (default) = n rows; a fraction in (0, 1] of n; or a whole row count above 1.</summary>
    [Hyperparameter("rows drawn per tree: a fraction in (0, 1] of the rows, or a whole count", Min = 0, MinExclusive = true, NullMeans = "as many as rows")]
    public double? MaxSamples { get; init; }

    /// <summary>Minimal cost-complexity pruning α applied to each tree after growth (default 0: no pruning).</summary>
    [Hyperparameter("cost-complexity pruning strength applied to each tree", Min = 0)]
    public double CcpAlpha { get; init; }

    /// <summary>Seed of the bootstrap samples and feature draws (default 0).</summary>
    [Hyperparameter("seed of the bootstrap samples and feature draws")]
    public int Seed { get; init; }

    /// <summary>Takes sample weights; accepts NaN (missing values, routed per split as a decision tree routes them);
    /// scale-invariant; stochastic through <see cref="Seed"/>.</summary>
    public EstimatorTags Tags => new() { IsScaleInvariant = true, IsStochastic = true, AllowsMissingValues = true };

    /// <summary>Validates (hyperparameters, then data), grows the trees and scores them out of bag when asked.
    /// <paramref name="randomSplits"/> gives extra trees (one random threshold per candidate feature).</summary>
    private protected (Tree[] Trees, double? OobScore) FitForest(Matrix x, double[] y, double[]? sampleWeight,
        FitContext? context, bool randomSplits)
    {
        Hyperparameters.Validate(this);
        string who = GetType().Name;
        ForestCore.CheckOob(OobScore, Bootstrap, who);
        ArgumentNullException.ThrowIfNull(y);
        TreeInput.CheckFit(x, y.Length, sampleWeight, who, allowMissing: true);
        TreeInput.CheckTargets(y, Criterion == RegressionCriterion.Poisson, who);
        context ??= FitContext.Default;
        int n = x.Rows;
        var settings = new DecisionTreeRegressor
        {
            Criterion = Criterion, MaxDepth = MaxDepth, MinSamplesSplit = MinSamplesSplit, MinSamplesLeaf = MinSamplesLeaf,
            MinWeightFractionLeaf = MinWeightFractionLeaf, MaxFeatures = MaxFeatures, MaxLeafNodes = MaxLeafNodes,
            MinImpurityDecrease = MinImpurityDecrease, CcpAlpha = CcpAlpha,
        }.Settings(x.Columns, who);
        int draws = Bootstrap ? ForestCore.BootstrapSize(MaxSamples, n, who) : n;
        var baseWeights = sampleWeight is null ? Enumerable.Repeat(1.0, n).ToArray() : (double[])sampleWeight.Clone();
        var (trees, seeds, data) = ForestCore.GrowForest(x, settings, randomSplits, NEstimators, Seed, Bootstrap, draws, baseWeights,
            (d, s, w, total, rng) => TreeBuilder.BuildRegressor(d, s, y, w, total, rng), context, who);
        double? oob = null;
        if (OobScore)
        {
            var (sum, count) = ForestCore.OutOfBagSums(trees, seeds, data, draws, 1);
            var scored = Enumerable.Range(0, n).Where(i => count[i] > 0).ToArray();
            ForestCore.WarnUnscored(context, n - scored.Length, who);
            double mean = scored.Length > 0 ? scored.Average(i => y[i]) : 0, ssr = 0, sst = 0;
            foreach (int i in scored)
            {
                double e = y[i] - sum[i] / count[i], d = y[i] - mean;
                ssr += e * e;
                sst += d * d;
            }
            oob = sst > 0 ? 1 - ssr / sst : double.NaN;
        }
        return (trees, oob);
    }
}
