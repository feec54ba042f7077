using System.Text.Json.Nodes;
using Fathom.Linear;
using Fathom.Metrics;

namespace Fathom.Bench.Tasks;

/// <summary>anchors.py t_linear: regression.csv, its seed-0 split, Ridge(alpha=1.0) then LinearRegression(); R² on test.</summary>
internal sealed class LinearTask : IBenchTask
{
    public string Name => "linear";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("regression.csv.gz"));
        var (trainRows, testRows) = BenchCsv.Split(context.BenchData(Path.Combine("splits", "regression_seed0.csv.gz")));
        var xTrain = x.SelectRows(trainRows);
        var xTest = x.SelectRows(testRows);
        var yTrain = trainRows.Select(i => y[i]).ToArray();
        var yTest = testRows.Select(i => y[i]).ToArray();

        var ridge = new Ridge { Alpha = 1.0 };
        RidgeModel? ridgeModel = null;
        double[]? ridgePredicted = null;
        var (rFit, rPredict, rRuns) = BenchContext.Timed(_ =>
        {
            double f = BenchContext.Seconds(() => ridgeModel = ridge.Fit(xTrain, yTrain));
            double p = BenchContext.Seconds(() => ridgePredicted = ridgeModel!.Predict(xTest));
            return (f, p);
        });
        context.Emit(new BenchResult("linear", "fathom.Ridge", rFit, rPredict, "r2", RegressionMetrics.R2(yTest, ridgePredicted!),
            new JsonObject { ["alpha"] = 1.0 }, new JsonObject { ["runs"] = rRuns, ["n_train"] = yTrain.Length }));

        var estimator = new LinearRegression();
        LinearRegressionModel? model = null;
        double[]? predicted = null;
        var (fit, predict, runs) = BenchContext.Timed(_ =>
        {
            double f = BenchContext.Seconds(() => model = estimator.Fit(xTrain, yTrain));
            double p = BenchContext.Seconds(() => predicted = model!.Predict(xTest));
            return (f, p);
        });
        double r2 = RegressionMetrics.R2(yTest, predicted!);
        context.Emit(new BenchResult("linear", "fathom.LinearRegression", fit, predict, "r2", r2, new JsonObject(),
            new JsonObject { ["runs"] = runs, ["n_train"] = yTrain.Length, ["rank"] = model!.Rank }));
    }
}
