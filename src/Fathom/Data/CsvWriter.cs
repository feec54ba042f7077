using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Fathom.Data;

/// <summary>
/// Writes a <see cref="DataFrame"/> as RFC 4180 CSV (UTF-8 without byte-order mark, LF line ends) that
/// <see cref="CsvReader"/> reads back into an identical frame.
/// </summary>
/// <remarks>
/// Numbers use the shortest text that round-trips the double (<c>"R"</c>, invariant culture; infinities as
/// <c>Infinity</c>/<c>-Infinity</c>); booleans <c>true</c>/<c>false</c>; dates ISO 8601
/// (<c>yyyy-MM-dd</c>, or <c>yyyy-MM-dd HH:mm:ss[.fffffff]</c> when there is a time of day); missing values
/// as empty fields (as <c>""</c> in a one-column frame, where an empty line would be skipped on reading).
/// A field is quoted when it contains the delimiter, a quote, CR or LF, or when it is text equal to one of
/// <see cref="CsvOptions.MissingTokens"/> (so the text <c>NA</c> stays text). Text columns whose every value
/// looks like a number (or date) will be inferred as numbers (or dates) when read back; force them with
/// <see cref="CsvOptions.ColumnKinds"/>.
/// </remarks>
public static class CsvWriter
{
    /// <summary>Writes <paramref name="frame"/> to the file at <paramref name="path"/> (replaced if it
    /// exists); a path ending in <c>.gz</c> is gzip-compressed.</summary>
    public static void Write(DataFrame frame, string path, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(path);
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gz = new GZipStream(fs, CompressionLevel.Optimal);
            using var w = new StreamWriter(gz, new UTF8Encoding(false), 1 << 16);
            Write(frame, w, options);
        }
        else
        {
            using var w = new StreamWriter(fs, new UTF8Encoding(false), 1 << 16);
            Write(frame, w, options);
        }
    }

    /// <summary>Writes <paramref name="frame"/> to <paramref name="writer"/> (not closed).</summary>
    public static void Write(DataFrame frame, TextWriter writer, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= CsvOptions.Default;
        char d = options.Delimiter;
        if (d > 127 || d is '"' or '\r' or '\n')
            throw new Core.InvalidInputException($"CsvOptions.Delimiter '{d}' cannot be used: it must be an ASCII character other than '\"', CR and LF.");
        var missing = new HashSet<string>(options.MissingTokens.Where(t => !string.IsNullOrEmpty(t)), StringComparer.Ordinal);
        int p = frame.ColumnCount;
        bool single = p == 1;
        if (options.HasHeader)
        {
            for (int j = 0; j < p; j++)
            {
                if (j > 0) writer.Write(d);
                WriteText(writer, frame[j].Name, d, missing, single);
            }
            writer.Write('\n');
        }
        Span<char> num = stackalloc char[64];
        for (int i = 0; i < frame.RowCount; i++)
        {
            for (int j = 0; j < p; j++)
            {
                if (j > 0) writer.Write(d);
                switch (frame[j])
                {
                    case NumericColumn nc:
                        double v = nc[i];
                        if (double.IsNaN(v)) { if (single) writer.Write("\"\""); }
                        else if (v.TryFormat(num, out int n, "R", CultureInfo.InvariantCulture)) writer.Write(num[..n]);
                        else writer.Write(v.ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case TextColumn tc:
                        WriteText(writer, tc[i], d, missing, single);
                        break;
                    default:
                        {
                            string? s = frame[j].Format(i);
                            if (s is null) { if (single) writer.Write("\"\""); }
                            else writer.Write(s);
                            break;
                        }
                }
            }
            writer.Write('\n');
        }
        writer.Flush();
    }

    /// <summary>The CSV text of <paramref name="frame"/>.</summary>
    public static string ToCsvString(DataFrame frame, CsvOptions? options = null)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        Write(frame, sw, options);
        return sw.ToString();
    }

    private static void WriteText(TextWriter writer, string? s, char d, HashSet<string> missing, bool single)
    {
        if (string.IsNullOrEmpty(s))
        {
            if (single) writer.Write("\"\"");
            return;
        }
        ReadOnlySpan<char> special = [d, '"', '\r', '\n'];
        bool quote = missing.Contains(s) || s.AsSpan().IndexOfAny(special) >= 0;
        if (!quote)
        {
            writer.Write(s);
            return;
        }
        writer.Write('"');
        writer.Write(s.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
