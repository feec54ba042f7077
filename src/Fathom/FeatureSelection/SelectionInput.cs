using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;

namespace Fathom.FeatureSelection;

/// <summary>Reading the data and target of the supervised selectors.</summary>
internal static class SelectionInput
{
    /// <summary>The numeric columns and a checked target.</summary>
    internal static (string[] Names, ColumnKind[] Kinds, double[][] Values) Read(DataFrame x, double[] y, string who, bool allowMissing = false)
    {
        var (names, kinds, cols) = NumericColumns.ReadFit(x, who, allowMissing);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Length != x.RowCount)
            throw new InvalidInputException($"{who}: got {y.Length} targets for {x.RowCount} rows; give one target per row.");
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException($"{who}: the target at row {i} is {y[i]}; drop rows whose target is missing first.", i);
        return (names, kinds, cols);
    }

    /// <summary>NaN scores count as the lowest (scikit-learn's <c>_clean_nans</c>).</summary>
    internal static double Clean(double s) => double.IsNaN(s) ? double.MinValue : s;
}
