using System.Globalization;
using System.Runtime.CompilerServices;

namespace Fathom.Data;

/// <summary>
/// Parsers for single CSV cells given as UTF-8 bytes: numbers (exact: correctly rounded), booleans and
/// dates. Allocation-free.
/// </summary>
internal static class CsvValueParser
{
    private static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    private const ulong MaxExactMantissa = 1UL << 53;

    /// <summary>
    /// Clinger's fast path, fused with field scanning: parses <c>[+-]digits[.digits][(e|E)[+-]digits]</c>
    /// starting at <paramref name="p"/> and succeeds only when the number ends at a delimiter, CR, LF or
    /// <paramref name="end"/>, has at most 19 significant digits whose value is ≤ 2^53, and a decimal
    /// exponent within ±22 — then one multiplication or division by an exact power of ten is correctly
    /// rounded (IEEE), so the result equals a full correctly rounded parse. Returns the position of the
    /// terminator, or null when the fast path does not apply (the caller then falls back to
    /// <see cref="TryParseNumber"/>). Kept out of line so the caller's loop keeps its registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe byte* ParseFast(byte* p, byte* end, byte delimiter, out double value)
    {
        value = 0;
        bool negative = false;
        if (p < end)
        {
            byte s = *p;
            if (s == (byte)'-') { negative = true; p++; }
            else if (s == (byte)'+') p++;
        }
        ulong mantissa = 0;
        int digits = 0;        // significant digits taken into the mantissa
        byte* digitsStart = p;
        int exponent = 0;
        // Leading zeros do not count as significant digits.
        while (p < end && *p == (byte)'0') p++;
        while (p < end)
        {
            uint d = (uint)(*p - (byte)'0');
            if (d > 9) break;
            mantissa = mantissa * 10 + d;
            digits++;
            p++;
        }
        bool any = p != digitsStart;
        if (p < end && *p == (byte)'.')
        {
            p++;
            byte* fracStart = p;
            if (mantissa == 0)
                while (p < end && *p == (byte)'0') p++;
            while (p < end)
            {
                uint d = (uint)(*p - (byte)'0');
                if (d > 9) break;
                mantissa = mantissa * 10 + d;
                digits++;
                p++;
            }
            exponent = -(int)(p - fracStart);
            any |= p != fracStart;
        }
        if (!any || digits > 19) return null;
        if (p < end && (*p | 0x20) == (byte)'e')
        {
            p++;
            bool expNegative = false;
            if (p < end)
            {
                if (*p == (byte)'-') { expNegative = true; p++; }
                else if (*p == (byte)'+') p++;
            }
            int e = 0;
            byte* expStart = p;
            while (p < end)
            {
                uint d = (uint)(*p - (byte)'0');
                if (d > 9) break;
                if (e < 100_000) e = e * 10 + (int)d;
                p++;
            }
            if (p == expStart) return null;
            exponent += expNegative ? -e : e;
        }
        if (p < end)
        {
            byte t = *p;
            if (t != delimiter && t != (byte)'\n' && t != (byte)'\r') return null;
        }
        double v;
        if (mantissa == 0) v = 0.0;
        else
        {
            if (mantissa > MaxExactMantissa || exponent < -22 || exponent > 22) return null;
            v = exponent >= 0 ? mantissa * PowersOfTen[exponent] : mantissa / PowersOfTen[-exponent];
        }
        value = negative ? -v : v;
        return p;
    }

    /// <summary><see cref="ParseFast"/> on a whole cell: true when the fast path takes all of it.</summary>
    public static unsafe bool TryParseFast(ReadOnlySpan<byte> cell, out double value)
    {
        value = 0;
        if (cell.Length == 0) return false;
        fixed (byte* p = cell)
        {
            byte* q = ParseFast(p, p + cell.Length, (byte)',', out value);
            return q == p + cell.Length;
        }
    }

    /// <summary>Full, correctly rounded parse of a whole cell (invariant culture, optional surrounding
    /// spaces, exponent, <c>Infinity</c>/<c>inf</c> either case).</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> cell, out double value)
    {
        cell = Trim(cell);
        value = 0;
        if (cell.Length == 0) return false;
        byte c0 = cell[0];
        // Quick reject of obvious text so double.TryParse is not called on every word.
        bool plausible = (uint)(c0 - '0') <= 9 || c0 == '-' || c0 == '+' || c0 == '.' || (c0 | 0x20) == 'i' || (c0 | 0x20) == 'n';
        if (!plausible) return false;
        var body = c0 is (byte)'-' or (byte)'+' ? cell[1..] : cell;
        if (body.Length == 3 && (body[0] | 0x20) == 'i' && (body[1] | 0x20) == 'n' && (body[2] | 0x20) == 'f')
        {
            value = c0 == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (body.Length > 0 && (body[0] | 0x20) == 'n' && !(body.Length == 3 && (body[1] | 0x20) == 'a' && (body[2] | 0x20) == 'n')) return false;
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>true</c>/<c>false</c> in any letter case, optionally surrounded by spaces.</summary>
    public static bool TryParseBool(ReadOnlySpan<byte> cell, out bool value)
    {
        cell = Trim(cell);
        value = false;
        if (cell.Length == 4 && (cell[0] | 0x20) == 't' && (cell[1] | 0x20) == 'r' && (cell[2] | 0x20) == 'u' && (cell[3] | 0x20) == 'e')
        {
            value = true;
            return true;
        }
        return cell.Length == 5 && (cell[0] | 0x20) == 'f' && (cell[1] | 0x20) == 'a' && (cell[2] | 0x20) == 'l'
            && (cell[3] | 0x20) == 's' && (cell[4] | 0x20) == 'e';
    }

    /// <summary>
    /// Dates as ticks: <c>yyyy-MM-dd</c>, optionally followed by <c>' '</c> or <c>'T'</c> and
    /// <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.f…</c> (1–7 fraction digits); or <c>MMM d yyyy</c>
    /// with an English month abbreviation in any case (e.g. <c>Jun 12 1998</c>). No time zones.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<byte> cell, out long ticks)
    {
        cell = Trim(cell);
        ticks = 0;
        if (cell.Length >= 10 && cell[4] == '-' && cell[7] == '-')
        {
            if (!Digits(cell, 0, 4, out int y) || !Digits(cell, 5, 2, out int mo) || !Digits(cell, 8, 2, out int d)) return false;
            if (!TryDateTicks(y, mo, d, out ticks)) return false;
            if (cell.Length == 10) return true;
            if (cell.Length < 16 || (cell[10] != ' ' && cell[10] != 'T') || cell[13] != ':') return false;
            if (!Digits(cell, 11, 2, out int h) || !Digits(cell, 14, 2, out int mi) || h > 23 || mi > 59) return false;
            long t = h * TimeSpan.TicksPerHour + mi * TimeSpan.TicksPerMinute;
            if (cell.Length > 16)
            {
                if (cell.Length < 19 || cell[16] != ':' || !Digits(cell, 17, 2, out int s) || s > 59) return false;
                t += s * TimeSpan.TicksPerSecond;
                if (cell.Length > 19)
                {
                    int frac = cell.Length - 20;
                    if (cell[19] != '.' || frac < 1 || frac > 7 || !Digits(cell, 20, frac, out int f)) return false;
                    for (int k = frac; k < 7; k++) f *= 10;
                    t += f;
                }
            }
            ticks += t;
            return true;
        }
        // MMM d yyyy / MMM dd yyyy
        if (cell.Length is 10 or 11 && cell[3] == ' ' && cell[^5] == ' ')
        {
            int mo = Month(cell[0], cell[1], cell[2]);
            if (mo == 0 || !Digits(cell, 4, cell.Length - 9, out int d) || !Digits(cell, cell.Length - 4, 4, out int y)) return false;
            return TryDateTicks(y, mo, d, out ticks);
        }
        return false;
    }

    private static bool TryDateTicks(int y, int mo, int d, out long ticks)
    {
        ticks = 0;
        if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        ticks = new DateTime(y, mo, d, 0, 0, 0, DateTimeKind.Unspecified).Ticks;
        return true;
    }

    private static int Month(byte a, byte b, byte c)
    {
        int key = ((a | 0x20) << 16) | ((b | 0x20) << 8) | (c | 0x20);
        return key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d > 9) return false;
            value = value * 10 + (int)d;
        }
        return true;
    }

    /// <summary>The cell without leading and trailing spaces and tabs.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> cell)
    {
        int a = 0, b = cell.Length;
        while (a < b && (cell[a] == ' ' || cell[a] == '\t')) a++;
        while (b > a && (cell[b - 1] == ' ' || cell[b - 1] == '\t')) b--;
        return cell[a..b];
    }
}
