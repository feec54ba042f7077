namespace Fathom.Data;

/// <summary>A column of dates or date-times (no time zone); null marks a missing value.</summary>
public sealed class DateTimeColumn : DataColumn
{
    private readonly DateTime?[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying.</summary>
    public DateTimeColumn(string name, DateTime?[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>The values; null where missing.</summary>
    public ReadOnlySpan<DateTime?> Values => _values;

    /// <summary>Value at <paramref name="row"/> (null when missing).</summary>
    public DateTime? this[int row] => _values[row];

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.DateTime;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _values[row] is null;

    /// <summary>ISO 8601: <c>yyyy-MM-dd</c> when the time is midnight, else <c>yyyy-MM-dd HH:mm:ss</c>
    /// (with fractional seconds when present).</summary>
    public override string? Format(int row)
    {
        if (_values[row] is not DateTime d) return null;
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        if (d.TimeOfDay == TimeSpan.Zero) return d.ToString("yyyy-MM-dd", ci);
        return d.Ticks % TimeSpan.TicksPerSecond == 0 ? d.ToString("yyyy-MM-dd HH:mm:ss", ci) : d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", ci);
    }

    /// <inheritdoc/>
    public override DataColumn Take(ReadOnlySpan<int> rows)
    {
        var v = new DateTime?[rows.Length];
        for (int i = 0; i < rows.Length; i++) v[i] = _values[rows[i]];
        return new DateTimeColumn(Name, v);
    }

    /// <inheritdoc/>
    public override DataColumn Rename(string name) => new DateTimeColumn(name, _values);
}
