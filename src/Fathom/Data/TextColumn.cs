namespace Fathom.Data;

/// <summary>A column of text or categories; null marks a missing value.</summary>
public sealed class TextColumn : DataColumn
{
    private readonly string?[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying (the caller must not change them afterwards).</summary>
    public TextColumn(string name, string?[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>The values; null where missing.</summary>
    public ReadOnlySpan<string?> Values => _values;

    /// <summary>Value at <paramref name="row"/> (null when missing).</summary>
    public string? this[int row] => _values[row];

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Text;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _values[row] is null;

    /// <inheritdoc/>
    public override string? Format(int row) => _values[row];

    /// <inheritdoc/>
    public override DataColumn Take(ReadOnlySpan<int> rows)
    {
        var v = new string?[rows.Length];
        for (int i = 0; i < rows.Length; i++) v[i] = _values[rows[i]];
        return new TextColumn(Name, v);
    }

    /// <inheritdoc/>
    public override DataColumn Rename(string name) => new TextColumn(name, _values);

    /// <summary>Distinct non-missing values in ordinal order.</summary>
    public string[] Categories() =>
        _values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()!;
}
