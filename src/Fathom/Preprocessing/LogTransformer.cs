using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Applies <c>z = log(1 + x)</c> to numeric columns (scikit-learn: <c>FunctionTransformer(np.log1p)</c>), the
/// usual fix for right-skewed non-negative data such as counts and prices. Values must be above −1 (a value
/// ≤ −1 has no logarithm and is rejected, naming the column and row). NaN stays NaN. Nothing is learned;
/// fitting records the columns. O(n·p).
/// </summary>
public sealed record LogTransformer : ITransformer
{
    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Records the columns and checks every value is above −1.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value or one ≤ −1.</exception>
    public LogTransformerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(LogTransformer), allowMissing: true);
        for (int j = 0; j < cols.Length; j++) CheckDomain(names[j], cols[j]);
        return new LogTransformerModel(this, names, kinds);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    internal static void CheckDomain(string name, double[] v)
    {
        for (int i = 0; i < v.Length; i++)
            if (v[i] <= -1)
                throw new InvalidInputException(
                    $"LogTransformer: column '{name}' has {v[i]} at row {i}; log(1 + x) needs x > -1. Shift the column or use PowerTransformer (yeo-johnson), which takes any real value.",
                    i, name);
    }
}
