namespace Fathom.Data;

/// <summary>
/// A run of whole CSV records (never cut inside a quoted field, assuming every quote toggles the quoted
/// state) and, once parsed, its columns.
/// </summary>
internal sealed class CsvChunk
{
    public CsvChunk(int index, byte[] buffer, int start, int end, long firstLine, int rowCapacity)
    {
        Index = index;
        Buffer = buffer;
        Start = start;
        End = end;
        FirstLine = firstLine;
        RowCapacity = rowCapacity;
    }

    /// <summary>Position of the chunk in the file (0 = first).</summary>
    public int Index { get; }

    /// <summary>Bytes; the records are <c>Buffer[Start..End]</c>.</summary>
    public byte[] Buffer { get; }

    /// <summary>First byte of the first record.</summary>
    public int Start { get; set; }

    /// <summary>One past the last byte.</summary>
    public int End { get; }

    /// <summary>1-based file line of <see cref="Start"/>.</summary>
    public long FirstLine { get; set; }

    /// <summary>Upper bound on the number of records (line feeds + 1).</summary>
    public int RowCapacity { get; }

    /// <summary>Parsed columns (after parsing).</summary>
    public CsvColumnBuffer[] Columns { get; set; } = [];

    /// <summary>Number of records parsed.</summary>
    public int Rows { get; set; }

    /// <summary>True when a quote appeared where RFC 4180 does not allow one (inside an unquoted field, or
    /// after a closing quote). Such quotes are kept as literal text, but then the quote-parity split into
    /// chunks may be wrong, so the reader parses the file again in one piece.</summary>
    public bool StrayQuote { get; set; }

    /// <summary>The error that stopped parsing, if any.</summary>
    public Exception? Error { get; set; }
}
