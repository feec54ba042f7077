namespace Fathom.Data;

/// <summary>A column of numbers; NaN marks a missing value.</summary>
public sealed class NumericColumn : DataColumn
{
    private readonly double[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying (the caller must not change them afterwards).</summary>
    public NumericColumn(string name, double[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>The values; NaN where missing.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Value at <paramref name="row"/> (NaN when missing).</summary>
    public double this[int row] => _values[row];

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Numeric;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    /// <inheritdoc/>
    public override string? Format(int row) =>
        double.IsNaN(_values[row]) ? null : _values[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override DataColumn Take(ReadOnlySpan<int> rows)
    {
        var v = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++) v[i] = _values[rows[i]];
        return new NumericColumn(Name, v);
    }

    /// <inheritdoc/>
    public override DataColumn Rename(string name) => new NumericColumn(name, _values);

    /// <summary>A copy of the values.</summary>
    public double[] ToArray() => (double[])_values.Clone();
}
