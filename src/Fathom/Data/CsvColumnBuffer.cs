using System.Text;

namespace Fathom.Data;

/// <summary>What one column of one chunk looks like so far while reading a CSV file.</summary>
internal enum CsvCellKind : byte
{
    /// <summary>Only missing values so far.</summary>
    Unknown,
    Number,
    Bool,
    Date,
    Text,
}

/// <summary>
/// The values of one column within one chunk of a CSV file, stored in the narrowest kind seen so far:
/// doubles (NaN = missing), booleans as sbyte (−1 = missing), date ticks (<see cref="long.MinValue"/> =
/// missing), or text as codes (−1 = missing) into a per-chunk list of distinct strings (interned).
/// </summary>
internal sealed class CsvColumnBuffer
{
    internal const long MissingTicks = long.MinValue;

    private readonly int _capacity;
    private Dictionary<string, int>? _lookup;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;

    public CsvColumnBuffer(int capacity, CsvCellKind kind = CsvCellKind.Unknown)
    {
        _capacity = capacity;
        if (kind != CsvCellKind.Unknown) Become(kind);
    }

    public CsvCellKind Kind;
    public int Count;
    public double[]? Numbers;
    public sbyte[]? Bools;
    public long[]? Ticks;
    public int[]? Codes;
    public List<string>? Strings;

    /// <summary>Switches an Unknown (all-missing) column to <paramref name="kind"/>, filling the rows so
    /// far with missing values.</summary>
    public void Become(CsvCellKind kind)
    {
        switch (kind)
        {
            case CsvCellKind.Number:
                Numbers = new double[_capacity];
                Numbers.AsSpan(0, Count).Fill(double.NaN);
                break;
            case CsvCellKind.Bool:
                Bools = new sbyte[_capacity];
                Bools.AsSpan(0, Count).Fill(-1);
                break;
            case CsvCellKind.Date:
                Ticks = new long[_capacity];
                Ticks.AsSpan(0, Count).Fill(MissingTicks);
                break;
            case CsvCellKind.Text:
                Codes = new int[_capacity];
                Codes.AsSpan(0, Count).Fill(-1);
                Strings = [];
                _lookup = new Dictionary<string, int>(StringComparer.Ordinal);
                _spanLookup = _lookup.GetAlternateLookup<ReadOnlySpan<char>>();
                break;
        }
        Kind = kind;
    }

    public void AddMissing()
    {
        switch (Kind)
        {
            case CsvCellKind.Number: Numbers![Count] = double.NaN; break;
            case CsvCellKind.Bool: Bools![Count] = -1; break;
            case CsvCellKind.Date: Ticks![Count] = MissingTicks; break;
            case CsvCellKind.Text: Codes![Count] = -1; break;
        }
        Count++;
    }

    /// <summary>Adds a text value given as UTF-8, reusing the string when the value was seen before in
    /// this chunk.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public void AddText(ReadOnlySpan<byte> utf8)
    {
        int maxChars = utf8.Length;
        char[]? rented = null;
        Span<char> chars = maxChars <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(maxChars));
        int n = Encoding.UTF8.GetChars(utf8, chars);
        AddText(chars[..n]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
    }

    /// <summary>Adds a text value.</summary>
    public void AddText(ReadOnlySpan<char> text)
    {
        if (!_spanLookup.TryGetValue(text, out int code))
        {
            code = Strings!.Count;
            var s = text.ToString();
            Strings.Add(s);
            _lookup!.Add(s, code);
        }
        Codes![Count++] = code;
    }
}
