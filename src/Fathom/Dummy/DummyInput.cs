using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Dummy;

/// <summary>Input checks shared by the dummy estimators and models. The features themselves are never
/// read (a dummy ignores them, as scikit-learn's does), so NaN and infinity in X are accepted.</summary>
internal static class DummyInput
{
    /// <summary>Checks X is non-empty and returns its row count.</summary>
    public static int CheckX(Matrix x, string who)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0)
            throw new InvalidInputException($"{who}: X has no rows; fit needs at least one sample.");
        return x.Rows;
    }

    /// <summary>Checks the target length matches the rows.</summary>
    public static void CheckLength(int rows, int targets, string who)
    {
        if (targets != rows)
            throw new InvalidInputException($"{who}: X has {rows} rows but y has {targets} values; give one target per row.");
    }

    /// <summary>Checks sample weights (length, finite, non-negative, positive sum) and returns their sum.</summary>
    public static double CheckWeights(double[]? w, int rows, string who)
    {
        if (w is null) return rows;
        if (w.Length != rows)
            throw new InvalidInputException($"{who}: sample_weight has {w.Length} values for {rows} rows; give one weight per row.");
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            if (!double.IsFinite(w[i]) || w[i] < 0)
                throw new InvalidInputException($"{who}: sample_weight at row {i} is {w[i]}; weights must be finite and non-negative.", i);
            sum += w[i];
        }
        if (!(sum > 0))
            throw new InvalidInputException($"{who}: the sample weights sum to zero; at least one row needs a positive weight.");
        return sum;
    }

    /// <summary>Checks the feature count of a prediction input.</summary>
    public static void CheckPredict(Matrix x, int featureCount, string who)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != featureCount)
            throw new InvalidInputException(
                $"{who} was fitted on {featureCount} features but X has {x.Columns}; pass the same columns as in training.");
    }
}
