using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>
/// Metric multidimensional scaling by SMACOF (de Leeuw 1977), as scikit-learn 1.2's <c>MDS(metric=True)</c>:
/// minimizes the raw stress ½·Σᵢⱼ (‖xᵢ − xⱼ‖ − δᵢⱼ)² by Guttman transforms X ← B(X)·X / n with
/// B = −δᵢⱼ/dᵢⱼ off the diagonal and the row sums on it (distances 0 replaced by 1e-5), stopping when
/// stress/Σ‖xᵢ‖ falls by less than <see cref="Eps"/>; the best of <see cref="NInit"/> uniform random starts.
/// O(n²·components) per iteration. Non-metric (isotonic) MDS is not implemented. There is no transform of new rows.
/// </summary>
public sealed record MDS : IEstimator
{
    /// <summary>Output dimensions (default 2).</summary>
    [Hyperparameter("dimensions of the embedding", Min = 1)]
    public int NComponents { get; init; } = 2;

    /// <summary>Random starts; the lowest stress wins (default 4).</summary>
    [Hyperparameter("random starts (the lowest stress is kept)", Min = 1)]
    public int NInit { get; init; } = 4;

    /// <summary>Iterations per start (default 300).</summary>
    [Hyperparameter("SMACOF iterations per start", Min = 1)]
    public int MaxIter { get; init; } = 300;

    /// <summary>Stop when stress / Σ‖xᵢ‖ decreases by less than this (default 1e-3).</summary>
    [Hyperparameter("relative stress decrease below which a start stops", Min = 0)]
    public double Eps { get; init; } = 1e-3;

    /// <summary>Whether the input is data rows (default) or a precomputed dissimilarity matrix.</summary>
    [Hyperparameter("euclidean (data rows) or precomputed (a dissimilarity matrix)")]
    public MdsDissimilarity Dissimilarity { get; init; } = MdsDissimilarity.Euclidean;

    /// <summary>Seed of the random starts (default 0).</summary>
    [Hyperparameter("seed of the random starts")]
    public int Seed { get; init; }

    /// <summary>Not weighted, no missing values, stochastic through <see cref="Seed"/>.</summary>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Embeds the rows (or the items of a precomputed dissimilarity matrix).</summary>
    /// <param name="x">Data rows, or an n × n dissimilarity matrix when <see cref="Dissimilarity"/> is precomputed.</param>
    /// <param name="init">Optional starting embedding (n × components); then a single start is run, as scikit-learn.</param>
    /// <param name="context">Cancellation, threads.</param>
    /// <exception cref="InvalidHyperparameterException">A value out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, a non-square or asymmetric precomputed
    /// matrix, or an init of the wrong shape.</exception>
    public MDSResult FitTransform(Matrix x, Matrix? init = null, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        var ctx = context ?? FitContext.Default;
        if (x.Rows == 0 || x.Columns == 0) throw new InvalidInputException("MDS: the data is empty; give it rows and columns.");
        Linear.InputChecks.Finite(x, nameof(MDS));
        int n = x.Rows;
        Matrix delta;
        if (Dissimilarity == MdsDissimilarity.Precomputed)
        {
            if (x.Columns != n)
                throw new InvalidInputException($"MDS: a precomputed dissimilarity matrix must be square; got {x.Rows} × {x.Columns}.");
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++)
                    if (Math.Abs(x[i, j] - x[j, i]) > 1e-10 * Math.Max(1, Math.Abs(x[i, j])))
                        throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                            $"MDS: the dissimilarity matrix is not symmetric at ({i}, {j}): {x[i, j]} vs {x[j, i]}."), i);
            delta = x.Clone();
        }
        else
        {
            delta = new Matrix(n, n);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) delta[i, j] = Math.Sqrt(Distances.SquaredEuclidean(x.Row(i), x.Row(j)));
        }
        if (init is not null)
        {
            if (init.Rows != n || init.Columns != NComponents)
                throw new InvalidInputException($"MDS: init must be {n} × {NComponents}; got {init.Rows} × {init.Columns}.");
            var (e, s, it) = Smacof(delta, init.Clone(), ctx);
            return new MDSResult(e, s, it);
        }
        var rng = new RandomSource(Seed);
        MDSResult? best = null;
        for (int r = 0; r < NInit; r++)
        {
            var start = new Matrix(n, NComponents);
            var span = start.AsSpan();
            for (int i = 0; i < span.Length; i++) span[i] = rng.NextDouble();
            var (e, s, it) = Smacof(delta, start, ctx);
            if (best is null || s < best.Stress) best = new MDSResult(e, s, it);
        }
        return best!;
    }

    private (Matrix Embedding, double Stress, int Iterations) Smacof(Matrix delta, Matrix x, FitContext ctx)
    {
        int n = delta.Rows, c = x.Columns;
        double? oldStress = null;
        double stress = 0;
        int it = 0;
        var next = new Matrix(n, c);
        var rowStress = new double[n];
        var opts = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, ctx.ThreadCount) };
        for (it = 0; it < MaxIter; it++)
        {
            var cur = x;
            Parallel.For(0, n, opts, i =>
            {
                var xi = cur.Row(i);
                var di = delta.Row(i);
                var o = next.Row(i);
                o.Clear();
                double s = 0, diag = 0;
                for (int j = 0; j < n; j++)
                {
                    double dist = Math.Sqrt(Distances.SquaredEuclidean(xi, cur.Row(j)));
                    double r = dist - di[j];
                    s += r * r;
                    double ratio = di[j] / (dist == 0 ? 1e-5 : dist);
                    diag += ratio;
                    var xj = cur.Row(j);
                    for (int t = 0; t < c; t++) o[t] -= ratio * xj[t];
                }
                for (int t = 0; t < c; t++) o[t] = (o[t] + diag * xi[t]) / n;
                rowStress[i] = s;
            });
            stress = 0;
            for (int i = 0; i < n; i++) stress += rowStress[i];
            stress /= 2;
            (x, next) = (next, x);
            double norm = 0;
            for (int i = 0; i < n; i++) norm += Math.Sqrt(Blas.Dot(x.Row(i), x.Row(i)));
            if (oldStress is double old && old - stress / norm < Eps) break;
            oldStress = stress / norm;
            if ((it + 1) % 50 == 0) ctx.ThrowIfCancellationRequested();
        }
        return (x, stress, Math.Min(it + 1, MaxIter));
    }
}
