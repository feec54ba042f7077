namespace Fathom.Data;

/// <summary>The type of a <see cref="DataColumn"/>.</summary>
public enum ColumnKind
{
    /// <summary>Numbers (double; NaN marks a missing value).</summary>
    Numeric,

    /// <summary>Text or categories (null marks a missing value).</summary>
    Text,

    /// <summary>True/false (null marks a missing value).</summary>
    Boolean,

    /// <summary>Dates and date-times (null marks a missing value).</summary>
    DateTime,
}
