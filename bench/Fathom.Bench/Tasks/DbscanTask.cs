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
        var est = new DBSCAN { Eps = 0.05, MinSamples = 10 };
        DensityClusterBench.Run(context, "dbscan", "fathom.DBSCAN", new JsonObject { ["eps"] = 0.05, ["min_samples"] = 10 }, x => est.Fit(x).Labels.ToArray());
    }
}
