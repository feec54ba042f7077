using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>The input affinities P of t-SNE: per-row perplexity calibration, then symmetrization.</summary>
internal static class TsneAffinities
{
    private const int Steps = 100;
    private const double Tolerance = 1e-5;
    private const double MachineEpsilon = 2.220446049250313e-16;
    private const int Chunk = 64;

    /// <summary>
    /// Conditional probabilities pⱼ|ᵢ = exp(−β·d²ᵢⱼ) / Σ for one row, β found by bisection (doubling or halving
    /// while unbracketed) until the Shannon entropy log Σ + β·Σ p·d² is within 1e-5 of log(perplexity), at most
    /// 100 steps, as scikit-learn's <c>_binary_search_perplexity</c>. Returns β.
    /// </summary>
    internal static double Calibrate(ReadOnlySpan<double> d2, Span<double> p, double perplexity)
    {
        double desired = Math.Log(perplexity);
        double beta = 1.0, lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        for (int step = 0; step < Steps; step++)
        {
            double sum = 0;
            for (int j = 0; j < d2.Length; j++)
            {
                double v = Math.Exp(-d2[j] * beta);
                p[j] = v;
                sum += v;
            }
            if (sum == 0) sum = 1e-8;
            double sumDp = 0;
            for (int j = 0; j < d2.Length; j++)
            {
                p[j] /= sum;
                sumDp += d2[j] * p[j];
            }
            double diff = Math.Log(sum) + beta * sumDp - desired;
            if (Math.Abs(diff) <= Tolerance) break;
            if (diff > 0)
            {
                lo = beta;
                beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2;
            }
            else
            {
                hi = beta;
                beta = double.IsNegativeInfinity(lo) ? beta / 2 : (beta + lo) / 2;
            }
        }
        return beta;
    }

    /// <summary>Barnes–Hut affinities: calibration on the k = min(n − 1, ⌊3·perplexity + 1⌋) nearest neighbours
    /// (squared distances rounded to float32, as scikit-learn), then P = (C + Cᵀ) / Σ(C + Cᵀ).</summary>
    internal static SparseAffinities Sparse(Matrix x, double perplexity, int threads)
    {
        int n = x.Rows;
        int k = Math.Min(n - 1, (int)(3.0 * perplexity + 1.0));
        var nn = NearestNeighbors.Build(x).KNeighborsOfPoints(k, threads);
        var neighbors = nn.Indices;
        var cond = new double[n * k];
        var dist = nn.Distances;
        Parallel.For(0, (n + Chunk - 1) / Chunk, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, c =>
        {
            var d2 = new double[k];
            for (int i = c * Chunk, e = Math.Min(n, i + Chunk); i < e; i++)
            {
                for (int t = 0; t < k; t++)
                {
                    double d = dist[i, t];
                    d2[t] = (float)(d * d);
                }
                Calibrate(d2, cond.AsSpan(i * k, k), perplexity);
            }
        });
        var p = SparseAffinities.SymmetricSum(n, k, neighbors, cond);
        double total = 0;
        foreach (var v in p.Values) total += v;
        total = Math.Max(total, MachineEpsilon);
        var vals = p.Values;
        for (int a = 0; a < vals.Length; a++) vals[a] /= total;
        return p;
    }

    /// <summary>Exact affinities: calibration over all other rows, then pᵢⱼ = max((pⱼ|ᵢ + pᵢ|ⱼ) / Σ, ε) off the
    /// diagonal, 0 on it. Returns an n × n matrix.</summary>
    internal static Matrix Dense(Matrix x, double perplexity, int threads)
    {
        int n = x.Rows;
        var d2 = Distances.SquaredEuclidean(x, threads);
        var cond = new Matrix(n, n);
        Parallel.For(0, (n + Chunk - 1) / Chunk, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, c =>
        {
            var row = new double[n - 1];
            var p = new double[n - 1];
            for (int i = c * Chunk, e = Math.Min(n, i + Chunk); i < e; i++)
            {
                var d = d2.Row(i);
                for (int j = 0, o = 0; j < n; j++)
                    if (j != i) row[o++] = (float)Math.Max(d[j], 0.0);
                Calibrate(row, p, perplexity);
                var ci = cond.Row(i);
                for (int j = 0, o = 0; j < n; j++)
                    if (j != i) ci[j] = p[o++];
            }
        });
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) total += cond[i, j];
        total = Math.Max(2 * total, MachineEpsilon);
        var result = new Matrix(n, n);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double v = Math.Max((cond[i, j] + cond[j, i]) / total, MachineEpsilon);
                result[i, j] = v;
                result[j, i] = v;
            }
        return result;
    }
}
