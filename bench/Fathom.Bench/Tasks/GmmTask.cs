using System.Text.Json.Nodes;
using Fathom.Cluster;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_gmm: blobs rows 0..99,999 (16 features), 8 full-covariance components, seed 0 (k-means start);
/// fit, then score on the same rows; value = mean per-sample log-likelihood; extra n_iter, converged, lower bound.
/// System "fathom.GaussianMixture".
/// </summary>
internal sealed class GmmTask : IBenchTask
{
    public string Name => "gmm";

    public void Run(BenchContext context)
    {
        var (all, _) = BenchCsv.Load(context.BenchData("blobs.csv.gz"));
        var x = all.RowRange(0, 100_000).Clone();
        var est = new GaussianMixture { Components = 8, CovarianceType = GaussianMixtureCovariance.Full, Seed = 0 };
        GaussianMixtureModel? model = null;
        double score = 0;
        var (fit, pred, runs) = BenchContext.Timed(_ =>
        {
            double f = BenchContext.Seconds(() => model = est.Fit(x));
            double p = BenchContext.Seconds(() => score = model!.Score(x));
            return (f, p);
        });
        context.Emit(new BenchResult("gmm", "fathom.GaussianMixture", fit, pred, "mean_log_likelihood", Math.Round(score, 6),
            new JsonObject { ["n_components"] = 8, ["covariance_type"] = "full", ["random_state"] = 0 },
            new JsonObject
            {
                ["n_iter"] = model!.Iterations,
                ["converged"] = model.Converged,
                ["lower_bound"] = Math.Round(model.LowerBound, 6),
                ["runs"] = runs,
                ["rows"] = "blobs[:100000]",
                ["note"] = "score = mean per-sample log-likelihood on the fitted rows",
            }));
    }
}
