using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.Cli.Training;

/// <summary>The metrics the command line reports (DESIGN.md's names): classification accuracy,
/// balanced_accuracy, f1_macro, log_loss, roc_auc; regression r2, rmse, mae. A metric that is undefined
/// on the data (ROC AUC with one class present) is NaN, printed as "–" or null.</summary>
internal static class MetricSet
{
    public static IReadOnlyDictionary<string, double> Compute(PipelineModel model, DataFrame x, TargetValues y) =>
        Compute(model.Final, model.TransformFeatures(x), y);

    public static IReadOnlyDictionary<string, double> Compute(IModel model, Matrix x, TargetValues y)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (y.Labels is { } labels && model is IClassificationModel c)
        {
            var truth = new string[labels.Count];
            var codes = labels.Codes;
            for (int i = 0; i < truth.Length; i++) truth[i] = labels.Classes[codes[i]];
            var proba = c.PredictProba(x);
            var predicted = Array.ConvertAll(Reductions.RowArgMax(proba), k => c.Classes[k]);
            foreach (var name in Scorers.Defaults(ScorerTask.Classification))
                result[name] = Safe(() => Scorers.Get(name).Score(truth, predicted, proba, c.Classes));
        }
        else if (y.Values is { } values && model is IRegressionModel r)
        {
            var predicted = r.Predict(x);
            foreach (var name in Scorers.Defaults(ScorerTask.Regression))
                result[name] = Safe(() => Scorers.Get(name).Score(values, predicted));
        }
        else throw new InvalidInputException($"A {model.ModelKind} model cannot be scored against this target.");
        return result;
    }

    private static double Safe(Func<double> metric)
    {
        try { return metric(); }
        catch (FathomException) { return double.NaN; }
        catch (ArgumentException) { return double.NaN; }
    }
}
