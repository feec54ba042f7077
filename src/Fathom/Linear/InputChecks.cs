using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>The data checks the linear estimators share (empty, non-finite, lengths, weights).</summary>
internal static class InputChecks
{
    /// <summary>Rejects a null or empty matrix and any NaN or infinity, naming the row and column.</summary>
    public static void Features(Matrix x, string estimator)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0) throw new InvalidInputException($"{estimator}: the data has no rows; fit needs at least one sample.");
        if (x.Columns == 0) throw new InvalidInputException($"{estimator}: the data has no feature columns.");
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (!double.IsFinite(row[j]))
                    throw new InvalidInputException(
                        $"{estimator}: feature {j} of row {i} is {row[j].ToString(CultureInfo.InvariantCulture)}; impute or drop missing and infinite values first.",
                        i, j.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Rejects a wrong-length, negative or non-finite weight vector, or one summing to zero.</summary>
    public static void Weights(double[]? sampleWeight, int rows, string estimator)
    {
        if (sampleWeight is null) return;
        if (sampleWeight.Length != rows)
            throw new InvalidInputException($"{estimator}: {sampleWeight.Length} sample weights were given for {rows} rows; give one weight per row.");
        double sum = 0;
        for (int i = 0; i < rows; i++)
        {
            double w = sampleWeight[i];
            if (!double.IsFinite(w) || w < 0)
                throw new InvalidInputException(
                    $"{estimator}: sample weight {w.ToString(CultureInfo.InvariantCulture)} at row {i} is not valid; weights must be finite and non-negative.", i);
            sum += w;
        }
        if (!(sum > 0)) throw new InvalidInputException($"{estimator}: all sample weights are zero; at least one row must have a positive weight.");
    }

    /// <summary>Rejects a prediction input whose feature count differs from the fitted one.</summary>
    public static void FeatureCount(Matrix x, int expected, string model)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != expected)
            throw new InvalidInputException(
                $"{model} was fitted on {expected} features but the data has {x.Columns}; pass the same columns, in the same order, as at fit time.");
    }

    /// <summary>Rejects NaN or infinity in prediction inputs, naming the row and column.</summary>
    public static void Finite(Matrix x, string model)
    {
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (!double.IsFinite(row[j]))
                    throw new InvalidInputException(
                        $"{model}: feature {j} of row {i} is {row[j].ToString(CultureInfo.InvariantCulture)}; impute or drop missing and infinite values first.",
                        i, j.ToString(CultureInfo.InvariantCulture));
        }
    }
}
