using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// k-means on random mini-batches (Sculley 2010), as scikit-learn's <c>MiniBatchKMeans</c>: centres start from
/// k-means++ on a random subset of 3·<see cref="BatchSize"/> rows (best of <see cref="NInit"/> starts by inertia on
/// that subset); each step draws <see cref="BatchSize"/> rows with replacement, assigns them to the nearest centre
/// and moves each centre to the running weighted mean of all rows it has been given (per-centre learning rate
/// 1/count). Centres whose accumulated weight falls below <see cref="ReassignmentRatio"/> × the largest are
/// moved to random rows of the batch. Stops after <see cref="MaxIter"/> passes over the data, when the
/// exponentially weighted batch inertia has not improved for <see cref="MaxNoImprovement"/> steps, or when
/// the squared centre change is at most <see cref="Tol"/> (if positive). Labels and inertia are computed on all
/// rows at the end. Each step costs O(b·k·d); far less than <see cref="KMeans"/> on large data, at a slightly
/// higher inertia.
/// </summary>
/// <remarks>
/// The random draws use Fathom's generator, so centres differ from scikit-learn's for the same seed (the
/// algorithm is the same). <see cref="NInit"/> defaults to 1 (scikit-learn ≥ 1.4's <c>"auto"</c> for k-means++;
/// 1.2 used 3). Deterministic for a given <see cref="Seed"/>, whatever the thread count.
/// </remarks>
public sealed record MiniBatchKMeans : IClusterer
{
    /// <summary>Number of clusters k (default 8).</summary>
    [Hyperparameter("number of clusters k", Min = 1)]
    public int Clusters { get; init; } = 8;

    /// <summary>Rows per mini-batch (default 1024).</summary>
    [Hyperparameter("rows drawn per step", Min = 1)]
    public int BatchSize { get; init; } = 1024;

    /// <summary>Largest number of passes over the data (default 100): at most MaxIter·n/BatchSize steps.</summary>
    [Hyperparameter("largest number of passes over the data", Min = 1)]
    public int MaxIter { get; init; } = 100;

    /// <summary>Number of k-means++ starts compared on the initialization subset (default 1).</summary>
    [Hyperparameter("number of initial centre sets tried; the lowest inertia on the init subset wins", Min = 1)]
    public int NInit { get; init; } = 1;

    /// <summary>Steps without improvement of the smoothed batch inertia before stopping (default 10; 0 = never stop this way).</summary>
    [Hyperparameter("steps without improvement of the smoothed batch inertia before stopping (0 = off)", Min = 0)]
    public int MaxNoImprovement { get; init; } = 10;

    /// <summary>Stop when Σⱼ‖Δcⱼ‖² of a step is at most Tol × mean feature variance (default 0 = off).</summary>
    [Hyperparameter("stop when a step moves the centres by at most tol times the mean feature variance (0 = off)", Min = 0)]
    public double Tol { get; init; }

    /// <summary>Fraction of the largest centre weight below which a centre is moved to a random batch row (default 0.01).</summary>
    [Hyperparameter("centres with accumulated weight below this fraction of the largest are reassigned", Min = 0, Max = 1)]
    public double ReassignmentRatio { get; init; } = 0.01;

    /// <summary>Seed of the subset, the starts and the batches (default 0).</summary>
    [Hyperparameter("seed of the initialization and of the batches")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Clusters the rows of <paramref name="x"/>.</summary>
    /// <param name="x">n × d finite values.</param>
    /// <param name="sampleWeight">Not supported: ignored with a warning.</param>
    /// <param name="context">Cancellation, progress and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range, or more clusters than rows.</exception>
    /// <exception cref="InvalidInputException">Empty data or NaN/infinity (row and column named).</exception>
    public MiniBatchKMeansModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        InputChecks.Features(x, nameof(MiniBatchKMeans));
        if (Clusters > x.Rows)
            throw new InvalidHyperparameterException("clusters",
                $"MiniBatchKMeans: clusters = {Clusters} is larger than the number of rows ({x.Rows}); choose at most {x.Rows} clusters or give more rows.");
        context ??= FitContext.Default;
        if (sampleWeight is not null)
            context.Warn("MiniBatchKMeans: sample weights are not supported; they were ignored (use KMeans for weighted rows).");
        int n = x.Rows, d = x.Columns, k = Clusters, threads = context.ThreadCount;
        int batch = Math.Min(BatchSize, n);
        var rng = new RandomSource(Seed);
        var xNorms = Reductions.RowSquaredNorms(x);
        double tol = Tol * Reductions.ColumnVariances(x).Average();

        // Initialization subset (without replacement) and the best of NInit k-means++ starts on it.
        int initSize = Math.Max(k, Math.Min(3 * batch, n));
        var subsetIdx = rng.Permutation(n)[..initSize];
        var subset = x.SelectRows(subsetIdx);
        var subNorms = Reductions.RowSquaredNorms(subset);
        var ones = Enumerable.Repeat(1.0, initSize).ToArray();
        Matrix? centers = null;
        double bestInertia = double.PositiveInfinity;
        var subLabels = new int[initSize];
        var subDist = new double[initSize];
        for (int run = 0; run < NInit; run++)
        {
            var c = KMeansCore.PlusPlus(subset, subNorms, ones, k, rng.Fork(run), threads);
            KMeansCore.Assign(subset, c, subLabels, subDist, threads);
            double inertia = subDist.Sum();
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                centers = c;
            }
        }

        var counts = new double[k];
        long maxSteps = Math.Max(1, (long)MaxIter * n / batch);
        var idx = new int[batch];
        var labels = new int[batch];
        var dist = new double[batch];
        var sums = new Matrix(k, d);
        var bw = new double[k];
        var old = new Matrix(k, d);
        double ewa = double.NaN, ewaMin = double.PositiveInfinity;
        int noImprovement = 0;
        long step = 0;
        for (; step < maxSteps; step++)
        {
            if ((step & 63) == 0) context.ThrowIfCancellationRequested();
            for (int b = 0; b < batch; b++) idx[b] = rng.NextInt(n);
            var xb = x.SelectRows(idx);
            KMeansCore.Assign(xb, centers!, labels, dist, 1);
            centers!.AsSpan().CopyTo(old.AsSpan());
            sums.AsSpan().Clear();
            Array.Clear(bw);
            for (int b = 0; b < batch; b++)
            {
                TensorPrimitives.Add(sums.Row(labels[b]), xb.Row(b), sums.Row(labels[b]));
                bw[labels[b]] += 1;
            }
            double shift = 0;
            for (int j = 0; j < k; j++)
            {
                if (bw[j] == 0) continue;
                var cj = centers.Row(j);
                TensorPrimitives.Multiply(cj, counts[j], cj);
                TensorPrimitives.Add(cj, sums.Row(j), cj);
                counts[j] += bw[j];
                TensorPrimitives.Divide(cj, counts[j], cj);
                shift += Distances.SquaredEuclidean(cj, old.Row(j));
            }
            if (ReassignmentRatio > 0 && (step + 1) % 10 == 0) Reassign(xb, centers, counts, rng);

            // Convergence on the smoothed per-row batch inertia (scikit-learn's _mini_batch_convergence).
            double batchInertia = dist.Sum() / batch;
            double alpha = Math.Min(1.0, 2.0 * batch / (n + 1.0));
            ewa = double.IsNaN(ewa) ? batchInertia : ewa * (1 - alpha) + batchInertia * alpha;
            if (tol > 0 && shift <= tol) break;
            if (ewa < ewaMin)
            {
                ewaMin = ewa;
                noImprovement = 0;
            }
            else if (MaxNoImprovement > 0 && ++noImprovement >= MaxNoImprovement) break;
        }
        context.Report("minibatch-kmeans", 1, 1, $"{Math.Min(step + 1, maxSteps)} steps of {batch} rows");
        var allLabels = new int[n];
        var allDist = new double[n];
        KMeansCore.Assign(x, centers!, allLabels, allDist, threads);
        return new MiniBatchKMeansModel(this, centers!, allLabels, allDist.Sum(), (int)Math.Min(step + 1, maxSteps));
    }

    IClusteringModel IClusterer.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    /// <summary>Moves centres whose weight is below ratio × max (at most half the batch) to random batch rows; their weight becomes the smallest kept weight.</summary>
    private void Reassign(Matrix xb, Matrix centers, double[] counts, RandomSource rng)
    {
        double max = counts.Max();
        var low = Enumerable.Range(0, counts.Length).Where(j => counts[j] < ReassignmentRatio * max).Take(Math.Max(1, xb.Rows / 2)).ToArray();
        if (low.Length == 0) return;
        var kept = Enumerable.Range(0, counts.Length).Where(j => !low.Contains(j)).Select(j => counts[j]).DefaultIfEmpty(0).Min();
        foreach (int j in low)
        {
            xb.Row(rng.NextInt(xb.Rows)).CopyTo(centers.Row(j));
            counts[j] = kept;
        }
    }
}
