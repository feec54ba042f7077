using System.Text.Json.Nodes;
using Fathom.Boosting;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>anchors.py t_gbdt: higgs_like (all 500k rows) with the seed-0 split (400k train / 100k test),
/// GradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, early stopping off, seed 0,
/// all cores); AUC on test, plus accuracy.</summary>
internal sealed class GbdtTask : IBenchTask
{
    public string Name => "gbdt";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("higgs_like.csv.gz"));
        var (trainRows, testRows) = BenchCsv.Split(context.BenchData(Path.Combine("splits", "higgs_like_seed0.csv.gz")));
        var xTrain = x.SelectRows(trainRows);
        var xTest = x.SelectRows(testRows);
        var yTrain = trainRows.Select(i => (int)y[i]).ToArray();
        var yTest = testRows.Select(i => (int)y[i]).ToArray();
        x = null!;

        var estimator = new GradientBoostingClassifier { MaxIter = 100, LearningRate = 0.1, MaxLeafNodes = 31, EarlyStopping = false, Seed = 0 };
        GradientBoostingClassificationModel? model = null;
        Matrix? proba = null;
        var cpu = new List<double>();
        var allocated = new List<double>();
        var peak = new List<double>();
        var (fit, predict, runs) = BenchContext.Timed(_ =>
        {
            model = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            // Memory of the fit, measured as gbdt_memory.py does for the Python systems: the process's peak resident
            // set is reset (Linux /proc/self/clear_refs), and the fit's peak is its high-water mark minus the resident
            // set before the fit; plus the bytes the fit allocated in total (the GC reuses them).
            long rss = PeakMemory.Reset();
            long allocBefore = GC.GetTotalAllocatedBytes(true);
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            double f = BenchContext.Seconds(() => model = estimator.Fit(xTrain, yTrain));
            cpu.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
            allocated.Add((GC.GetTotalAllocatedBytes(true) - allocBefore) / 1e6);
            if (rss >= 0) peak.Add((PeakMemory.HighWaterMark() - rss) / 1e6);
            double p = BenchContext.Seconds(() => proba = model!.PredictProba(xTest));
            return (f, p);
        });
        var p1 = proba!.Column(1);
        double auc = ClassificationMetrics.RocAuc(yTest, p1, 1);
        double accuracy = ClassificationMetrics.Accuracy(yTest, p1.Select(v => v > 0.5 ? 1 : 0).ToArray());
        context.Emit(new BenchResult("gbdt", "fathom.GradientBoostingClassifier", fit, predict, "auc", auc,
            new JsonObject { ["max_iter"] = 100, ["learning_rate"] = 0.1, ["max_leaf_nodes"] = 31, ["early_stopping"] = false, ["random_state"] = 0 },
            new JsonObject
            {
                ["accuracy"] = Math.Round(accuracy, 6),
                ["runs"] = runs,
                ["n_train"] = trainRows.Length,
                ["n_test"] = testRows.Length,
                ["threads"] = Environment.ProcessorCount,
                ["n_iter"] = model!.Iterations,
                ["mean_leaves"] = model.LeafCounts.Average(),
                ["fit_cpu_s"] = Math.Round(cpu.Order().ElementAt(cpu.Count / 2), 3),
                ["fit_allocated_mb"] = Math.Round(allocated.Max(), 1),
                ["fit_peak_rss_mb"] = peak.Count > 0 ? Math.Round(peak.Max(), 1) : null,
                ["train_float64_mb"] = Math.Round(xTrain.Rows * (double)xTrain.Columns * 8 / 1e6, 1),
            }));
    }
}

/// <summary>Peak resident set of this process on Linux (VmHWM in /proc/self/status, reset through /proc/self/clear_refs).</summary>
internal static class PeakMemory
{
    /// <summary>Resets the high-water mark to the current resident set and returns that set in bytes (−1 if unsupported).</summary>
    public static long Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return Status("VmRSS:");
        }
        catch (IOException) { return -1; }
        catch (UnauthorizedAccessException) { return -1; }
    }

    /// <summary>The resident set's high-water mark in bytes since the last <see cref="Reset"/>.</summary>
    public static long HighWaterMark() => Status("VmHWM:");

    private static long Status(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return -1;
    }
}
