using System.Text.Json.Nodes;
using Fathom.Cluster;

namespace Fathom.Bench.Tasks;

/// <summary>
/// OPTICS on the first 10,000 rows of dbscan_2d, min_samples = 10, max_eps = ∞, xi extraction; fit only; value = number
/// of clusters. No anchors.py task: the same call in scikit-learn 1.2.1 is
/// <c>OPTICS(min_samples=10).fit(X[:10000])</c>. System "fathom.OPTICS".
/// </summary>
internal sealed class OpticsTask : IBenchTask
{
    public string Name => "optics";

    public void Run(BenchContext context)
    {
        var (all, _) = BenchCsv.Load(context.BenchData("dbscan_2d.csv.gz"));
        var x = all.RowRange(0, 10_000).Clone();
        var est = new OPTICS { MinSamples = 10 };
        OPTICSModel? model = null;
        var (fit, _, runs) = BenchContext.Timed(_ => (BenchContext.Seconds(() => model = est.Fit(x)), 0.0));
        context.Emit(new BenchResult("optics", "fathom.OPTICS", fit, null, "n_clusters", model!.ClusterCount,
            new JsonObject { ["min_samples"] = 10 },
            new JsonObject { ["n_noise"] = model.NoiseCount, ["runs"] = runs, ["rows"] = x.Rows }));
    }
}
