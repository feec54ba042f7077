using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>The EM loop of <see cref="GaussianMixture"/> (scikit-learn's <c>BaseMixture.fit_predict</c>), without validation.</summary>
internal static class GaussianMixtureFit
{
    internal static GaussianMixtureModel Run(GaussianMixture options, Matrix x, double[]? sampleWeight, FitContext context)
    {
        int n = x.Rows, d = x.Columns, k = options.Components;
        int threads = context.ThreadCount;
        var type = options.CovarianceType;
        // Centre the data (weighted mean): covariances and densities are unchanged, rounding is smaller.
        var center = Reductions.ColumnMeans(x, sampleWeight);
        var xc = new Matrix(n, d);
        for (int i = 0; i < n; i++) TensorPrimitives.Subtract(x.Row(i), center, xc.Row(i));
        Matrix? gram = null;
        if (type == GaussianMixtureCovariance.Tied)
        {
            if (sampleWeight is null) gram = MatrixOps.Gram(xc, threads);
            else
            {
                var scaled = new Matrix(n, d);
                for (int i = 0; i < n; i++) TensorPrimitives.Multiply(xc.Row(i), Math.Sqrt(sampleWeight[i]), scaled.Row(i));
                gram = MatrixOps.Gram(scaled, threads);
            }
        }
        var rng = new RandomSource(options.Seed);
        GaussianMixtureParameters? best = null;
        double bestBound = double.NegativeInfinity;
        int bestIter = 0;
        bool bestConverged = false;
        var resp = new Matrix(n, k);
        for (int run = 0; run < options.NInit; run++)
        {
            context.ThrowIfCancellationRequested();
            var p = Initialize(options, x, xc, center, sampleWeight, gram, rng.Fork(run), unchecked(options.Seed + run), context);
            double bound = double.NegativeInfinity;
            bool converged = false;
            int iter = 0;
            for (iter = 1; iter <= options.MaxIter; iter++)
            {
                context.ThrowIfCancellationRequested();
                double previous = bound;
                bound = EStep(xc, p, sampleWeight, resp, threads);
                p = GaussianMixtureCore.MStep(xc, resp, options.RegCovar, type, gram, threads);
                if (Math.Abs(bound - previous) < options.Tol)
                {
                    converged = true;
                    break;
                }
            }
            iter = Math.Min(iter, options.MaxIter);
            context.Report("gaussian-mixture", run + 1, options.NInit,
                $"run {run + 1}: mean log-likelihood {bound:G8} after {iter} iterations{(converged ? "" : " (not converged)")}");
            if (best is null || bound > bestBound)
            {
                best = p;
                bestBound = bound;
                bestIter = iter;
                bestConverged = converged;
            }
        }
        if (!bestConverged)
            context.Warn($"GaussianMixture did not converge in {options.MaxIter} iterations; raise max_iter or tol.");
        var labels = Reductions.RowArgMax(GaussianMixtureCore.WeightedLogProb(xc, best!, threads));
        var means = best!.Means.Clone();
        for (int j = 0; j < k; j++) TensorPrimitives.Add(means.Row(j), center, means.Row(j));
        var final = new GaussianMixtureParameters(best.Weights, means, best.Covariances, best.PrecisionsCholesky, type);
        return new GaussianMixtureModel(options with { WeightsInit = null, MeansInit = null, PrecisionsInit = null }, final, labels,
            bestConverged, bestIter, bestBound);
    }

    /// <summary>E-step: fills <paramref name="resp"/> with wᵢ·rᵢⱼ and returns the (weighted) mean log-likelihood.</summary>
    private static double EStep(Matrix xc, GaussianMixtureParameters p, double[]? w, Matrix resp, int threads)
    {
        var wlp = GaussianMixtureCore.WeightedLogProb(xc, p, threads);
        int n = xc.Rows;
        var norm = new double[n];
        GaussianMixtureCore.ForBlocks(n, threads, (_, r0, len) =>
        {
            for (int i = r0; i < r0 + len; i++)
            {
                var row = wlp.Row(i);
                double lse = Reductions.LogSumExp(row);
                norm[i] = lse;
                var dst = resp.Row(i);
                TensorPrimitives.Subtract(row, lse, dst);
                TensorPrimitives.Exp(dst, dst);
                if (w is not null) TensorPrimitives.Multiply(dst, w[i], dst);
            }
        });
        double s = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            double wi = w?[i] ?? 1.0;
            s += wi * norm[i];
            total += wi;
        }
        return s / total;
    }

    /// <summary>
    /// scikit-learn's <c>_initialize_parameters</c>: responsibilities from k-means labels or random numbers, one
    /// M-step, then the given weights, means and precisions replace the derived ones. When all three are given
    /// no responsibilities are computed. Run r's k-means uses seed <c>Seed + r</c> (scikit-learn passes its
    /// random state on to KMeans the same way).
    /// </summary>
    private static GaussianMixtureParameters Initialize(GaussianMixture o, Matrix x, Matrix xc, double[] center, double[]? w,
        Matrix? gram, RandomSource rng, int kmeansSeed, FitContext context)
    {
        int n = x.Rows, d = x.Columns, k = o.Components;
        GaussianMixtureParameters? derived = null;
        if (o.WeightsInit is null || o.MeansInit is null || o.PrecisionsInit is null)
        {
            var resp = new Matrix(n, k);
            if (o.Init == GaussianMixtureInit.KMeans)
            {
                var km = new KMeans { Clusters = k, NInit = 1, Seed = kmeansSeed };
                var labels = km.Fit(x, w, new FitContext { MaxThreads = context.MaxThreads, CancellationToken = context.CancellationToken }).Labels;
                for (int i = 0; i < n; i++) resp[i, labels[i]] = 1;
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    var row = resp.Row(i);
                    for (int j = 0; j < k; j++) row[j] = rng.NextDouble();
                    TensorPrimitives.Divide(row, TensorPrimitives.Sum<double>(row), row);
                }
            }
            if (w is not null)
                for (int i = 0; i < n; i++) TensorPrimitives.Multiply(resp.Row(i), w[i], resp.Row(i));
            derived = GaussianMixtureCore.MStep(xc, resp, o.RegCovar, o.CovarianceType, gram, context.ThreadCount);
        }
        var weights = o.WeightsInit?.ToArray() ?? derived!.Weights;
        Matrix means;
        if (o.MeansInit is { } m)
        {
            means = m.Clone();
            for (int j = 0; j < k; j++) TensorPrimitives.Subtract(means.Row(j), center, means.Row(j));
        }
        else means = derived!.Means;
        var precChol = o.PrecisionsInit is { } p
            ? GaussianMixtureCore.CholeskyOfPrecisions(p.Clone(), o.CovarianceType, d)
            : derived!.PrecisionsCholesky;
        return new GaussianMixtureParameters(weights, means, derived?.Covariances, precChol, o.CovarianceType);
    }
}
