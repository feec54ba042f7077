namespace Fathom.Data;

/// <summary>A column of true/false values; null marks a missing value.</summary>
public sealed class BoolColumn : DataColumn
{
    private readonly bool?[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying.</summary>
    public BoolColumn(string name, bool?[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>The values; null where missing.</summary>
    public ReadOnlySpan<bool?> Values => _values;

    /// <summary>Value at <paramref name="row"/> (null when missing).</summary>
    public bool? this[int row] => _values[row];

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Boolean;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _values[row] is null;

    /// <inheritdoc/>
    public override string? Format(int row) => _values[row] switch { null => null, true => "true", false => "false" };

    /// <inheritdoc/>
    public override DataColumn Take(ReadOnlySpan<int> rows)
    {
        var v = new bool?[rows.Length];
        for (int i = 0; i < rows.Length; i++) v[i] = _values[rows[i]];
        return new BoolColumn(Name, v);
    }

    /// <inheritdoc/>
    public override DataColumn Rename(string name) => new BoolColumn(name, _values);
}
