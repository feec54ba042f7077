namespace Fathom.Data;

/// <summary>
/// One named, typed column of a <see cref="DataFrame"/>. Columns are immutable once built; operations
/// return new columns.
/// </summary>
public abstract class DataColumn
{
    /// <summary>Creates a column named <paramref name="name"/>.</summary>
    protected DataColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>Column name (as in the file header).</summary>
    public string Name { get; }

    /// <summary>Number of values.</summary>
    public abstract int Length { get; }

    /// <summary>The column's type.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>True when value <paramref name="row"/> is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>Number of missing values. O(n).</summary>
    public int MissingCount()
    {
        int n = 0;
        for (int i = 0; i < Length; i++) if (IsMissing(i)) n++;
        return n;
    }

    /// <summary>Value <paramref name="row"/> as invariant-culture text (null when missing), as a CSV writer
    /// would write it.</summary>
    public abstract string? Format(int row);

    /// <summary>A new column holding the given rows in the given order.</summary>
    public abstract DataColumn Take(ReadOnlySpan<int> rows);

    /// <summary>The same values under another name.</summary>
    public abstract DataColumn Rename(string name);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Kind}, {Length} rows)";
}
