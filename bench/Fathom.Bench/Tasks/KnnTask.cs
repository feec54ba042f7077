using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_knn: KNeighborsClassifier(n_neighbors=5) on digits (raw pixels, the seed-0 80/20 split, brute force)
/// and on blobs (train rows 0..99,999, query rows 100,000..109,999, KD-tree); accuracy on the query rows.
/// </summary>
internal sealed class KnnTask : IBenchTask
{
    public string Name => "knn";

    public void Run(BenchContext context)
    {
        var (dx, dy) = BenchCsv.Load(context.Data("digits.csv"));
        var (trainRows, testRows) = BenchCsv.Split(context.BenchData(Path.Combine("splits", "digits_seed0.csv.gz")));
        RunOne(context, "digits,brute", NeighborAlgorithm.Brute, dx.SelectRows(trainRows), trainRows.Select(i => dy[i]).ToArray(),
            dx.SelectRows(testRows), testRows.Select(i => dy[i]).ToArray(), "raw pixel features, 80/20 split");

        var (bx, by) = BenchCsv.Load(context.BenchData("blobs.csv.gz"));
        RunOne(context, "blobs,kd_tree", NeighborAlgorithm.KDTree, bx.RowRange(0, 100_000), by[..100_000],
            bx.RowRange(100_000, 10_000), by[100_000..110_000], "train blobs[:100000], query blobs[100000:110000]");
    }

    private static void RunOne(BenchContext context, string variant, NeighborAlgorithm algorithm, Matrix xTrain, double[] yTrain,
        Matrix xQuery, double[] yQuery, string note)
    {
        var estimator = new KNeighborsClassifier { NNeighbors = 5, Algorithm = algorithm };
        ClassLabels labels = yTrain;
        KNeighborsClassifierModel? model = null;
        string[]? predicted = null;
        var (fit, predict, runs) = BenchContext.Timed(_ =>
        {
            double f = BenchContext.Seconds(() => model = estimator.Fit(xTrain, labels));
            double p = BenchContext.Seconds(() => predicted = model!.Predict(xQuery));
            return (f, p);
        });
        var predictedValues = predicted!.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double accuracy = ClassificationMetrics.Accuracy(yQuery, predictedValues);
        context.Emit(new BenchResult("knn", $"fathom.KNeighborsClassifier[{variant}]", fit, predict, "accuracy", accuracy,
            new JsonObject { ["n_neighbors"] = 5, ["algorithm"] = algorithm == NeighborAlgorithm.Brute ? "brute" : "kd_tree" },
            new JsonObject { ["runs"] = runs, ["n_train"] = yTrain.Length, ["n_query"] = yQuery.Length, ["note"] = note }));
    }
}
