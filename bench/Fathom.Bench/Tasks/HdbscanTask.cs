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
        var est = new HDBSCAN { MinClusterSize = 50, MinSamples = 10 };
        DensityClusterBench.Run(context, "hdbscan", "fathom.HDBSCAN", new JsonObject { ["min_cluster_size"] = 50, ["min_samples"] = 10 }, x => est.Fit(x).Labels.ToArray());
    }
}
