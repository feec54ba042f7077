using System.Text.Json.Nodes;
using Fathom.Manifold;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_tsne: TSNE(n_components=2, perplexity=30, random_state=0, init="pca", learning_rate="auto")
/// (Barnes–Hut, angle 0.5, 1000 iterations) on the raw digits pixels (all 1,797 rows); value = KL divergence,
/// with trustworthiness (k = 5) and the iteration count beside it.
/// </summary>
internal sealed class TsneTask : IBenchTask
{
    public string Name => "tsne";

    public void Run(BenchContext context)
    {
        var (x, _) = BenchCsv.Load(context.Data("digits.csv"));
        var estimator = new TSNE { NComponents = 2, Perplexity = 30.0, Seed = 0, Init = TsneInit.Pca };
        TSNEResult? result = null;
        var (fit, _, runs) = BenchContext.Timed(_ =>
        {
            double f = BenchContext.Seconds(() => result = estimator.FitTransform(x));
            return (f, 0.0);
        });
        double tw = EmbeddingMetrics.Trustworthiness(x, result!.Embedding, 5);
        context.Emit(new BenchResult("tsne", "fathom.TSNE", fit, null, "kl_divergence", result.KlDivergence,
            new JsonObject { ["n_components"] = 2, ["perplexity"] = 30.0, ["random_state"] = 0, ["init"] = "pca", ["learning_rate"] = "auto" },
            new JsonObject { ["trustworthiness_k5"] = Math.Round(tw, 6), ["n_iter"] = result.IterationCount, ["runs"] = runs, ["rows"] = x.Rows, ["note"] = "raw digits pixels" }));
    }
}
