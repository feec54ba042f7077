using System.Text.Json.Nodes;
using Fathom.Cluster;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_dbscan: dbscan_2d (all rows: two moons + 3 Gaussian blobs), eps = 0.05, min_samples = 10;
/// fit only; value = number of clusters; extra n_noise and ARI against the generating labels.
/// System "fathom.DBSCAN".
/// </summary>
internal sealed class DbscanTask : IBenchTask
{
    public string Name => "dbscan";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("dbscan_2d.csv.gz"));
        var est = new DBSCAN { Eps = 0.05, MinSamples = 10 };
        DBSCANModel? model = null;
        var (fit, _, runs) = BenchContext.Timed(_ => (BenchContext.Seconds(() => model = est.Fit(x)), 0.0));
        var truth = y.Select(v => (int)v).ToArray();
        context.Emit(new BenchResult("dbscan", "fathom.DBSCAN", fit, null, "n_clusters", model!.ClusterCount,
            new JsonObject { ["eps"] = 0.05, ["min_samples"] = 10 },
            new JsonObject
            {
                ["n_noise"] = model.NoiseCount,
                ["ari_vs_generator"] = Math.Round(Fathom.Metrics.ClusteringMetrics.AdjustedRand(truth, model.Labels), 6),
                ["runs"] = runs,
                ["rows"] = x.Rows,
                ["data"] = "make_moons(40000, noise=0.05) + 3 gaussian blobs (10000, std 0.15)",
            }));
    }
}
