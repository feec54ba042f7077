using System.Text.Json.Nodes;
using Fathom.Cluster;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_agglomerative: blobs rows 0..9,999, Ward linkage, 20 clusters; fit only; value = ARI against the
/// generating labels. System "fathom.AgglomerativeClustering[ward]".
/// </summary>
internal sealed class AgglomerativeTask : IBenchTask
{
    public string Name => "agglomerative";

    public void Run(BenchContext context)
    {
        var (all, y) = BenchCsv.Load(context.BenchData("blobs.csv.gz"));
        var x = all.RowRange(0, 10_000).Clone();
        var truth = y.Take(10_000).Select(v => (int)v).ToArray();
        var est = new AgglomerativeClustering { Clusters = 20, Linkage = AgglomerativeLinkage.Ward };
        AgglomerativeClusteringModel? model = null;
        var (fit, _, runs) = BenchContext.Timed(_ => (BenchContext.Seconds(() => model = est.Fit(x)), 0.0));
        context.Emit(new BenchResult("agglomerative", "fathom.AgglomerativeClustering[ward]", fit, null, "ari_vs_truth",
            Math.Round(Fathom.Metrics.ClusteringMetrics.AdjustedRand(truth, model!.Labels), 6),
            new JsonObject { ["n_clusters"] = 20, ["linkage"] = "ward" },
            new JsonObject { ["runs"] = runs, ["rows"] = "blobs[:10000]" }));
    }
}
