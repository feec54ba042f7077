using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>Neighbour queries and segment interpolation shared by SMOTE, borderline-SMOTE and ADASYN.</summary>
internal static class SyntheticSampling
{
    /// <summary>The k nearest other rows of each row of <paramref name="points"/> (row indices into it).</summary>
    public static NeighborResult NeighboursWithin(Matrix points, int k, string name, string parameter)
    {
        if (k >= points.Rows)
            throw new InvalidHyperparameterException(parameter,
                $"{name}: {parameter} = {k} but a class to over-sample has only {points.Rows} rows; use {parameter} < {points.Rows} (each row needs {k} other rows of its class).");
        return NearestNeighbors.Build(points).KNeighborsOfPoints(k);
    }

    /// <summary>
    /// For each minority row (given as rows of <paramref name="x"/>), how many of its m nearest rows in the whole data
    /// belong to another class.
    /// </summary>
    public static int[] OtherClassNeighbourCounts(Matrix x, ClassLabels y, IReadOnlyList<int> rows, int m, string name, string parameter)
    {
        if (m >= x.Rows)
            throw new InvalidHyperparameterException(parameter, $"{name}: {parameter} = {m} but there are only {x.Rows} rows; use {parameter} < {x.Rows}.");
        var all = NearestNeighbors.Build(x).KNeighborsOfPoints(m);
        var codes = y.Codes;
        var counts = new int[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            int own = codes[rows[r]];
            foreach (int j in all.IndicesOf(rows[r])) if (codes[j] != own) counts[r]++;
        }
        return counts;
    }

    /// <summary>x_base + u · (x_neighbour − x_base) for u drawn uniformly in [0, <paramref name="maxGap"/>).</summary>
    public static double[] Interpolate(ReadOnlySpan<double> basePoint, ReadOnlySpan<double> neighbour, RandomSource rng, double maxGap = 1.0)
    {
        double u = rng.NextDouble() * maxGap;
        var v = new double[basePoint.Length];
        for (int j = 0; j < v.Length; j++) v[j] = basePoint[j] + u * (neighbour[j] - basePoint[j]);
        return v;
    }
}
