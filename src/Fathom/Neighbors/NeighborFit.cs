using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>Checks and helpers shared by the k-NN classifier and regressor.</summary>
internal static class NeighborFit
{
    /// <summary>Checks X, the label/target count and n_neighbors against the rows; warns that weights are ignored.</summary>
    public static void Check(Matrix x, int labels, int nNeighbors, double[]? sampleWeight, FitContext? context, string name,
        NeighborMetric metric = NeighborMetric.Euclidean)
    {
        CheckPoints(x, metric, name);
        if (labels != x.Rows)
            throw new InvalidInputException($"{name}: {labels} labels were given for {x.Rows} rows; give one per row.");
        if (nNeighbors > x.Rows)
            throw new InvalidHyperparameterException("n_neighbors", string.Create(CultureInfo.InvariantCulture,
                $"{name}: n_neighbors is {nNeighbors} but the training data has only {x.Rows} rows; n_neighbors must be between 1 and {x.Rows}."));
        if (sampleWeight is not null)
        {
            InputChecks.Weights(sampleWeight, x.Rows, name);
            (context ?? FitContext.Default).Warn($"{name}: sample weights are not used by nearest neighbours (as in scikit-learn); they were ignored.");
        }
    }

    /// <summary>
    /// Weights of one query's neighbours into <paramref name="w"/>: 1 each (uniform), or 1/d (distance) — with any
    /// zero distance, only the zero-distance neighbours count, with weight 1 (scikit-learn's <c>_get_weights</c>).
    /// </summary>
    public static void Weights(ReadOnlySpan<double> distances, NeighborWeights mode, Span<double> w)
    {
        if (mode == NeighborWeights.Uniform)
        {
            w.Fill(1.0);
            return;
        }
        bool anyZero = false;
        foreach (double d in distances) anyZero |= d == 0;
        for (int j = 0; j < distances.Length; j++)
            w[j] = anyZero ? (distances[j] == 0 ? 1.0 : 0.0) : 1.0 / distances[j];
    }

    /// <summary>Adds each neighbour's weight <paramref name="w"/>[j] to the vote of its class
    /// (<paramref name="codes"/>[<paramref name="ids"/>[j]]) in <paramref name="votes"/>, then divides the row by the total
    /// weight when <paramref name="normalize"/>. O(neighbours + classes), no allocation.</summary>
    public static void Vote(ReadOnlySpan<double> w, ReadOnlySpan<int> ids, int[] codes, Span<double> votes, bool normalize)
    {
        double sum = 0;
        for (int j = 0; j < ids.Length; j++)
        {
            votes[codes[ids[j]]] += w[j];
            sum += w[j];
        }
        if (normalize) for (int c = 0; c < votes.Length; c++) votes[c] /= sum;
    }

    /// <summary>The mean of <paramref name="y"/> over the neighbours <paramref name="ids"/>, weighted by
    /// <paramref name="w"/>: Σ wⱼ·y[idⱼ] / Σ wⱼ. O(neighbours), no allocation.</summary>
    public static double WeightedMean(ReadOnlySpan<double> w, ReadOnlySpan<int> ids, double[] y)
    {
        double s = 0, sw = 0;
        for (int j = 0; j < ids.Length; j++)
        {
            s += w[j] * y[ids[j]];
            sw += w[j];
        }
        return s / sw;
    }

    /// <summary>Checks a prediction input (feature count; finite, or NaN allowed for nan_euclidean).</summary>
    public static void CheckQuery(Matrix x, int features, string model, NeighborMetric metric = NeighborMetric.Euclidean)
    {
        InputChecks.FeatureCount(x, features, model);
        NearestNeighbors.CheckValues(x, metric, model);
    }

    /// <summary>Checks training points: rows and columns present, values as the metric needs.</summary>
    public static void CheckPoints(Matrix x, NeighborMetric metric, string name)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0) throw new InvalidInputException($"{name}: the data has no rows; fit needs at least one sample.");
        if (x.Columns == 0) throw new InvalidInputException($"{name}: the data has no feature columns.");
        NearestNeighbors.CheckValues(x, metric, name);
    }
}
