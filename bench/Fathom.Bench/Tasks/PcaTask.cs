using System.Text.Json.Nodes;
using Fathom.Decomposition;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_pca: the regression set (all rows, 50 features), n_components = 10, seed 0; fit, then
/// transform all rows; value = sum of the explained variance ratios. Variants "fathom.PCA[full]" and
/// "fathom.PCA[randomized]".
/// </summary>
internal sealed class PcaTask : IBenchTask
{
    public string Name => "pca";

    public void Run(BenchContext context)
    {
        var (x, _) = BenchCsv.Load(context.BenchData("regression.csv.gz"));
        foreach (var solver in new[] { PcaSolver.Full, PcaSolver.Randomized })
        {
            var est = new PCA { NComponents = 10, SvdSolver = solver, Seed = 0 };
            PCAModel? model = null;
            var (fit, pred, runs) = BenchContext.Timed(_ =>
            {
                double f = BenchContext.Seconds(() => model = est.Fit(x));
                Matrix? z = null;
                double p = BenchContext.Seconds(() => z = model!.Transform(x));
                return (f, p);
            });
            string name = solver.ToString().ToLowerInvariant();
            context.Emit(new BenchResult("pca", $"fathom.PCA[{name}]", fit, pred, "explained_variance_ratio_sum",
                model!.ExplainedVarianceRatio.Sum(),
                new JsonObject { ["n_components"] = 10, ["svd_solver"] = name, ["random_state"] = 0 },
                new JsonObject { ["runs"] = runs, ["rows"] = x.Rows, ["note"] = "fit/transform on all rows" }));
        }
    }
}
