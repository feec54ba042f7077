namespace Fathom.Data;

/// <summary>
/// Summary statistics of one column, as pandas' <c>DataFrame.describe(include="all")</c> gives them.
/// Numeric columns fill <see cref="Mean"/> … <see cref="Max"/>; text, boolean and date columns fill
/// <see cref="Unique"/>, <see cref="Top"/> and <see cref="Frequency"/> (dates also <see cref="First"/> and
/// <see cref="Last"/>). Statistics that do not apply are null.
/// </summary>
public sealed record ColumnDescription
{
    /// <summary>Column name.</summary>
    public required string Name { get; init; }

    /// <summary>Column kind.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>Number of present (non-missing) values.</summary>
    public required int Count { get; init; }

    /// <summary>Number of missing values.</summary>
    public required int Missing { get; init; }

    /// <summary>Mean of the present values (NaN when there are none).</summary>
    public double? Mean { get; init; }

    /// <summary>Sample standard deviation √(Σ(x−mean)²/(n−1)) (ddof = 1, as pandas); NaN when n &lt; 2.</summary>
    public double? Std { get; init; }

    /// <summary>Smallest present value.</summary>
    public double? Min { get; init; }

    /// <summary>25th percentile, linear interpolation between order statistics at position 0.25·(n−1)
    /// (pandas/numpy "linear").</summary>
    public double? Q25 { get; init; }

    /// <summary>Median (50th percentile, linear interpolation).</summary>
    public double? Median { get; init; }

    /// <summary>75th percentile (linear interpolation).</summary>
    public double? Q75 { get; init; }

    /// <summary>Largest present value.</summary>
    public double? Max { get; init; }

    /// <summary>Number of distinct present values (non-numeric columns).</summary>
    public int? Unique { get; init; }

    /// <summary>Most frequent value, formatted as the CSV writer would (ties: the value seen first).</summary>
    public string? Top { get; init; }

    /// <summary>Occurrences of <see cref="Top"/>.</summary>
    public int? Frequency { get; init; }

    /// <summary>Earliest date (date columns).</summary>
    public DateTime? First { get; init; }

    /// <summary>Latest date (date columns).</summary>
    public DateTime? Last { get; init; }
}
