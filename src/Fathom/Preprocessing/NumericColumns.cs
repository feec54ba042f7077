using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Shared plumbing of the numeric column-wise transformers (scalers, power and quantile transforms, binning,
/// polynomial features, imputers): reading every column of the fit frame as numbers (numeric as they are,
/// boolean as 0/1, text and date rejected by name), reading the fitted columns back BY NAME at transform time,
/// and building the numeric output frame.
/// </summary>
internal static class NumericColumns
{
    /// <summary>Every column of <paramref name="x"/> as a fresh array of numbers.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value; a
    /// missing value when <paramref name="allowMissing"/> is false (each names the column and row).</exception>
    internal static (string[] Names, ColumnKind[] Kinds, double[][] Values) ReadFit(DataFrame x, string who, bool allowMissing)
    {
        FrameInput.CheckFitFrame(x, who);
        int p = x.ColumnCount;
        var names = new string[p];
        var kinds = new ColumnKind[p];
        var values = new double[p][];
        for (int j = 0; j < p; j++)
        {
            var c = x[j];
            names[j] = c.Name;
            kinds[j] = c.Kind;
            if (!FrameInput.IsNumberLike(c.Kind))
                throw new InvalidInputException(
                    $"{who}: column '{c.Name}' is {FrameInput.KindName(c.Kind)}; it takes only numeric and boolean columns. Encode it (OneHotEncoder, OrdinalEncoder, DateTimeFeatures) or leave it out.",
                    column: c.Name);
            values[j] = Checked(c, who, allowMissing);
        }
        return (names, kinds, values);
    }

    /// <summary>The fitted columns of <paramref name="x"/> (by name, in fitted order) as fresh arrays.</summary>
    /// <exception cref="InvalidInputException">A fitted column is absent or changed kind; an infinite value; a
    /// missing value when <paramref name="allowMissing"/> is false.</exception>
    internal static double[][] ReadTransform(DataFrame x, IReadOnlyList<string> names, IReadOnlyList<ColumnKind> kinds, string who, bool allowMissing)
    {
        var cols = FrameInput.Resolve(x, names, kinds, who);
        var values = new double[cols.Length][];
        for (int j = 0; j < cols.Length; j++) values[j] = Checked(cols[j], who, allowMissing);
        return values;
    }

    private static double[] Checked(DataColumn c, string who, bool allowMissing)
    {
        var v = FrameInput.Numbers(c).ToArray();
        for (int i = 0; i < v.Length; i++)
        {
            if (double.IsInfinity(v[i]))
                throw new InvalidInputException($"{who}: column '{c.Name}' holds an infinite value at row {i}; replace it first.", i, c.Name);
            if (!allowMissing && double.IsNaN(v[i]))
                throw new InvalidInputException($"{who}: column '{c.Name}' has a missing value at row {i}; impute it first (SimpleImputer, KNNImputer).", i, c.Name);
        }
        return v;
    }

    /// <summary>A frame of numeric columns.</summary>
    internal static DataFrame ToFrame(IReadOnlyList<string> names, double[][] columns)
    {
        var cols = new DataColumn[columns.Length];
        for (int j = 0; j < cols.Length; j++) cols[j] = new NumericColumn(names[j], columns[j]);
        return new DataFrame(cols);
    }

    /// <summary>All-numeric kinds (the schema of an inverse transform's input).</summary>
    internal static ColumnKind[] NumericKinds(int p) => Enumerable.Repeat(ColumnKind.Numeric, p).ToArray();

    /// <summary>The present (non-NaN) values, sorted ascending.</summary>
    internal static double[] SortedPresent(double[] v)
    {
        var s = v.Where(d => !double.IsNaN(d)).ToArray();
        Array.Sort(s);
        return s;
    }

    /// <summary>scikit-learn's <c>_handle_zeros_in_scale</c>: a scale below 10·ε (a constant column) becomes 1.</summary>
    internal static double NonZeroScale(double scale) => scale < 10 * 2.220446049250313e-16 ? 1.0 : scale;
}
