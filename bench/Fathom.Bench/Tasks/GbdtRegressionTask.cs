using System.Text.Json.Nodes;
using Fathom.Boosting;
using Fathom.Metrics;

namespace Fathom.Bench.Tasks;

/// <summary>No anchors.py task: the reference is bench/reference/gbdt_regression.py. regression.csv (200,000 × 50)
/// with the seed-0 split that anchors.py's linear task uses, GradientBoostingRegressor(max_iter=100,
/// learning_rate=0.1, max_leaf_nodes=31, early stopping off, seed 0, all cores); R² on test, plus RMSE.</summary>
internal sealed class GbdtRegressionTask : IBenchTask
{
    public string Name => "gbdt_regression";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("regression.csv.gz"));
        var (trainRows, testRows) = BenchCsv.Split(context.BenchData(Path.Combine("splits", "regression_seed0.csv.gz")));
        var xTrain = x.SelectRows(trainRows);
        var xTest = x.SelectRows(testRows);
        var yTrain = trainRows.Select(i => y[i]).ToArray();
        var yTest = testRows.Select(i => y[i]).ToArray();
        x = null!;

        var estimator = new GradientBoostingRegressor { MaxIter = 100, LearningRate = 0.1, MaxLeafNodes = 31, EarlyStopping = false, Seed = 0 };
        GradientBoostingRegressionModel? model = null;
        double[]? predicted = null;
        var cpu = new List<double>();
        var (fit, predict, runs) = BenchContext.Timed(_ =>
        {
            model = null;
            GC.Collect();
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            double f = BenchContext.Seconds(() => model = estimator.Fit(xTrain, yTrain));
            cpu.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
            double p = BenchContext.Seconds(() => predicted = model!.Predict(xTest));
            return (f, p);
        });
        double r2 = RegressionMetrics.R2(yTest, predicted!);
        double rmse = RegressionMetrics.RootMeanSquaredError(yTest, predicted!);
        context.Emit(new BenchResult("gbdt_regression", "fathom.GradientBoostingRegressor", fit, predict, "r2", r2,
            new JsonObject { ["max_iter"] = 100, ["learning_rate"] = 0.1, ["max_leaf_nodes"] = 31, ["early_stopping"] = false, ["random_state"] = 0 },
            new JsonObject
            {
                ["rmse"] = Math.Round(rmse, 4),
                ["runs"] = runs,
                ["n_train"] = trainRows.Length,
                ["n_test"] = testRows.Length,
                ["threads"] = Environment.ProcessorCount,
                ["n_iter"] = model!.Iterations,
                ["fit_cpu_s"] = Math.Round(cpu.Order().ElementAt(cpu.Count / 2), 3),
            }));
    }
}
