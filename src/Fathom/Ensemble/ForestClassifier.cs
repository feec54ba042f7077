using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// The hyperparameters and fitting of a classification forest (<see cref="RandomForestClassifier"/>,
/// <see cref="ExtraTreesClassifier"/>); the two differ only in how trees split and in the default of
/// <see cref="ForestEstimator.Bootstrap"/>.
/// </summary>
/// <remarks>
/// <para>Trees grow in parallel on up to <see cref="FitContext.ThreadCount"/> threads. Tree t takes all its
/// randomness from the t-th fork of <see cref="TreeEstimator.Seed"/>, so the same seed gives the same forest bit for bit whatever
/// the thread count. scikit-learn uses another random generator, so forests agree with it in distribution (accuracy,
/// AUC), not tree by tree.</para>
/// <para>As in scikit-learn, a bootstrap sample is expressed as row weights (a row drawn c times gets weight c), and
/// features are compared in single precision. Cost: O(T · f · n log² n) for T trees and f = max_features.</para>
/// </remarks>
public abstract record ForestClassifier : ForestEstimator
{
    private protected ForestClassifier(bool bootstrap) : base(bootstrap, maxFeatures: "sqrt") { }

    /// <summary>Impurity measure of the trees: gini (default), entropy or log_loss.</summary>
    [Hyperparameter("impurity measure of the trees: gini, entropy or log_loss")]
    public ClassificationCriterion Criterion { get; init; } = ClassificationCriterion.Gini;

    /// <summary>Class weighting: none (default) or balanced (computed once on all rows).</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>Validates (hyperparameters, then data), grows the trees and scores them out of bag when asked.
    /// <paramref name="randomSplits"/> gives extra trees (one random threshold per candidate feature).</summary>
    private protected (string[] Classes, Tree[] Trees, double? OobScore) FitForest(Matrix x, ClassLabels y,
        double[]? sampleWeight, FitContext? context, bool randomSplits)
    {
        Hyperparameters.Validate(this);
        string who = GetType().Name;
        ForestCore.CheckOob(OobScore, Bootstrap, who);
        ArgumentNullException.ThrowIfNull(y);
        TreeInput.CheckFit(x, y.Count, sampleWeight, who, allowMissing: true);
        context ??= FitContext.Default;
        var (classes, codes) = ClassCodes.Present(y, who);
        int k = classes.Length, n = x.Rows;
        var settings = GrowthSettings(Kind(Criterion), x.Columns, who);
        int draws = Bootstrap ? ForestCore.BootstrapSize(MaxSamples, n, who) : n;
        var (baseWeights, _) = TreeInput.Weights(sampleWeight, codes, k, ClassWeight);
        var (trees, seeds, data) = ForestCore.GrowForest(x, settings, randomSplits, NEstimators, Seed, Bootstrap, draws, baseWeights,
            (d, s, w, total, rng) => TreeBuilder.BuildClassifier(d, s, codes, k, w, total, rng), context, who);
        double? oob = null;
        if (OobScore)
        {
            var (sum, count) = ForestCore.OutOfBagSums(trees, seeds, data, draws, k);
            int scored = 0, right = 0;
            for (int i = 0; i < n; i++)
            {
                if (count[i] == 0) continue;
                int best = 0;
                for (int c = 1; c < k; c++) if (sum[i * k + c] > sum[i * k + best]) best = c;
                scored++;
                if (best == codes[i]) right++;
            }
            ForestCore.WarnUnscored(context, n - scored, who);
            oob = scored > 0 ? right / (double)scored : double.NaN;
        }
        return (classes, trees, oob);
    }
}
