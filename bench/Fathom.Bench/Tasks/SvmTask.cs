using System.Text.Json.Nodes;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Svm;

namespace Fathom.Bench.Tasks;

/// <summary>anchors.py t_svm: SVC(kernel="rbf", C=1, gamma="scale") on higgs_like rows 0..19,999 (the seed-0 80/20
/// split of those rows, no scaling); AUC of the decision function on the test rows, plus accuracy and n_support.</summary>
internal sealed class SvmTask : IBenchTask
{
    public string Name => "svm";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("higgs_like.csv.gz"));
        var (trainRows, testRows) = BenchCsv.Split(context.BenchData(Path.Combine("splits", "higgs_like_20k_seed0.csv.gz")));
        var xTrain = x.SelectRows(trainRows);
        var xTest = x.SelectRows(testRows);
        var yTrain = trainRows.Select(i => (int)y[i]).ToArray();
        var yTest = testRows.Select(i => (int)y[i]).ToArray();

        var estimator = new SVC { Kernel = SvmKernel.Rbf, C = 1.0, Gamma = "scale" };
        SVCModel? model = null;
        Matrix? decision = null;
        double fitCpu = 0;
        var (fit, predict, runs) = BenchContext.Timed(_ =>
        {
            var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            double f = BenchContext.Seconds(() => model = estimator.Fit(xTrain, yTrain));
            fitCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            double p = BenchContext.Seconds(() => decision = model!.DecisionFunction(xTest));
            return (f, p);
        });
        var dec = decision!.Column(0);
        if (model!.Classes[1] != "1") throw new InvalidOperationException("Expected classes 0 and 1.");
        double auc = ClassificationMetrics.RocAuc(yTest, dec, 1);
        double accuracy = ClassificationMetrics.Accuracy(yTest, dec.Select(v => v > 0 ? 1 : 0).ToArray());
        context.Emit(new BenchResult("svm", "fathom.SVC", fit, predict, "auc", auc,
            new JsonObject { ["kernel"] = "rbf", ["C"] = 1.0, ["gamma"] = "scale" },
            new JsonObject
            {
                ["accuracy"] = Math.Round(accuracy, 6),
                ["n_support"] = model.NSupport.Sum(),
                ["n_iter"] = model.Iterations[0],
                ["fit_cpu_s_last_run"] = Math.Round(fitCpu, 3),
                ["runs"] = runs,
                ["rows"] = "higgs_like[:20000]",
                ["note"] = "no scaling; AUC from decision_function",
            }));
    }
}
