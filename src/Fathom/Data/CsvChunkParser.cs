using System.Text;
using Fathom.Core;

namespace Fathom.Data;

/// <summary>
/// Parses the records of one <see cref="CsvChunk"/> into typed column buffers. One instance per thread
/// (it owns a scratch buffer); the settings are shared and read-only.
/// </summary>
internal sealed class CsvChunkParser
{
    private readonly byte _delimiter;
    private readonly string[] _names;
    private readonly CsvCellKind?[] _forced;
    private readonly byte[][] _missing;
    private readonly bool _fastNumbers;
    private readonly bool[] _missingFirstByte = new bool[256];
    private byte[] _scratch = new byte[256];

    public CsvChunkParser(byte delimiter, string[] names, CsvCellKind?[] forced, byte[][] missingTokens)
    {
        _delimiter = delimiter;
        _names = names;
        _forced = forced;
        _missing = missingTokens;
        // If a missing token looks like a number (e.g. "-999"), the fused number path would read it as a
        // number before the token check, so it is turned off.
        _fastNumbers = !missingTokens.Any(FastPathAccepts);
        foreach (var t in missingTokens) if (t.Length > 0) _missingFirstByte[t[0]] = true;
    }

    private static bool FastPathAccepts(byte[] token) => CsvValueParser.TryParseFast(token, out _);

    private int ColumnCount => _names.Length;

    /// <summary>Parses every record of <paramref name="chunk"/> into <see cref="CsvChunk.Columns"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public unsafe void Parse(CsvChunk chunk)
    {
        int n = ColumnCount;
        var cols = new CsvColumnBuffer[n];
        for (int j = 0; j < n; j++) cols[j] = new CsvColumnBuffer(chunk.RowCapacity, _forced[j] ?? CsvCellKind.Unknown);
        chunk.Columns = cols;
        var numberOk = new bool[n];
        for (int j = 0; j < n; j++) numberOk[j] = _fastNumbers && (_forced[j] is null or CsvCellKind.Number);
        ReadOnlySpan<byte> buf = chunk.Buffer.AsSpan(0, chunk.End);
        int end = buf.Length;
        long line = chunk.FirstLine;
        byte d = _delimiter;
        bool stray = false;
        int rows = 0;
        fixed (byte* basePtr = chunk.Buffer)
        {
            byte* p = basePtr + chunk.Start;
            byte* endPtr = basePtr + end;
            while (p < endPtr)
            {
                byte b = *p;
                if (b == (byte)'\n') { p++; line++; continue; }
                if (b == (byte)'\r')
                {
                    p += p + 1 < endPtr && p[1] == (byte)'\n' ? 2 : 1;
                    line++;
                    continue;
                }
                long rowLine = line;
                for (int j = 0; j < n; j++)
                {
                    var col = cols[j];
                    byte* q;
                    if (numberOk[j] && (col.Kind == CsvCellKind.Number || col.Kind == CsvCellKind.Unknown)
                        && (q = CsvValueParser.ParseFast(p, endPtr, d, out double v)) != null)
                    {
                        if (col.Kind != CsvCellKind.Number) col.Become(CsvCellKind.Number);
                        col.Numbers![col.Count++] = v;
                        p = q;
                    }
                    else
                    {
                        int pos = ReadField(buf, (int)(p - basePtr), ref line, ref stray, j, out var field, out bool quoted);
                        Store(chunk, j, field, quoted, line);
                        p = basePtr + pos;
                    }
                    if (j < n - 1)
                    {
                        if (p < endPtr && *p == d) { p++; continue; }
                        throw TooFewFields(rowLine, n, j + 1);
                    }
                    if (p >= endPtr) break;
                    b = *p;
                    if (b == (byte)'\n') { p++; line++; }
                    else if (b == (byte)'\r')
                    {
                        p += p + 1 < endPtr && p[1] == (byte)'\n' ? 2 : 1;
                        line++;
                    }
                    else throw TooManyFields(buf, (int)(p - basePtr), rowLine, n);
                }
                rows++;
            }
        }
        chunk.Rows = rows;
        chunk.StrayQuote = stray;
    }

    private DataFormatException TooFewFields(long rowLine, int n, int got) =>
        new($"Line {rowLine}: expected {n} fields (as in the header) but found {got}; column '{_names[got]}' is missing. " +
            "Check for a missing delimiter, or quote fields that contain the delimiter or a line break.",
            rowLine, _names[got]);

    private DataFormatException TooManyFields(ReadOnlySpan<byte> buf, int pos, long rowLine, int n)
    {
        int got = n;
        long l2 = rowLine;
        bool s2 = false;
        while (pos < buf.Length && buf[pos] == _delimiter)
        {
            pos = ReadField(buf, pos + 1, ref l2, ref s2, n, out _, out _);
            got++;
        }
        return new DataFormatException(
            $"Line {rowLine}: expected {n} fields (as in the header) but found {got}. " +
            "Quote fields that contain the delimiter, or check the delimiter setting.",
            rowLine, (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The text of column <paramref name="column"/> for the first <paramref name="rows"/> records
    /// of <paramref name="chunk"/>, read again from the bytes (used when a column turns out to be text after
    /// some of it was stored as numbers, booleans or dates).</summary>
    public CsvColumnBuffer ExtractText(CsvChunk chunk, int column, int rows)
    {
        var result = new CsvColumnBuffer(chunk.RowCapacity, CsvCellKind.Text);
        ReadOnlySpan<byte> buf = chunk.Buffer.AsSpan(0, chunk.End);
        int pos = chunk.Start;
        int end = buf.Length;
        long line = chunk.FirstLine;
        bool stray = false;
        int n = ColumnCount;
        for (int r = 0; r < rows; r++)
        {
            while (pos < end && (buf[pos] == (byte)'\n' || buf[pos] == (byte)'\r')) { if (buf[pos] == (byte)'\n') line++; pos++; }
            for (int j = 0; j < n; j++)
            {
                pos = ReadField(buf, pos, ref line, ref stray, j, out var field, out bool quoted);
                if (j == column)
                {
                    if (IsMissing(field, quoted)) result.AddMissing();
                    else result.AddText(field);
                }
                if (pos < end && buf[pos] == _delimiter) pos++;
            }
        }
        return result;
    }

    /// <summary>Reads one whole record as strings (the header). <paramref name="pos"/> moves past the
    /// record's line end.</summary>
    public List<string> ReadRecord(ReadOnlySpan<byte> buf, ref int pos, ref long line)
    {
        var fields = new List<string>();
        bool stray = false;
        while (true)
        {
            pos = ReadField(buf, pos, ref line, ref stray, fields.Count, out var field, out _);
            fields.Add(Encoding.UTF8.GetString(field));
            if (pos < buf.Length && buf[pos] == _delimiter) { pos++; continue; }
            break;
        }
        if (pos < buf.Length)
        {
            if (buf[pos] == (byte)'\r') pos++;
            if (pos < buf.Length && buf[pos] == (byte)'\n') pos++;
            line++;
        }
        return fields;
    }

    /// <summary>
    /// Reads the field starting at <paramref name="pos"/>; returns the position of its terminator
    /// (delimiter, CR, LF or end). Quoted fields are unescaped (into a scratch buffer when they hold doubled
    /// quotes). Line feeds inside quotes advance <paramref name="line"/>.
    /// </summary>
    private int ReadField(ReadOnlySpan<byte> buf, int pos, ref long line, ref bool stray, int fieldIndex,
        out ReadOnlySpan<byte> field, out bool quoted)
    {
        int end = buf.Length;
        byte d = _delimiter;
        int p = pos;
        if (p >= end || buf[p] != (byte)'"')
        {
            quoted = false;
            while (p < end)
            {
                byte b = buf[p];
                if (b == d || b == (byte)'\n' || b == (byte)'\r') break;
                if (b == (byte)'"') stray = true;
                p++;
            }
            field = buf[pos..p];
            return p;
        }

        quoted = true;
        long startLine = line;
        p++;
        int contentStart = p;
        bool escaped = false;
        int contentEnd;
        while (true)
        {
            int q = buf[p..].IndexOf((byte)'"');
            if (q < 0)
            {
                string name = fieldIndex < _names.Length ? _names[fieldIndex] : (fieldIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw new DataFormatException(
                    $"Line {startLine}: a quoted field in column '{name}' is never closed (no matching '\"' before the end of the file). " +
                    "Close the quote, or double quotes that are part of the text (\"\").",
                    startLine, name);
            }
            line += buf.Slice(p, q).Count((byte)'\n');
            p += q;
            if (p + 1 < end && buf[p + 1] == (byte)'"')
            {
                escaped = true;
                p += 2;
                continue;
            }
            contentEnd = p;
            p++;
            break;
        }
        int trailStart = p;
        while (p < end)
        {
            byte b = buf[p];
            if (b == d || b == (byte)'\n' || b == (byte)'\r') break;
            if (b == (byte)'"') stray = true;
            p++;
        }
        if (!escaped && trailStart == p)
        {
            field = buf[contentStart..contentEnd];
            return p;
        }
        // Unescape "" and append any text after the closing quote (lenient, as most readers do).
        int need = contentEnd - contentStart + (p - trailStart);
        if (_scratch.Length < need) _scratch = new byte[Math.Max(need, _scratch.Length * 2)];
        int k = 0;
        for (int i = contentStart; i < contentEnd; i++)
        {
            byte b = buf[i];
            _scratch[k++] = b;
            if (b == (byte)'"') i++;
        }
        buf[trailStart..p].CopyTo(_scratch.AsSpan(k));
        k += p - trailStart;
        field = _scratch.AsSpan(0, k);
        return p;
    }

    private bool IsMissing(ReadOnlySpan<byte> field, bool quoted)
    {
        if (field.Length == 0) return true;
        if (quoted || !_missingFirstByte[field[0]]) return false;
        foreach (var t in _missing)
            if (t.Length == field.Length && field.SequenceEqual(t)) return true;
        return false;
    }

    /// <summary>Stores a field the fused number path did not take.</summary>
    private void Store(CsvChunk chunk, int j, ReadOnlySpan<byte> field, bool quoted, long line)
    {
        var col = chunk.Columns[j];
        if (IsMissing(field, quoted))
        {
            col.AddMissing();
            return;
        }
        if (_forced[j] is CsvCellKind forced)
        {
            switch (forced)
            {
                case CsvCellKind.Number when CsvValueParser.TryParseNumber(field, out double v): col.Numbers![col.Count++] = v; return;
                case CsvCellKind.Bool when CsvValueParser.TryParseBool(field, out bool bv): col.Bools![col.Count++] = bv ? (sbyte)1 : (sbyte)0; return;
                case CsvCellKind.Date when CsvValueParser.TryParseDate(field, out long t): col.Ticks![col.Count++] = t; return;
                case CsvCellKind.Text: col.AddText(field); return;
            }
            string what = forced switch
            {
                CsvCellKind.Number => "a number",
                CsvCellKind.Bool => "true or false",
                _ => "a date (yyyy-MM-dd[ HH:mm[:ss[.fff]]] or MMM dd yyyy)",
            };
            string kindName = forced switch { CsvCellKind.Number => "Numeric", CsvCellKind.Bool => "Boolean", _ => "DateTime" };
            throw new DataFormatException(
                $"Line {line}, column '{_names[j]}': '{Show(field)}' is not {what}, but CsvOptions.ColumnKinds forces the column to {kindName}. " +
                "Fix the value, add it to MissingTokens, or read the column as Text.",
                line, _names[j]);
        }
        switch (col.Kind)
        {
            case CsvCellKind.Unknown:
                if (CsvValueParser.TryParseNumber(field, out double v0)) { col.Become(CsvCellKind.Number); col.Numbers![col.Count++] = v0; }
                else if (CsvValueParser.TryParseBool(field, out bool b0)) { col.Become(CsvCellKind.Bool); col.Bools![col.Count++] = b0 ? (sbyte)1 : (sbyte)0; }
                else if (CsvValueParser.TryParseDate(field, out long t0)) { col.Become(CsvCellKind.Date); col.Ticks![col.Count++] = t0; }
                else { col.Become(CsvCellKind.Text); col.AddText(field); }
                return;
            case CsvCellKind.Number when CsvValueParser.TryParseNumber(field, out double v1): col.Numbers![col.Count++] = v1; return;
            case CsvCellKind.Bool when CsvValueParser.TryParseBool(field, out bool b1): col.Bools![col.Count++] = b1 ? (sbyte)1 : (sbyte)0; return;
            case CsvCellKind.Date when CsvValueParser.TryParseDate(field, out long t1): col.Ticks![col.Count++] = t1; return;
            case CsvCellKind.Text: col.AddText(field); return;
        }
        // Mixed kinds: the column is text. Copy the field first (it may live in the scratch buffer that
        // ExtractText reuses), then read the earlier rows again as text.
        var copy = field.ToArray();
        var text = ExtractText(chunk, j, col.Count);
        chunk.Columns[j] = text;
        text.AddText(copy);
    }

    private static string Show(ReadOnlySpan<byte> field)
    {
        var s = Encoding.UTF8.GetString(field);
        return s.Length <= 40 ? s : s[..40] + "…";
    }
}
