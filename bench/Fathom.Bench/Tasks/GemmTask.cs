using System.Diagnostics;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_gemm / gemm_measure: C = A·B with n = 2048, A and B standard normal, 1 warm-up + 5 timed
/// runs; value = GFLOP/s (2n³ flops) from the median time, fit_s = median seconds, extra gflops_best.
/// Variants "fathom float64" and "fathom float32" (Blas.Gemm, all cores).
/// </summary>
internal sealed class GemmTask : IBenchTask
{
    public string Name => "gemm";

    public void Run(BenchContext context)
    {
        const int n = 2048;
        double flop = 2.0 * n * n * n;
        var rng = new RandomSource(0);
        var a = new double[n * n];
        var b = new double[n * n];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextGaussian();
        for (int i = 0; i < b.Length; i++) b[i] = rng.NextGaussian();
        var c = new double[n * n];
        Measure(context, "fathom float64", flop, () => Blas.Gemm(false, false, n, n, n, 1.0, a, n, b, n, 0.0, c, n));
        var af = Array.ConvertAll(a, x => (float)x);
        var bf = Array.ConvertAll(b, x => (float)x);
        var cf = new float[n * n];
        Measure(context, "fathom float32", flop, () => Blas.Gemm(false, false, n, n, n, 1f, af, n, bf, n, 0f, cf, n));
    }

    private static void Measure(BenchContext context, string system, double flop, Action f)
    {
        f();
        var ts = new List<double>();
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            f();
            ts.Add(sw.Elapsed.TotalSeconds);
        }
        double med = BenchContext.Median(ts), best = ts.Min();
        context.Emit(new BenchResult("gemm", system, med, null, "gflops", flop / med / 1e9,
            new JsonObject { ["n"] = 2048, ["threads"] = Environment.ProcessorCount },
            new JsonObject
            {
                ["gflops_best"] = Math.Round(flop / best / 1e9, 6),
                ["best_s"] = Math.Round(best, 4),
                ["runs"] = "1 warm-up + 5 (median)",
                ["path"] = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "avx512" : "avx2/scalar",
            }));
    }
}
