namespace Fathom.Core;

/// <summary>
/// A data file cannot be parsed (ragged row, unterminated quote, text in a numeric column, empty file,
/// duplicate header). <see cref="Line"/> is the 1-based physical line and <see cref="Column"/> the column
/// name or 1-based field number where the parser stopped.
/// </summary>
public sealed class DataFormatException : FathomException
{
    /// <summary>Creates the exception with a message and location.</summary>
    public DataFormatException(string message, long? line = null, string? column = null) : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception with a message.</summary>
    public DataFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with no message.</summary>
    public DataFormatException() { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DataFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>1-based line number in the file, when known.</summary>
    public long? Line { get; }

    /// <summary>Column name (or 1-based field number) when known.</summary>
    public string? Column { get; }
}
