using System.Text.Json.Nodes;
using Fathom.Ensemble;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>anchors.py t_random_forest: higgs_like rows 0..99,999 with the 100k seed-0 split,
/// RandomForestClassifier(n_estimators=100, seed 0, all cores); AUC on test, plus accuracy.</summary>
internal sealed class RandomForestTask : IBenchTask
{
    public string Name => "random_forest";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("higgs_like.csv.gz"));
        var (trainRows, testRows) = BenchCsv.Split(context.BenchData(Path.Combine("splits", "higgs_like_100k_seed0.csv.gz")));
        var xTrain = x.SelectRows(trainRows);
        var xTest = x.SelectRows(testRows);
        var yTrain = trainRows.Select(i => (int)y[i]).ToArray();
        var yTest = testRows.Select(i => (int)y[i]).ToArray();

        var estimator = new RandomForestClassifier { NEstimators = 100, Seed = 0 };
        RandomForestClassificationModel? model = null;
        Matrix? proba = null;
        var (fit, predict, runs) = BenchContext.Timed(_ =>
        {
            model = null;
            GC.Collect();
            double f = BenchContext.Seconds(() => model = estimator.Fit(xTrain, yTrain));
            double p = BenchContext.Seconds(() => proba = model!.PredictProba(xTest));
            return (f, p);
        });
        var p1 = proba!.Column(1);
        double auc = ClassificationMetrics.RocAuc(yTest, p1, 1);
        double accuracy = ClassificationMetrics.Accuracy(yTest, p1.Select(v => v > 0.5 ? 1 : 0).ToArray());
        context.Emit(new BenchResult("random_forest", "fathom.RandomForestClassifier", fit, predict, "auc", auc,
            new JsonObject { ["n_estimators"] = 100, ["n_jobs"] = -1, ["random_state"] = 0 },
            new JsonObject
            {
                ["accuracy"] = Math.Round(accuracy, 6),
                ["runs"] = runs,
                ["n_train"] = trainRows.Length,
                ["n_test"] = testRows.Length,
                ["rows"] = "higgs_like[:100000]",
                ["threads"] = Environment.ProcessorCount,
                ["mean_leaves"] = model!.LeafCounts.Average(),
            }));
    }
}
