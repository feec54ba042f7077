using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>UMAP's initial layouts (spectral, random) and its stochastic gradient descent with negative sampling.</summary>
internal static class UmapLayout
{
    /// <summary>
    /// Laplacian eigenmap of the graph: the eigenvectors of D^(−1/2)·W·D^(−1/2) with the 2nd to (dims + 1)-th
    /// largest eigenvalues (the trivial first one, ∝ √degree, is skipped), by block subspace iteration on
    /// (I + D^(−1/2)WD^(−1/2))/2 with Rayleigh–Ritz. Null when the graph is too small.
    /// </summary>
    internal static Matrix? Spectral(SparseAffinities g, int dims, RandomSource rng, int iterations = 300)
    {
        int n = g.Rows;
        int b = Math.Min(n, dims + 1 + 10);
        if (n <= dims + 1) return null;
        var inv = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = 0;
            for (int a = g.RowStart[i]; a < g.RowStart[i + 1]; a++) d += g.Values[a];
            inv[i] = d > 0 ? 1 / Math.Sqrt(d) : 0;
        }
        var v = new double[b][];
        for (int c = 0; c < b; c++)
        {
            v[c] = new double[n];
            for (int i = 0; i < n; i++) v[c][i] = rng.NextGaussian();
        }
        Orthonormalize(v);
        var y = new double[b][];
        for (int c = 0; c < b; c++) y[c] = new double[n];
        for (int it = 0; it < iterations; it++)
        {
            Apply(g, inv, v, y);
            (v, y) = (y, v);
            Orthonormalize(v);
        }
        Apply(g, inv, v, y);
        var h = new Matrix(b, b);
        for (int r = 0; r < b; r++)
            for (int c = 0; c < b; c++) h[r, c] = Blas.Dot(v[r], y[c]);
        var eig = SymmetricEigenDecomposition.Decompose(h);
        var coords = new Matrix(n, dims);
        for (int t = 0; t < dims; t++)
        {
            int col = b - 2 - t; // eigenvalues ascend: skip the largest
            for (int r = 0; r < b; r++)
            {
                double u = eig.Eigenvectors[r, col];
                var vr = v[r];
                for (int i = 0; i < n; i++) coords[i, t] += u * vr[i];
            }
        }
        foreach (var x in coords.Storage) if (!double.IsFinite(x)) return null;
        return coords;
    }

    private static void Apply(SparseAffinities g, double[] inv, double[][] v, double[][] y)
    {
        int n = g.Rows;
        for (int c = 0; c < v.Length; c++)
        {
            var vc = v[c];
            var yc = y[c];
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int a = g.RowStart[i]; a < g.RowStart[i + 1]; a++)
                {
                    int j = g.Columns[a];
                    s += g.Values[a] * inv[j] * vc[j];
                }
                yc[i] = 0.5 * vc[i] + 0.5 * inv[i] * s;
            }
        }
    }

    private static void Orthonormalize(double[][] v)
    {
        for (int c = 0; c < v.Length; c++)
        {
            for (int pass = 0; pass < 2; pass++)
                for (int p = 0; p < c; p++)
                    Blas.Axpy(-Blas.Dot(v[p], v[c]), v[p], v[c]);
            double norm = Math.Sqrt(Blas.Dot(v[c], v[c]));
            if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Multiply(v[c], 1 / norm, v[c]);
        }
    }

    /// <summary>Uniform draws in [−10, 10].</summary>
    internal static Matrix Random(int n, int dims, RandomSource rng)
    {
        var m = new Matrix(n, dims);
        var s = m.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = rng.NextDouble() * 20 - 10;
        return m;
    }

    /// <summary>Scales the spectral layout so its largest |coordinate| is 10, adds N(0, 1e-4²) noise, then maps every
    /// column to [0, 10] (umap-learn's preparation of the initial layout).</summary>
    internal static void Prepare(Matrix e, bool spectral, RandomSource rng)
    {
        var s = e.AsSpan();
        if (spectral)
        {
            double max = 0;
            foreach (var v in s) max = Math.Max(max, Math.Abs(v));
            double expansion = max > 0 ? 10 / max : 1;
            for (int i = 0; i < s.Length; i++) s[i] = s[i] * expansion + 1e-4 * rng.NextGaussian();
        }
        for (int c = 0; c < e.Columns; c++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = 0; i < e.Rows; i++)
            {
                lo = Math.Min(lo, e[i, c]);
                hi = Math.Max(hi, e[i, c]);
            }
            double range = hi - lo;
            for (int i = 0; i < e.Rows; i++) e[i, c] = range > 0 ? 10 * (e[i, c] - lo) / range : 0;
        }
    }

    /// <summary>Edges (head, tail) with weight ≥ max/epochs, and epochs per sample = epochs·max / (epochs·w).</summary>
    internal static (int[] Heads, int[] Tails, double[] EpochsPerSample) Edges(SparseAffinities g, int epochs)
    {
        double max = 0;
        foreach (var v in g.Values) max = Math.Max(max, v);
        var heads = new List<int>();
        var tails = new List<int>();
        var eps = new List<double>();
        for (int i = 0; i < g.Rows; i++)
            for (int a = g.RowStart[i]; a < g.RowStart[i + 1]; a++)
            {
                double w = g.Values[a];
                if (w < max / epochs || w <= 0) continue;
                heads.Add(i);
                tails.Add(g.Columns[a]);
                eps.Add(max / w);
            }
        return ([.. heads], [.. tails], [.. eps]);
    }

    /// <summary>
    /// umap-learn's <c>optimize_layout_euclidean</c>: in epoch e (0-based), every edge due (its next sample epoch ≤ e)
    /// pulls head and tail together with gradient −2ab·d^(2(b−1)) / (1 + a·d^(2b)) per unit offset, then pushes the head
    /// away from ⌊(e − next negative epoch) / (epochs per sample / negative rate)⌋ random tail vertices with
    /// 2γb / ((0.001 + d²)(1 + a·d^(2b))); each coordinate step clipped to ±4 and scaled by α = lr·(1 − e/epochs).
    /// Sequential, so the layout depends only on the seed.
    /// </summary>
    internal static void Optimize(Matrix head, Matrix tail, int[] heads, int[] tails, double[] epochsPerSample, int epochs,
        double a, double b, double gamma, double learningRate, int negativeRate, bool moveOther, RandomSource rng, FitContext? ctx = null)
    {
        int dims = head.Columns, nTail = tail.Rows;
        var h = head.Storage;
        var t = tail.Storage;
        int m = heads.Length;
        var next = (double[])epochsPerSample.Clone();
        var negEvery = new double[m];
        for (int i = 0; i < m; i++) negEvery[i] = epochsPerSample[i] / negativeRate;
        var nextNeg = (double[])negEvery.Clone();
        for (int e = 0; e < epochs; e++)
        {
            double alpha = learningRate * (1.0 - (double)e / epochs);
            for (int i = 0; i < m; i++)
            {
                if (next[i] > e) continue;
                int j = heads[i], k = tails[i];
                int oj = j * dims, ok = k * dims;
                double d2 = 0;
                for (int c = 0; c < dims; c++)
                {
                    double diff = h[oj + c] - t[ok + c];
                    d2 += diff * diff;
                }
                double coef = 0;
                if (d2 > 0)
                {
                    double pb = Math.Pow(d2, b);
                    coef = -2.0 * a * b * pb / d2 / (a * pb + 1.0);
                }
                for (int c = 0; c < dims; c++)
                {
                    double g = Clip(coef * (h[oj + c] - t[ok + c]));
                    h[oj + c] += g * alpha;
                    if (moveOther) t[ok + c] -= g * alpha;
                }
                next[i] += epochsPerSample[i];

                int negatives = (int)((e - nextNeg[i]) / negEvery[i]);
                for (int p = 0; p < negatives; p++)
                {
                    int r = rng.NextInt(nTail);
                    int or = r * dims;
                    d2 = 0;
                    for (int c = 0; c < dims; c++)
                    {
                        double diff = h[oj + c] - t[or + c];
                        d2 += diff * diff;
                    }
                    if (d2 > 0)
                    {
                        double pb = Math.Pow(d2, b);
                        coef = 2.0 * gamma * b / ((0.001 + d2) * (a * pb + 1.0));
                    }
                    else if (j == r && moveOther) continue;
                    else coef = 0;
                    for (int c = 0; c < dims; c++)
                    {
                        double g = coef > 0 ? Clip(coef * (h[oj + c] - t[or + c])) : 4.0;
                        h[oj + c] += g * alpha;
                    }
                }
                nextNeg[i] += negatives * negEvery[i];
            }
            if (ctx is not null && (e + 1) % 50 == 0)
            {
                ctx.ThrowIfCancellationRequested();
                ctx.Report("umap", e + 1, epochs);
            }
        }
    }

    private static double Clip(double v) => v > 4.0 ? 4.0 : v < -4.0 ? -4.0 : v;
}
