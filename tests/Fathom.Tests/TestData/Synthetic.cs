using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Tests.TestData;

/// <summary>Small random datasets for tests, all generated with <see cref="RandomSource"/> (so identical on every machine).</summary>
public static class Synthetic
{
    /// <summary>A matrix of standard normal values.</summary>
    public static Matrix Gaussian(int rows, int columns, long seed)
    {
        var r = new RandomSource(seed);
        var m = new Matrix(rows, columns);
        var s = m.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = r.NextGaussian();
        return m;
    }

    /// <summary>
    /// <paramref name="classes"/> well-separated Gaussian blobs (unit spread, centres 6 apart on a
    /// per-class random direction) with labels 0..classes−1, rows shuffled, classes balanced.
    /// </summary>
    public static (Matrix X, int[] Y) Blobs(int rows, int columns, int classes, long seed)
    {
        var r = new RandomSource(seed);
        var centres = new double[classes, columns];
        for (int k = 0; k < classes; k++)
            for (int j = 0; j < columns; j++)
                centres[k, j] = (r.NextDouble() * 2 - 1) * 10;
        // Push centres apart along the first axis too, so even 1-feature blobs separate.
        for (int k = 0; k < classes; k++) centres[k, 0] = 8.0 * k;
        var order = r.Permutation(rows);
        var x = new Matrix(rows, columns);
        var y = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int row = order[i];
            int k = i % classes;
            y[row] = k;
            for (int j = 0; j < columns; j++) x[row, j] = centres[k, j] + r.NextGaussian();
        }
        return (x, y);
    }

    /// <summary>A noisy linear function: y = X·w + 3 + noise·N(0,1), with w drawn in [−2, 2] and X standard normal.</summary>
    public static (Matrix X, double[] Y, double[] W) Linear(int rows, int columns, long seed, double noise = 0.1)
    {
        var r = new RandomSource(seed);
        var w = new double[columns];
        for (int j = 0; j < columns; j++) w[j] = r.NextDouble() * 4 - 2;
        var x = new Matrix(rows, columns);
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double s = 3.0;
            for (int j = 0; j < columns; j++) { double v = r.NextGaussian(); x[i, j] = v; s += w[j] * v; }
            y[i] = s + noise * r.NextGaussian();
        }
        return (x, y, w);
    }

    /// <summary>Integer weights in 1..<paramref name="max"/>.</summary>
    public static int[] IntWeights(int rows, int max, long seed)
    {
        var r = new RandomSource(seed);
        var w = new int[rows];
        for (int i = 0; i < rows; i++) w[i] = 1 + r.NextInt(max);
        return w;
    }

    /// <summary>Repeats row i of X (and its target) w[i] times, in order.</summary>
    public static (Matrix X, T[] Y) Repeat<T>(Matrix x, T[] y, int[] w)
    {
        var rows = new List<int>();
        for (int i = 0; i < w.Length; i++) for (int k = 0; k < w[i]; k++) rows.Add(i);
        var idx = rows.ToArray();
        return (x.SelectRows(idx), idx.Select(i => y[i]).ToArray());
    }
}
