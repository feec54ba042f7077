using System.Globalization;
using System.IO.Compression;
using System.Runtime.ExceptionServices;
using System.Text;
using Fathom.Core;

namespace Fathom.Data;

/// <summary>
/// Reads delimited text (RFC 4180 CSV) into a <see cref="DataFrame"/>, inferring each column's kind.
/// </summary>
/// <remarks>
/// <para><b>Format.</b> UTF-8 with or without a byte-order mark; gzip-compressed input is detected by its
/// magic bytes (so <c>.csv.gz</c> works whatever the name). Fields may be quoted with <c>"</c>; a quoted
/// field may contain the delimiter, line breaks and doubled quotes (<c>""</c>). Lines end with LF or CRLF.
/// Blank lines are skipped (so a one-column file writes a missing value as <c>""</c>). A quote inside an
/// unquoted field, or text after a closing quote, is kept literally (as pandas does).</para>
/// <para><b>Column kinds</b> are inferred from every row (not a sample): <see cref="ColumnKind.Boolean"/>
/// when every present value is <c>true</c>/<c>false</c> (any case); <see cref="ColumnKind.Numeric"/> when
/// every present value is a number in invariant culture (integers and decimals, exponents,
/// <c>Infinity</c>/<c>inf</c>; parsed exactly — correctly rounded — so shortest round-trip text gives back
/// the same double); <see cref="ColumnKind.DateTime"/> for <c>yyyy-MM-dd</c>, <c>yyyy-MM-dd HH:mm</c>,
/// <c>yyyy-MM-dd HH:mm:ss[.fffffff]</c> (space or <c>T</c> between date and time, no time zone) and
/// <c>MMM dd yyyy</c> (e.g. <c>Jun 12 1998</c>); otherwise <see cref="ColumnKind.Text"/> (a column that
/// mixes kinds, e.g. numbers and words, is text and keeps each value as written). A column whose values are
/// all missing is numeric (all NaN). <see cref="CsvOptions.ColumnKinds"/> overrides inference.</para>
/// <para><b>Header.</b> An empty column name becomes <c>column_N</c> (N = 1-based position); duplicate
/// names are an error.</para>
/// <para><b>Errors</b> are <see cref="DataFormatException"/>s naming the 1-based line (and the column):
/// empty file, header without data rows, duplicate column names, a row with too few or too many fields
/// (expected vs found), a quote never closed (the line where the field starts), a value that does not fit a
/// forced column kind.</para>
/// <para><b>Speed.</b> Bytes are parsed directly (no string per line or per numeric cell) and text values
/// are interned per column. The input is cut into blocks at record boundaries and the blocks are parsed on
/// several threads (<see cref="CsvOptions.MaxThreads"/>) while the next block is read or decompressed.
/// Memory: the file's uncompressed bytes plus the columns.</para>
/// </remarks>
public static class CsvReader
{
    internal static int BlockSize { get; set; } = 4 << 20;

    /// <summary>Reads the file at <paramref name="path"/> (plain or gzip-compressed).</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="DataFormatException">The content is not valid CSV (see the class remarks).</exception>
    public static DataFrame Read(string path, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(fs, options);
    }

    /// <summary>Reads CSV from <paramref name="stream"/> (plain or gzip-compressed) to its end. The stream is
    /// not closed.</summary>
    /// <exception cref="DataFormatException">The content is not valid CSV (see the class remarks).</exception>
    public static DataFrame Read(Stream stream, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= CsvOptions.Default;
        Validate(options);
        var magic = new byte[2];
        int got = 0;
        while (got < 2)
        {
            int r = stream.Read(magic, got, 2 - got);
            if (r == 0) break;
            got += r;
        }
        Stream source;
        if (stream.CanSeek)
        {
            stream.Seek(-got, SeekOrigin.Current);
            source = stream;
        }
        else source = new CsvPrefixedStream(magic[..got], stream);
        if (got == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            using var gz = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
            return ReadCore(gz, options);
        }
        return ReadCore(source, options);
    }

    /// <summary>Reads CSV held in a string.</summary>
    /// <exception cref="DataFormatException">The content is not valid CSV (see the class remarks).</exception>
    public static DataFrame Parse(string text, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        return Read(ms, options);
    }

    private static void Validate(CsvOptions options)
    {
        char d = options.Delimiter;
        if (d > 127 || d is '"' or '\r' or '\n')
            throw new InvalidInputException(
                $"CsvOptions.Delimiter '{d}' cannot be used: it must be an ASCII character other than '\"', CR and LF (e.g. ',', ';' or '\\t').");
        ArgumentNullException.ThrowIfNull(options.MissingTokens);
    }

    private static DataFrame ReadCore(Stream stream, CsvOptions options)
    {
        var source = new CsvChunkSource(stream, BlockSize);
        var first = source.Next();
        byte delimiter = (byte)options.Delimiter;
        var missing = options.MissingTokens.Select(t => Encoding.UTF8.GetBytes(t ?? "")).ToArray();

        // Header (or the first record's field count).
        var headerParser = new CsvChunkParser(delimiter, [], [], missing);
        int pos = first?.Start ?? 0;
        long line = 1;
        ReadOnlySpan<byte> firstBytes = first is null ? [] : first.Buffer.AsSpan(0, first.End);
        while (pos < firstBytes.Length && (firstBytes[pos] == (byte)'\n' || firstBytes[pos] == (byte)'\r'))
        {
            if (firstBytes[pos] == (byte)'\n') line++;
            pos++;
        }
        if (first is null || pos >= firstBytes.Length)
            throw new DataFormatException("The CSV input is empty: it has no header and no data rows.", 1, null);
        long headerLine = line;
        string[] names;
        if (options.HasHeader)
        {
            names = [.. headerParser.ReadRecord(firstBytes, ref pos, ref line)];
            first.Start = pos;
            first.FirstLine = line;
        }
        else
        {
            int p2 = pos;
            long l2 = line;
            int count = headerParser.ReadRecord(firstBytes, ref p2, ref l2).Count;
            names = new string[count];
            first.Start = pos;
            first.FirstLine = line;
        }
        names = NameColumns(names, options.HasHeader, headerLine);
        var forced = ForcedKinds(names, options, headerLine);

        var chunks = Parse(source, first, names, forced, delimiter, missing, options);
        if (chunks.Sum(c => (long)c.Rows) == 0)
            throw new DataFormatException(
                $"The CSV input has a header (line {headerLine}) but no data rows.", headerLine, null);
        return Assemble(chunks, names, forced, delimiter, missing, options);
    }

    private static string[] NameColumns(string[] names, bool hasHeader, long headerLine)
    {
        var result = new string[names.Length];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < names.Length; j++)
        {
            string name = hasHeader && names[j].Length > 0 ? names[j] : $"column_{(j + 1).ToString(CultureInfo.InvariantCulture)}";
            if (!seen.TryAdd(name, j))
                throw new DataFormatException(
                    $"Line {headerLine}: column name '{name}' appears twice in the header (columns {seen[name] + 1} and {j + 1}); column names must be unique.",
                    headerLine, name);
            result[j] = name;
        }
        return result;
    }

    private static CsvCellKind?[] ForcedKinds(string[] names, CsvOptions options, long headerLine)
    {
        var forced = new CsvCellKind?[names.Length];
        if (options.ColumnKinds is null) return forced;
        var index = names.Select((n, j) => (n, j)).ToDictionary(t => t.n, t => t.j, StringComparer.Ordinal);
        foreach (var (name, kind) in options.ColumnKinds)
        {
            if (!index.TryGetValue(name, out int j))
                throw new DataFormatException(
                    $"CsvOptions.ColumnKinds names column '{name}', which is not in the file. Columns are: {string.Join(", ", names.Take(20).Select(n => $"'{n}'"))}.",
                    headerLine, name);
            forced[j] = kind switch
            {
                ColumnKind.Numeric => CsvCellKind.Number,
                ColumnKind.Boolean => CsvCellKind.Bool,
                ColumnKind.DateTime => CsvCellKind.Date,
                _ => CsvCellKind.Text,
            };
        }
        return forced;
    }

    private static List<CsvChunk> Parse(CsvChunkSource source, CsvChunk first, string[] names, CsvCellKind?[] forced,
        byte delimiter, byte[][] missing, CsvOptions options)
    {
        int threads = options.MaxThreads > 0 ? options.MaxThreads : Environment.ProcessorCount;
        var chunks = new List<CsvChunk> { first };
        CsvChunkParser NewParser() => new(delimiter, names, forced, missing);

        void ParseSafe(CsvChunk c)
        {
            try { NewParser().Parse(c); }
            catch (DataFormatException e) { c.Error = e; }
        }

        var next = source.Next();
        if (next is null || threads == 1)
        {
            ParseSafe(first);
            while (next is not null && first.Error is null && chunks[^1].Error is null)
            {
                chunks.Add(next);
                ParseSafe(next);
                next = source.Next();
            }
        }
        else
        {
            var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler;
            var tasks = new List<Task>();
            void Start(CsvChunk c) => tasks.Add(Task.Factory.StartNew(() => ParseSafe(c), CancellationToken.None, TaskCreationOptions.None, scheduler));
            Start(first);
            while (next is not null)
            {
                chunks.Add(next);
                Start(next);
                next = source.Next();
            }
            Task.WaitAll(tasks);
        }

        int firstStray = chunks.FindIndex(c => c.StrayQuote);
        int firstError = chunks.FindIndex(c => c.Error is not null);
        if (firstStray < 0) firstStray = int.MaxValue;
        if (firstError < 0) firstError = int.MaxValue;
        if (chunks.Count > 1 && firstStray < firstError)
        {
            // A quote broke the RFC 4180 rules, so the cut points may lie inside a quoted field: parse again
            // in one piece.
            long length = chunks.Sum(c => (long)(c.End - c.Start));
            if (length > Array.MaxLength)
                throw new DataFormatException("The CSV input has stray quotes (a '\"' inside an unquoted field) and is too large to parse in one piece; fix the quoting.");
            var all = new byte[length];
            int at = 0;
            long capacity = 0;
            foreach (var c in chunks)
            {
                c.Buffer.AsSpan(c.Start, c.End - c.Start).CopyTo(all.AsSpan(at));
                at += c.End - c.Start;
                capacity += c.RowCapacity;
            }
            var whole = new CsvChunk(0, all, 0, all.Length, first.FirstLine, (int)Math.Min(capacity, Array.MaxLength));
            NewParser().Parse(whole);
            return [whole];
        }
        if (firstError != int.MaxValue) ExceptionDispatchInfo.Throw(chunks[firstError].Error!);
        return chunks;
    }

    private static DataFrame Assemble(List<CsvChunk> chunks, string[] names, CsvCellKind?[] forced, byte delimiter,
        byte[][] missing, CsvOptions options)
    {
        int total = checked((int)chunks.Sum(c => (long)c.Rows));
        var offsets = new int[chunks.Count];
        for (int k = 1; k < chunks.Count; k++) offsets[k] = offsets[k - 1] + chunks[k - 1].Rows;
        var columns = new DataColumn[names.Length];
        int threads = options.MaxThreads > 0 ? options.MaxThreads : Environment.ProcessorCount;
        Parallel.For(0, names.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, j =>
        {
            var kind = forced[j] ?? CsvCellKind.Unknown;
            if (forced[j] is null)
            {
                foreach (var c in chunks)
                {
                    var k = c.Columns[j].Kind;
                    if (k == CsvCellKind.Unknown || k == kind) continue;
                    kind = kind == CsvCellKind.Unknown ? k : CsvCellKind.Text;
                }
            }
            if (kind == CsvCellKind.Text)
            {
                foreach (var c in chunks)
                {
                    var k = c.Columns[j].Kind;
                    if (k is not (CsvCellKind.Text or CsvCellKind.Unknown))
                        c.Columns[j] = new CsvChunkParser(delimiter, names, forced, missing).ExtractText(c, j, c.Rows);
                }
            }
            columns[j] = Build(names[j], kind, chunks, j, total, offsets);
        });
        return new DataFrame(columns);
    }

    private static DataColumn Build(string name, CsvCellKind kind, List<CsvChunk> chunks, int j, int total, int[] offsets)
    {
        switch (kind)
        {
            case CsvCellKind.Bool:
                {
                    var v = new bool?[total];
                    for (int k = 0; k < chunks.Count; k++)
                    {
                        var c = chunks[k].Columns[j];
                        int o = offsets[k];
                        for (int i = 0; i < chunks[k].Rows; i++)
                            v[o + i] = c.Bools is null || c.Bools[i] < 0 ? null : c.Bools[i] == 1;
                    }
                    return new BoolColumn(name, v);
                }
            case CsvCellKind.Date:
                {
                    var v = new DateTime?[total];
                    for (int k = 0; k < chunks.Count; k++)
                    {
                        var c = chunks[k].Columns[j];
                        int o = offsets[k];
                        for (int i = 0; i < chunks[k].Rows; i++)
                            v[o + i] = c.Ticks is null || c.Ticks[i] == CsvColumnBuffer.MissingTicks ? null : new DateTime(c.Ticks[i]);
                    }
                    return new DateTimeColumn(name, v);
                }
            case CsvCellKind.Text:
                {
                    var v = new string?[total];
                    var global = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (int k = 0; k < chunks.Count; k++)
                    {
                        var c = chunks[k].Columns[j];
                        if (c.Codes is null) continue;
                        var local = new string[c.Strings!.Count];
                        for (int s = 0; s < local.Length; s++)
                        {
                            var str = c.Strings[s];
                            if (!global.TryGetValue(str, out var g)) global.Add(str, g = str);
                            local[s] = g;
                        }
                        int o = offsets[k];
                        var codes = c.Codes;
                        for (int i = 0; i < chunks[k].Rows; i++)
                        {
                            int code = codes[i];
                            v[o + i] = code < 0 ? null : local[code];
                        }
                    }
                    return new TextColumn(name, v);
                }
            default:
                {
                    var v = new double[total];
                    for (int k = 0; k < chunks.Count; k++)
                    {
                        var c = chunks[k].Columns[j];
                        var dest = v.AsSpan(offsets[k], chunks[k].Rows);
                        if (c.Numbers is null) dest.Fill(double.NaN);
                        else c.Numbers.AsSpan(0, dest.Length).CopyTo(dest);
                    }
                    return new NumericColumn(name, v);
                }
        }
    }
}
