using System.Text.Json.Nodes;
using Fathom.Cluster;

namespace Fathom.Bench.Tasks;

/// <summary>
/// HDBSCAN on dbscan_2d (all 50,000 rows: two moons + 3 Gaussian blobs), min_cluster_size = 50, min_samples = 10;
/// fit only; value = number of clusters; extra n_noise and ARI against the generating labels. There is no anchors.py
/// task (scikit-learn 1.2.1 has no HDBSCAN): compare with the <c>dbscan</c> task's time on the same data, or with
/// scikit-learn ≥ 1.3's HDBSCAN(min_cluster_size=50, min_samples=10) where it is installed. System "fathom.HDBSCAN".
/// </summary>
internal sealed class HdbscanTask : IBenchTask
{
    public string Name => "hdbscan";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("dbscan_2d.csv.gz"));
        var est = new HDBSCAN { MinClusterSize = 50, MinSamples = 10 };
        HDBSCANModel? model = null;
        var (fit, _, runs) = BenchContext.Timed(_ => (BenchContext.Seconds(() => model = est.Fit(x)), 0.0));
        var truth = y.Select(v => (int)v).ToArray();
        context.Emit(new BenchResult("hdbscan", "fathom.HDBSCAN", fit, null, "n_clusters", model!.ClusterCount,
            new JsonObject { ["min_cluster_size"] = 50, ["min_samples"] = 10 },
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
