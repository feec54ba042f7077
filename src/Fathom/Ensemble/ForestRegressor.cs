using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// The hyperparameters and fitting of a regression forest (<see cref="RandomForestRegressor"/>,
/// <see cref="ExtraTreesRegressor"/>); the two differ only in how trees split and in the default of
/// <see cref="ForestEstimator.Bootstrap"/>.
/// </summary>
/// <remarks>
/// <para>Trees grow in parallel on up to <see cref="FitContext.ThreadCount"/> threads. Tree t takes all its
/// randomness from the t-th fork of <see cref="TreeEstimator.Seed"/>, so the same seed gives the same forest bit for bit whatever
/// the thread count. scikit-learn uses another random generator, so forests agree with it in distribution (R²),
/// not tree by tree.</para>
/// <para>As in scikit-learn, a bootstrap sample is expressed as row weights (a row drawn c times gets weight c), and
/// features are compared in single precision. Cost: O(T · f · n log² n) for T trees and f = max_features.</para>
/// </remarks>
public abstract record ForestRegressor : ForestEstimator
{
    private protected ForestRegressor(bool bootstrap) : base(bootstrap, maxFeatures: "1.0") { }

    /// <summary>Impurity measure of the trees: squared_error (default), friedman_mse, poisson or absolute_error.</summary>
    [Hyperparameter("impurity measure of the trees: squared_error, friedman_mse, poisson or absolute_error")]
    public RegressionCriterion Criterion { get; init; } = RegressionCriterion.SquaredError;

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
        var settings = GrowthSettings(Kind(Criterion), x.Columns, who);
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
