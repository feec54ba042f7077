using Fathom.Core;

namespace Fathom.Metrics;

/// <summary>
/// The registry of scorers by snake_case name, as the command line and JSON output name them:
/// classification <c>accuracy</c>, <c>balanced_accuracy</c>, <c>f1_macro</c>, <c>precision_macro</c>,
/// <c>recall_macro</c>, <c>log_loss</c>, <c>roc_auc</c> (binary: AUC of the second class's probability;
/// three or more classes: one-vs-rest macro), <c>f1_micro</c>, <c>f1_weighted</c>, <c>precision_weighted</c>,
/// <c>recall_weighted</c>, <c>jaccard_macro</c>, <c>mcc</c>, <c>cohen_kappa</c>, <c>roc_auc_ovo</c>,
/// <c>top_2_accuracy</c>; regression <c>r2</c>, <c>rmse</c>, <c>mae</c>, <c>mse</c>, <c>mape</c>, <c>median_ae</c>,
/// <c>explained_variance</c>, <c>max_error</c>, <c>poisson_deviance</c>, <c>gamma_deviance</c>.
/// </summary>
public static class Scorers
{
    private static readonly Scorer[] List =
    [
        new("accuracy", true, false, (t, p, _, _, w) => ClassificationMetrics.Accuracy(t, p!, w)),
        new("balanced_accuracy", true, false, (t, p, _, _, w) => ClassificationMetrics.BalancedAccuracy(t, p!, w)),
        new("f1_macro", true, false, (t, p, _, _, w) => ClassificationMetrics.F1Macro(t, p!, w)),
        new("precision_macro", true, false, (t, p, _, _, w) => ClassificationMetrics.PrecisionMacro(t, p!, w)),
        new("recall_macro", true, false, (t, p, _, _, w) => ClassificationMetrics.RecallMacro(t, p!, w)),
        new("log_loss", false, true, (t, _, pr, c, w) => ClassificationMetrics.LogLoss(t, pr!, c, w)),
        new("roc_auc", true, true, (t, _, pr, c, w) => ClassificationMetrics.RocAucOvr(t, pr!, c, w)),
        new("f1_micro", true, false, (t, p, _, _, w) => LabelMetrics.F1(t, p!, Averaging.Micro, null, w)),
        new("f1_weighted", true, false, (t, p, _, _, w) => LabelMetrics.F1(t, p!, Averaging.Weighted, null, w)),
        new("precision_weighted", true, false, (t, p, _, _, w) => LabelMetrics.Precision(t, p!, Averaging.Weighted, null, w)),
        new("recall_weighted", true, false, (t, p, _, _, w) => LabelMetrics.Recall(t, p!, Averaging.Weighted, null, w)),
        new("jaccard_macro", true, false, (t, p, _, _, w) => LabelMetrics.Jaccard(t, p!, Averaging.Macro, null, w)),
        new("mcc", true, false, (t, p, _, _, w) => LabelMetrics.MatthewsCorrelation(t, p!, w)),
        new("cohen_kappa", true, false, (t, p, _, _, w) => LabelMetrics.CohenKappa(t, p!, KappaWeighting.None, w)),
        new("roc_auc_ovo", true, true, (t, _, pr, c, _) => ScoreMetrics.RocAucOvo(t, pr!, c)),
        new("top_2_accuracy", true, true, (t, _, pr, c, w) => ScoreMetrics.TopKAccuracy(t, pr!, c, 2, w)),
        new("r2", true, (t, p, w) => RegressionMetrics.R2(t, p, w)),
        new("rmse", false, (t, p, w) => RegressionMetrics.RootMeanSquaredError(t, p, w)),
        new("mae", false, (t, p, w) => RegressionMetrics.MeanAbsoluteError(t, p, w)),
        new("mse", false, (t, p, w) => RegressionMetrics.MeanSquaredError(t, p, w)),
        new("mape", false, (t, p, w) => RegressionMetrics.MeanAbsolutePercentageError(t, p, w)),
        new("median_ae", false, (t, p, w) => RegressionMetrics.MedianAbsoluteError(t, p, w)),
        new("explained_variance", true, (t, p, w) => RegressionMetrics.ExplainedVariance(t, p, w)),
        new("max_error", false, (t, p, _) => RegressionMetrics.MaxError(t, p)),
        new("poisson_deviance", false, (t, p, w) => RegressionMetrics.MeanPoissonDeviance(t, p, w)),
        new("gamma_deviance", false, (t, p, w) => RegressionMetrics.MeanGammaDeviance(t, p, w)),
    ];

    private static readonly Dictionary<string, Scorer> ByName = List.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>All scorers, classification first.</summary>
    public static IReadOnlyList<Scorer> All => List;

    /// <summary>The names of all scorers.</summary>
    public static IReadOnlyList<string> Names => List.Select(s => s.Name).ToArray();

    /// <summary>The scorers of one task, in registry order.</summary>
    public static IReadOnlyList<Scorer> For(ScorerTask task) => List.Where(s => s.Task == task).ToArray();

    /// <summary>The default metric names the command line reports for a task: classification accuracy,
    /// balanced_accuracy, f1_macro, log_loss, roc_auc; regression r2, rmse, mae.</summary>
    public static IReadOnlyList<string> Defaults(ScorerTask task) => task == ScorerTask.Classification
        ? ["accuracy", "balanced_accuracy", "f1_macro", "log_loss", "roc_auc"]
        : ["r2", "rmse", "mae"];

    /// <summary>The scorer named <paramref name="name"/> (snake_case; kebab-case and case are forgiven).</summary>
    /// <exception cref="InvalidHyperparameterException">Unknown name; the message lists the valid ones.</exception>
    public static Scorer Get(string name) =>
        TryGet(name, out var s) ? s!
            : throw new InvalidHyperparameterException("scoring",
                $"Unknown metric '{name}'. Valid metrics: {string.Join(", ", Names)}.");

    /// <summary>Looks a scorer up by name without throwing.</summary>
    public static bool TryGet(string name, out Scorer? scorer)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name.Trim().ToLowerInvariant().Replace('-', '_'), out scorer);
    }
}
