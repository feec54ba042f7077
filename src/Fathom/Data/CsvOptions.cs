namespace Fathom.Data;

/// <summary>
/// How <see cref="CsvReader"/> reads and <see cref="CsvWriter"/> writes delimited text. The quote character
/// is always <c>"</c> (RFC 4180: a quote inside a quoted field is written twice).
/// </summary>
/// <remarks>
/// <para><b>Missing values.</b> A field is missing when it is empty (quoted or not), or when it is
/// <i>unquoted</i> and equal to one of <see cref="MissingTokens"/>. Matching is exact and case-sensitive
/// (like pandas): the default list spells out the usual variants (<c>NA</c>, <c>N/A</c>, <c>n/a</c>,
/// <c>NaN</c>, <c>nan</c>, <c>null</c>, <c>NULL</c>, <c>None</c>, <c>&lt;NA&gt;</c>, <c>#N/A</c>), so
/// <c>Null</c> or <c>na</c> stay text. A quoted non-empty field is never a missing token, so the text
/// <c>"NA"</c> survives a write → read round trip.</para>
/// <para><b>Whitespace.</b> Numbers, booleans and dates may carry leading or trailing spaces/tabs; text is
/// kept exactly as written.</para>
/// </remarks>
public sealed record CsvOptions
{
    /// <summary>The default missing-value tokens: empty, <c>NA</c>, <c>N/A</c>, <c>n/a</c>, <c>NaN</c>,
    /// <c>nan</c>, <c>null</c>, <c>NULL</c>, <c>None</c>, <c>&lt;NA&gt;</c>, <c>#N/A</c>.</summary>
    public static IReadOnlyList<string> DefaultMissingTokens { get; } =
        ["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None", "<NA>", "#N/A"];

    /// <summary>Options with every default.</summary>
    public static CsvOptions Default { get; } = new();

    /// <summary>Field separator; default <c>','</c>. Must be an ASCII character other than <c>"</c>, CR
    /// and LF (use <c>';'</c> or <c>'\t'</c> for the common alternatives).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>True (default) when the first row holds column names. Without a header, columns are named
    /// <c>column_1</c>, <c>column_2</c>, … (1-based).</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Unquoted field values read as missing (exact, case-sensitive match); default
    /// <see cref="DefaultMissingTokens"/>. An empty field is always missing whatever this list says.
    /// When writing, text equal to one of these tokens is quoted so it reads back as text.</summary>
    public IReadOnlyCollection<string> MissingTokens { get; init; } = DefaultMissingTokens;

    /// <summary>
    /// Column kinds to use instead of inference, by column name (default none). A cell that does not parse
    /// as the forced kind is an error naming its line and column; <see cref="ColumnKind.Text"/> keeps the
    /// column as text even when every value looks like a number or a date.
    /// </summary>
    public IReadOnlyDictionary<string, ColumnKind>? ColumnKinds { get; init; }

    /// <summary>Threads used to parse (default 0 = <see cref="Environment.ProcessorCount"/>). The result is
    /// the same whatever the value.</summary>
    public int MaxThreads { get; init; }
}
