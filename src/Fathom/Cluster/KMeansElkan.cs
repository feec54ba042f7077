using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Elkan's accelerated k-means iteration (Elkan 2003), as scikit-learn's <c>algorithm="elkan"</c>: the same
/// iterates as Lloyd's algorithm, but each row keeps an upper bound on the distance to its centre and a lower
/// bound to every other centre; with the triangle inequality and the half-distances between centres most
/// distance computations are skipped once clusters settle. Memory O(n·k) for the bounds. Rows are processed in a
/// fixed number of segments whose partial sums are added in order: identical results whatever the thread count.
/// Distances are exact (<see cref="Distances.SquaredEuclidean(ReadOnlySpan{double}, ReadOnlySpan{double})"/>), so a
/// row lying within rounding of two centres may go the other way than with Lloyd's GEMM expansion.
/// </summary>
internal static class KMeansElkan
{
    private const int MaxSegments = 32;

    internal static KMeansCore.Result Run(Matrix x, double[] w, Matrix centers, int maxIter, double tol, int threads, FitContext context)
    {
        int n = x.Rows, d = x.Columns, k = centers.Rows;
        var labels = new int[n];
        var upper = new double[n];
        var lower = new double[(long)n * k];
        var minDist = new double[n];
        int segments = Math.Max(1, Math.Min(MaxSegments, n / 256));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        // First assignment: every distance is computed.
        Parallel.For(0, segments, options, s =>
        {
            int i0 = (int)((long)n * s / segments), i1 = (int)((long)n * (s + 1) / segments);
            for (int i = i0; i < i1; i++)
            {
                int best = 0;
                double bestD = double.PositiveInfinity;
                for (int j = 0; j < k; j++)
                {
                    double dist = Math.Sqrt(Distances.SquaredEuclidean(x.Row(i), centers.Row(j)));
                    lower[(long)i * k + j] = dist;
                    if (dist < bestD)
                    {
                        bestD = dist;
                        best = j;
                    }
                }
                labels[i] = best;
                upper[i] = bestD;
            }
        });
        var labelsOld = new int[n];
        Array.Fill(labelsOld, -1);
        var next = new Matrix(k, d);
        var cc = new double[k * k];
        var half = new double[k];
        var shift = new double[k];
        bool strict = false;
        int iter = 0;
        for (; iter < maxIter; iter++)
        {
            context.ThrowIfCancellationRequested();
            // New centres from the current labels (empty clusters relocated as in Lloyd).
            for (int i = 0; i < n; i++) minDist[i] = upper[i] * upper[i];
            Means(x, w, labels, minDist, next, segments, options);
            double total = 0;
            for (int j = 0; j < k; j++)
            {
                double s2 = Distances.SquaredEuclidean(next.Row(j), centers.Row(j));
                total += s2;
                shift[j] = Math.Sqrt(s2);
            }
            (centers, next) = (next, centers);
            if (labels.AsSpan().SequenceEqual(labelsOld))
            {
                strict = true;
                break;
            }
            labels.CopyTo(labelsOld, 0);
            if (total <= tol) break;
            // Move the bounds with the centres, then reassign using them.
            for (int a = 0; a < k; a++)
            {
                double m = double.PositiveInfinity;
                for (int b = 0; b < k; b++)
                {
                    double dist = a == b ? 0 : Math.Sqrt(Distances.SquaredEuclidean(centers.Row(a), centers.Row(b)));
                    cc[a * k + b] = dist;
                    if (a != b) m = Math.Min(m, dist);
                }
                half[a] = 0.5 * m;
            }
            var c = centers;
            Parallel.For(0, segments, options, s =>
            {
                int i0 = (int)((long)n * s / segments), i1 = (int)((long)n * (s + 1) / segments);
                for (int i = i0; i < i1; i++)
                {
                    var lo = lower.AsSpan((int)((long)i * k), k);
                    for (int j = 0; j < k; j++) lo[j] = Math.Max(lo[j] - shift[j], 0);
                    int label = labels[i];
                    double u = upper[i] + shift[label];
                    if (u <= half[label])
                    {
                        upper[i] = u;
                        continue;
                    }
                    bool tight = false;
                    for (int j = 0; j < k; j++)
                    {
                        if (j == label || u <= lo[j] || u <= 0.5 * cc[label * k + j]) continue;
                        if (!tight)
                        {
                            u = Math.Sqrt(Distances.SquaredEuclidean(x.Row(i), c.Row(label)));
                            lo[label] = u;
                            tight = true;
                            if (u <= lo[j] || u <= 0.5 * cc[label * k + j]) continue;
                        }
                        double dist = Math.Sqrt(Distances.SquaredEuclidean(x.Row(i), c.Row(j)));
                        lo[j] = dist;
                        if (dist < u)
                        {
                            u = dist;
                            label = j;
                        }
                    }
                    labels[i] = label;
                    upper[i] = u;
                }
            });
        }
        if (!strict) KMeansCore.Assign(x, centers, labels, minDist, threads);
        double inertia = 0;
        for (int i = 0; i < n; i++) inertia += w[i] * Distances.SquaredEuclidean(x.Row(i), centers.Row(labels[i]));
        return new KMeansCore.Result(centers, labels, inertia, Math.Min(iter + 1, maxIter));
    }

    /// <summary>Weighted cluster means into <paramref name="next"/>, summed per segment in order; empty clusters relocated.</summary>
    private static void Means(Matrix x, double[] w, int[] labels, double[] minDist, Matrix next, int segments, ParallelOptions options)
    {
        int n = x.Rows, d = x.Columns, k = next.Rows;
        var sums = new double[segments * k * d];
        var wsum = new double[segments * k];
        Parallel.For(0, segments, options, s =>
        {
            int i0 = (int)((long)n * s / segments), i1 = (int)((long)n * (s + 1) / segments);
            var my = sums.AsSpan(s * k * d, k * d);
            var myW = wsum.AsSpan(s * k, k);
            for (int i = i0; i < i1; i++)
            {
                int j = labels[i];
                TensorPrimitives.MultiplyAdd(x.Row(i), w[i], my.Slice(j * d, d), my.Slice(j * d, d));
                myW[j] += w[i];
            }
        });
        var total = next.AsSpan();
        total.Clear();
        var weightIn = new double[k];
        for (int s = 0; s < segments; s++)
        {
            TensorPrimitives.Add(total, sums.AsSpan(s * k * d, k * d), total);
            TensorPrimitives.Add(weightIn, wsum.AsSpan(s * k, k), weightIn);
        }
        KMeansCore.RelocateEmpty(x, w, labels, minDist, next, weightIn);
        for (int j = 0; j < k; j++)
            if (weightIn[j] > 0) TensorPrimitives.Divide(next.Row(j), weightIn[j], next.Row(j));
    }
}
