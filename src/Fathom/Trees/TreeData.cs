using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Trees;

/// <summary>
/// Training features laid out for tree building: one contiguous array per feature (column-major, so the
/// values of one feature for a set of rows are gathered from one cache-friendly array) and, optionally,
/// each feature's rows sorted by value once. A forest builds this once and shares it, read-only, between
/// all its trees and threads. Values are held in single precision (float32): scikit-learn converts tree inputs to
/// float32, and its thresholds are midpoints of float32 values, so Fathom does the same to grow identical trees.
/// </summary>
internal sealed class TreeData
{
    private TreeData(float[][] columns, int[][]? order, int rows)
    {
        Columns = columns;
        Order = order;
        Rows = rows;
    }

    /// <summary>Feature j of row i is <c>Columns[j][i]</c>.</summary>
    internal float[][] Columns { get; }

    /// <summary>Per feature, all row indices sorted by value (ties by row index); null when not presorted.</summary>
    internal int[][]? Order { get; }

    /// <summary>Number of rows.</summary>
    internal int Rows { get; }

    /// <summary>Number of features.</summary>
    internal int Features => Columns.Length;

    /// <summary>Copies <paramref name="x"/> column by column and, when <paramref name="presort"/>, sorts each
    /// feature's rows (O(p · n log n), features in parallel on up to <paramref name="threads"/> threads).</summary>
    /// <exception cref="InvalidInputException">A value is too large for single precision.</exception>
    internal static TreeData From(Matrix x, bool presort, int threads, string who)
    {
        int n = x.Rows, p = x.Columns;
        var columns = new float[p][];
        for (int j = 0; j < p; j++) columns[j] = new float[n];
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < p; j++)
            {
                float v = (float)row[j];
                if (float.IsInfinity(v))
                    throw new InvalidInputException(
                        $"{who}: feature {j} of row {i} is too large for single precision (|x| > 3.4e38); trees compare features as float32, as scikit-learn does. Rescale the column.",
                        i, j.ToString(System.Globalization.CultureInfo.InvariantCulture));
                columns[j][i] = v;
            }
        }
        int[][]? order = null;
        if (presort)
        {
            order = new int[p][];
            Parallel.For(0, p, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, j =>
            {
                var keys = (float[])columns[j].Clone();
                var idx = new int[n];
                for (int i = 0; i < n; i++) idx[i] = i;
                // Sort by (value, row) so the order does not depend on the sort algorithm.
                Array.Sort(keys, idx);
                int a = 0;
                while (a < n)
                {
                    int b = a + 1;
                    while (b < n && keys[b] == keys[a]) b++;
                    if (b - a > 1) Array.Sort(idx, a, b - a);
                    a = b;
                }
                order[j] = idx;
            });
        }
        return new TreeData(columns, order, n);
    }
}
