using System.Text.Json.Nodes;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>
/// The shared body of the density-clustering tasks on dbscan_2d (all 50,000 rows: two moons + 3 Gaussian blobs):
/// times the fit as anchors.py does, then emits the number of clusters (label −1 = noise) with n_noise and the ARI
/// against the generating labels.
/// </summary>
internal static class DensityClusterBench
{
    public static void Run(BenchContext context, string task, string system, JsonObject parameters, Func<Matrix, int[]> fit)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("dbscan_2d.csv.gz"));
        int[]? labels = null;
        var (fitSeconds, _, runs) = BenchContext.Timed(_ => (BenchContext.Seconds(() => labels = fit(x)), 0.0));
        var truth = y.Select(v => (int)v).ToArray();
        var found = labels!;
        int clusters = found.Where(l => l >= 0).Distinct().Count();
        context.Emit(new BenchResult(task, system, fitSeconds, null, "n_clusters", clusters, parameters,
            new JsonObject
            {
                ["n_noise"] = found.Count(l => l < 0),
                ["ari_vs_generator"] = Math.Round(Fathom.Metrics.ClusteringMetrics.AdjustedRand(truth, found), 6),
                ["runs"] = runs,
                ["rows"] = x.Rows,
                ["data"] = "make_moons(40000, noise=0.05) + 3 gaussian blobs (10000, std 0.15)",
            }));
    }
}
