using System.Globalization;
using System.Text;
using Fathom.Core;
using Fathom.Data;

namespace Fathom.Tests.Data;

public class CsvValueParserTests
{
    private static double? Fast(string s) => CsvValueParser.TryParseFast(Encoding.ASCII.GetBytes(s), out double v) ? v : null;

    [Fact]
    public void ShortestRoundTripTextOfRandomDoublesParsesToTheSameBits()
    {
        // Independent answer: the double that produced the text. Covers the fast path (≤ 2^53 mantissa,
        // |exp| ≤ 22) and the fallback (long mantissas, large exponents, subnormals).
        var rng = new RandomSource(11);
        var sb = new StringBuilder("x\n");
        var values = new List<double>();
        for (int i = 0; i < 20000; i++)
        {
            double v = (i % 4) switch
            {
                0 => rng.NextGaussian(),
                1 => (float)rng.NextGaussian(),
                2 => BitConverter.Int64BitsToDouble((long)(rng.NextUInt64() >> 1)),
                _ => Math.Round(rng.NextGaussian() * 1e4, 2),
            };
            if (double.IsNaN(v) || double.IsInfinity(v)) continue;
            if (rng.NextDouble() < 0.5) v = -v;
            values.Add(v);
            sb.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        var parsed = ((NumericColumn)CsvReader.Parse(sb.ToString())["x"]).Values.ToArray();
        Assert.Equal(values.Count, parsed.Length);
        for (int i = 0; i < parsed.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(values[i]) == BitConverter.DoubleToInt64Bits(parsed[i]), $"{values[i]:R} read as {parsed[i]:R}");
    }

    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("-5.8434095", -5.8434095)]
    [InlineData("0.077873394", 0.077873394)]
    [InlineData("9007199254740992", 9007199254740992.0)]
    [InlineData("1e22", 1e22)]
    [InlineData("1.5e-21", 1.5e-21)]
    [InlineData("000123.4500", 123.45)]
    public void FastPathIsExact(string text, double expected)
    {
        Assert.Equal(expected, Fast(text));
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), Fast(text));
    }

    [Theory]
    [InlineData("9007199254740993")]   // mantissa above 2^53: one rounding is not enough
    [InlineData("1e23")]               // 10^23 is not exact in double
    [InlineData("12345678901234567890")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("12a")]
    public void FastPathDeclines(string text)
    {
        Assert.Null(Fast(text));
    }

    [Fact]
    public void FallbackHandlesWhatTheFastPathDeclines()
    {
        Assert.True(CsvValueParser.TryParseNumber("9007199254740993"u8, out double a));
        Assert.Equal(9007199254740992.0, a);
        Assert.True(CsvValueParser.TryParseNumber("1e23"u8, out double b));
        Assert.Equal(1e23, b);
        Assert.True(CsvValueParser.TryParseNumber("4.9406564584124654E-324"u8, out double c));
        Assert.Equal(double.Epsilon, c);
        Assert.False(CsvValueParser.TryParseNumber("1,5"u8, out _));
        Assert.False(CsvValueParser.TryParseNumber("Nancy"u8, out _));
    }

    [Theory]
    [InlineData("2020-02-29", 2020, 2, 29, 0, 0, 0, 0)]
    [InlineData("2001-01-01 00:01", 2001, 1, 1, 0, 1, 0, 0)]
    [InlineData("2001-01-01T23:59:58", 2001, 1, 1, 23, 59, 58, 0)]
    [InlineData("2001-01-01 23:59:58.5", 2001, 1, 1, 23, 59, 58, 500)]
    [InlineData("Jun 12 1998", 1998, 6, 12, 0, 0, 0, 0)]
    [InlineData("DEC 1 2000", 2000, 12, 1, 0, 0, 0, 0)]
    public void Dates(string text, int y, int mo, int d, int h, int mi, int s, int ms)
    {
        Assert.True(CsvValueParser.TryParseDate(Encoding.ASCII.GetBytes(text), out long ticks));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms), new DateTime(ticks));
    }

    [Theory]
    [InlineData("2019-02-29")]
    [InlineData("2020-13-01")]
    [InlineData("2020-01-01 24:00")]
    [InlineData("2020-01-01Z")]
    [InlineData("2020-01-01 10:00+02:00")]
    [InlineData("Foo 12 1998")]
    [InlineData("2020/01/01")]
    public void NotDates(string text)
    {
        Assert.False(CsvValueParser.TryParseDate(Encoding.ASCII.GetBytes(text), out _));
    }
}
