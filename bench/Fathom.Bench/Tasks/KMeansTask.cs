using System.Text.Json.Nodes;
using Fathom.Cluster;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_kmeans: blobs (all 200k rows, 16 features), k = 20, n_init = 1, k-means++, seed 0; fit, then
/// predict on all rows; value = inertia; extra n_iter and ARI against the generating labels.
/// Variants "fathom.KMeans[lloyd]" and "fathom.KMeans[elkan]".
/// </summary>
internal sealed class KMeansTask : IBenchTask
{
    public string Name => "kmeans";

    public void Run(BenchContext context)
    {
        var (x, y) = BenchCsv.Load(context.BenchData("blobs.csv.gz"));
        var truth = y.Select(v => (int)v).ToArray();
        foreach (var algo in new[] { KMeansAlgorithm.Lloyd, KMeansAlgorithm.Elkan })
        {
            var est = new KMeans { Clusters = 20, NInit = 1, Init = KMeansInit.KMeansPlusPlus, Seed = 0, Algorithm = algo };
            KMeansModel? model = null;
            int[]? labels = null;
            var (fit, pred, runs) = BenchContext.Timed(_ =>
            {
                double f = BenchContext.Seconds(() => model = est.Fit(x));
                double p = BenchContext.Seconds(() => labels = model!.Predict(x));
                return (f, p);
            });
            string name = algo.ToString().ToLowerInvariant();
            context.Emit(new BenchResult("kmeans", $"fathom.KMeans[{name}]", fit, pred, "inertia", model!.Inertia,
                new JsonObject { ["n_clusters"] = 20, ["n_init"] = 1, ["init"] = "k-means++", ["random_state"] = 0, ["algorithm"] = name },
                new JsonObject
                {
                    ["n_iter"] = model.Iterations,
                    ["ari_vs_truth"] = Math.Round(Fathom.Metrics.ClusteringMetrics.AdjustedRand(truth, labels!), 6),
                    ["runs"] = runs,
                    ["rows"] = x.Rows,
                    ["note"] = "fit and predict on all rows",
                }));
        }
    }
}
