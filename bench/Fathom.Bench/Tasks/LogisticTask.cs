using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Preprocessing;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>anchors.py t_logistic: higgs_like, its seed-0 split, StandardScaler fitted on train,
/// LogisticRegression(C=1, max_iter=1000) (lbfgs); AUC on test, plus accuracy and n_iter.</summary>
internal sealed class LogisticTask : IBenchTask
{
    public string Name => "logistic";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("higgs_like.csv.gz"));
        var (trainRows, testRows) = BenchCsv.Split(context.BenchData(Path.Combine("splits", "higgs_like_seed0.csv.gz")));
        var scaler = new StandardScaler().Fit(x.SelectRows(trainRows));
        var xTrain = scaler.Transform(x.SelectRows(trainRows));
        var xTest = scaler.Transform(x.SelectRows(testRows));
        var yTrain = trainRows.Select(i => (int)y[i]).ToArray();
        var yTest = testRows.Select(i => (int)y[i]).ToArray();

        var estimator = new LogisticRegression { C = 1.0, MaxIter = 1000 };
        LogisticRegressionModel? model = null;
        Matrix? proba = null;
        var (fit, predict, runs) = BenchContext.Timed(_ =>
        {
            double f = BenchContext.Seconds(() => model = estimator.Fit(xTrain, yTrain));
            double p = BenchContext.Seconds(() => proba = model!.PredictProba(xTest));
            return (f, p);
        });
        var p1 = proba!.Column(1);
        var classes = model!.Classes;
        double auc = ClassificationMetrics.RocAuc(yTest, p1, 1);
        var predicted = p1.Select(v => v > 0.5 ? 1 : 0).ToArray();
        double accuracy = ClassificationMetrics.Accuracy(yTest, predicted);
        context.Emit(new BenchResult("logistic", "fathom.LogisticRegression", fit, predict, "auc", auc,
            new JsonObject { ["solver"] = "lbfgs", ["C"] = 1.0, ["max_iter"] = 1000 },
            new JsonObject
            {
                ["accuracy"] = Math.Round(accuracy, 6),
                ["n_iter"] = model.Iterations,
                ["converged"] = model.Converged,
                ["runs"] = runs,
                ["threads"] = Environment.ProcessorCount,
                ["classes"] = string.Join(",", classes),
                ["preprocessing"] = "StandardScaler fit on train split",
            }));
    }
}
