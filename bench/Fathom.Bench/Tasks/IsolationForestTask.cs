using System.Text.Json.Nodes;
using Fathom.Anomaly;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_isolation_forest: blobs (all 200k rows, 16 features), 100 trees, seed 0; fit, then score_samples on
/// all rows; value = mean score. Variant "fathom.IsolationForest".
/// </summary>
internal sealed class IsolationForestTask : IBenchTask
{
    public string Name => "isolation_forest";

    public void Run(BenchContext context)
    {
        var (x, _) = BenchCsv.Load(context.BenchData("blobs.csv.gz"));
        var est = new IsolationForest { NEstimators = 100, Seed = 0 };
        IsolationForestModel? model = null;
        double[]? scores = null;
        var (fit, pred, runs) = BenchContext.Timed(_ =>
        {
            double f = BenchContext.Seconds(() => model = est.Fit(x));
            double p = BenchContext.Seconds(() => scores = model!.ScoreSamples(x));
            return (f, p);
        });
        context.Emit(new BenchResult("isolation_forest", "fathom.IsolationForest", fit, pred, "mean_score_samples", Math.Round(scores!.Average(), 6),
            new JsonObject { ["n_estimators"] = 100, ["random_state"] = 0 },
            new JsonObject { ["runs"] = runs, ["rows"] = x.Rows, ["note"] = "predict_s = score_samples on all 200k rows" }));
    }
}
