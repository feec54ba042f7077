using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>
/// t-SNE's gradient descent (scikit-learn 1.2's <c>_gradient_descent</c>) and its two objectives: exact over all
/// pairs and Barnes–Hut on sparse P with a quad-tree. Work is split over fixed chunks of rows whose partial sums
/// are added in chunk order, so the result does not depend on the thread count.
/// </summary>
internal static class TsneOptimizer
{
    private const int ExplorationIterations = 250;
    private const int CheckEvery = 50;
    private const int Chunk = 32;
    private const double MinGain = 0.01;
    private const double MachineEpsilon = 2.220446049250313e-16;
    private const double Float32Tiny = 1.1754943508222875e-38;

    internal readonly record struct Options(double Exaggeration, double LearningRate, int Iterations,
        int IterationsWithoutProgress, double MinGradNorm, double Theta2);

    internal sealed record Result(Matrix Embedding, double KlDivergence, int Iteration);

    internal static Result Run(Matrix start, SparseAffinities? sparse, Matrix? dense, Options o, FitContext ctx)
    {
        int n = start.Rows, dims = start.Columns;
        var y = start.Clone().Storage;
        var state = new Objective(n, dims, sparse, dense, o.Theta2, ctx.ThreadCount);
        var (error, it) = Descend(state, y, 0, ExplorationIterations, 0.5, ExplorationIterations, o.Exaggeration, o, ctx);
        int remaining = o.Iterations - ExplorationIterations;
        if (it < ExplorationIterations || remaining > 0)
        {
            var (e2, it2) = Descend(state, y, it + 1, o.Iterations, 0.8, o.IterationsWithoutProgress, 1.0, o, ctx);
            if (it2 > it) error = e2;
            it = it2;
        }
        return new Result(new Matrix(y, n, dims), error, it);
    }

    /// <summary>KL(P ‖ Q) and its gradient at <paramref name="y"/> (for tests and checks).</summary>
    internal static (double Kl, double[] Grad) Gradient(Matrix y, SparseAffinities? sparse, Matrix? dense, double theta2, int threads)
    {
        var f = new Objective(y.Rows, y.Columns, sparse, dense, theta2, threads);
        var grad = new double[y.Rows * y.Columns];
        double kl = f.Evaluate(y.Clone().Storage, grad, true, 1.0);
        return (kl, grad);
    }

    private static (double Error, int Iteration) Descend(Objective f, double[] y, int first, int last, double momentum,
        int withoutProgress, double pScale, Options o, FitContext ctx)
    {
        var update = new double[y.Length];
        var gains = new double[y.Length];
        var grad = new double[y.Length];
        Array.Fill(gains, 1.0);
        double error = double.MaxValue, best = double.MaxValue;
        int bestIter = first, i = first;
        for (int iter = first; iter < last; iter++)
        {
            i = iter;
            bool check = (iter + 1) % CheckEvery == 0;
            error = f.Evaluate(y, grad, check || iter == last - 1, pScale);
            double lr = o.LearningRate, norm2 = 0;
            for (int a = 0; a < y.Length; a++)
            {
                double g = grad[a], u = update[a];
                double gain = u * g < 0.0 ? gains[a] + 0.2 : gains[a] * 0.8;
                if (gain < MinGain) gain = MinGain;
                gains[a] = gain;
                g *= gain;
                norm2 += g * g;
                u = momentum * u - lr * g;
                update[a] = u;
                y[a] += u;
            }
            if (check)
            {
                ctx.ThrowIfCancellationRequested();
                ctx.Report("tsne", iter + 1, o.Iterations);
                if (error < best)
                {
                    best = error;
                    bestIter = iter;
                }
                else if (iter - bestIter > withoutProgress) break;
                if (Math.Sqrt(norm2) <= o.MinGradNorm) break;
            }
        }
        return (error, i);
    }

    /// <summary>The KL objective and its gradient; holds the scratch buffers of one fit.</summary>
    private sealed class Objective
    {
        private readonly int _n, _dims, _threads, _chunks;
        private readonly SparseAffinities? _sparse;
        private readonly Matrix? _dense;
        private readonly double _theta2;
        private readonly QuadTree _tree = new();
        private readonly double[] _chunkSum, _chunkError, _neg;

        internal Objective(int n, int dims, SparseAffinities? sparse, Matrix? dense, double theta2, int threads)
        {
            _n = n;
            _dims = dims;
            _sparse = sparse;
            _dense = dense;
            _theta2 = theta2;
            _threads = Math.Max(1, threads);
            _chunks = (n + Chunk - 1) / Chunk;
            _chunkSum = new double[_chunks];
            _chunkError = new double[_chunks];
            _neg = new double[n * dims];
        }

        private void ForChunks(Action<int> body)
        {
            if (_threads == 1 || _chunks == 1)
                for (int c = 0; c < _chunks; c++) body(c);
            else
                Parallel.For(0, _chunks, new ParallelOptions { MaxDegreeOfParallelism = _threads }, body);
        }

        private double SumInOrder(double[] parts)
        {
            double s = 0;
            for (int c = 0; c < _chunks; c++) s += parts[c];
            return s;
        }

        /// <summary>Writes ∂KL/∂y into <paramref name="grad"/>; returns KL(P ‖ Q) when asked, else 0.</summary>
        internal double Evaluate(double[] y, double[] grad, bool computeError, double pScale) =>
            _sparse is not null ? BarnesHut(y, grad, computeError, pScale) : Exact(y, grad, computeError, pScale);

        private double BarnesHut(double[] y, double[] grad, bool computeError, double pScale)
        {
            var p = _sparse!;
            _tree.Build(y);
            var rowStart = p.RowStart;
            var cols = p.Columns;
            var vals = p.Values;
            double theta2 = _theta2;
            // Points go in tree order: consecutive queries walk nearly the same cells (cache and branch friendly);
            // each writes only its own gradient, and the chunks' Z sums are added in chunk order.
            var order = _tree.Order;
            ForChunks(c =>
            {
                double z = 0;
                for (int a0 = c * Chunk, e = Math.Min(_n, a0 + Chunk); a0 < e; a0++)
                {
                    int i = order[a0];
                    double yx = y[2 * i], yy = y[2 * i + 1];
                    _tree.Repulsion(yx, yy, theta2, out double nx, out double ny, out double zi);
                    z += zi;
                    _neg[2 * i] = nx;
                    _neg[2 * i + 1] = ny;
                    double px = 0, py = 0;
                    for (int a = rowStart[i], end = rowStart[i + 1]; a < end; a++)
                    {
                        int j = cols[a];
                        double dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
                        double pq = vals[a] / (1.0 + dx * dx + dy * dy);
                        px += pq * dx;
                        py += pq * dy;
                    }
                    grad[2 * i] = px * pScale;
                    grad[2 * i + 1] = py * pScale;
                }
                _chunkSum[c] = z;
            });
            double sumQ = SumInOrder(_chunkSum);
            double inv = 1.0 / sumQ;
            for (int a = 0; a < grad.Length; a++) grad[a] = 4.0 * (grad[a] - _neg[a] * inv);
            if (!computeError) return 0.0;
            ForChunks(c =>
            {
                double kl = 0;
                for (int i = c * Chunk, e = Math.Min(_n, i + Chunk); i < e; i++)
                {
                    double yx = y[2 * i], yy = y[2 * i + 1];
                    for (int a = rowStart[i], end = rowStart[i + 1]; a < end; a++)
                    {
                        int j = cols[a];
                        double dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
                        double q = inv / (1.0 + dx * dx + dy * dy);
                        double pij = vals[a] * pScale;
                        kl += pij * Math.Log(Math.Max(pij, Float32Tiny) / Math.Max(q, Float32Tiny));
                    }
                }
                _chunkError[c] = kl;
            });
            return SumInOrder(_chunkError);
        }

        private double Exact(double[] y, double[] grad, bool computeError, double pScale)
        {
            var p = _dense!;
            int n = _n, d = _dims;
            ForChunks(c =>
            {
                double s = 0;
                for (int i = c * Chunk, e = Math.Min(n, i + Chunk); i < e; i++)
                    for (int j = 0; j < n; j++)
                    {
                        if (j == i) continue;
                        double d2 = 0;
                        for (int t = 0; t < d; t++)
                        {
                            double diff = y[i * d + t] - y[j * d + t];
                            d2 += diff * diff;
                        }
                        s += 1.0 / (1.0 + d2);
                    }
                _chunkSum[c] = s;
            });
            double inv = 1.0 / SumInOrder(_chunkSum);
            ForChunks(c =>
            {
                double kl = 0;
                Span<double> g = stackalloc double[d];
                for (int i = c * Chunk, e = Math.Min(n, i + Chunk); i < e; i++)
                {
                    g.Clear();
                    var pi = p.Row(i);
                    for (int j = 0; j < n; j++)
                    {
                        if (j == i) continue;
                        double d2 = 0;
                        for (int t = 0; t < d; t++)
                        {
                            double diff = y[i * d + t] - y[j * d + t];
                            d2 += diff * diff;
                        }
                        double num = 1.0 / (1.0 + d2);
                        double q = Math.Max(num * inv, MachineEpsilon);
                        double pij = pi[j] * pScale;
                        double w = (pij - q) * num;
                        for (int t = 0; t < d; t++) g[t] += w * (y[i * d + t] - y[j * d + t]);
                        if (computeError) kl += pij * Math.Log(Math.Max(pij, MachineEpsilon) / q);
                    }
                    for (int t = 0; t < d; t++) grad[i * d + t] = 4.0 * g[t];
                }
                _chunkError[c] = kl;
            });
            return computeError ? SumInOrder(_chunkError) : 0.0;
        }
    }
}
