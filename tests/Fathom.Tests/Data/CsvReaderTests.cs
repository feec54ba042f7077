using System.IO.Compression;
using System.Text;
using Fathom.Core;
using Fathom.Data;

namespace Fathom.Tests.Data;

public class CsvReaderTests
{
    private static DataFormatException Fails(string text, CsvOptions? options = null) =>
        Assert.Throws<DataFormatException>(() => CsvReader.Parse(text, options));

    [Fact]
    public void InfersNumericBoolDateAndTextColumns()
    {
        var df = CsvReader.Parse("n,b,d,t,dt\n1,true,2020-01-02,x,2020-01-02 03:04\n2.5,FALSE,2021-12-31,y,2020-01-02T03:04:05.25\n");
        Assert.Equal(2, df.RowCount);
        Assert.Equal(ColumnKind.Numeric, df["n"].Kind);
        Assert.Equal(ColumnKind.Boolean, df["b"].Kind);
        Assert.Equal(ColumnKind.DateTime, df["d"].Kind);
        Assert.Equal(ColumnKind.Text, df["t"].Kind);
        Assert.Equal(ColumnKind.DateTime, df["dt"].Kind);
        Assert.Equal(2.5, ((NumericColumn)df["n"])[1]);
        Assert.False(((BoolColumn)df["b"])[1]);
        Assert.Equal(new DateTime(2021, 12, 31), ((DateTimeColumn)df["d"])[1]);
        Assert.Equal(new DateTime(2020, 1, 2, 3, 4, 0), ((DateTimeColumn)df["dt"])[0]);
        Assert.Equal(new DateTime(2020, 1, 2, 3, 4, 5, 250), ((DateTimeColumn)df["dt"])[1]);
    }

    [Fact]
    public void MixedKindsBecomeTextKeepingTheWrittenValues()
    {
        var df = CsvReader.Parse("a,b\n007,1\n1.50,2020-01-01\nabc,true\n");
        var a = Assert.IsType<TextColumn>(df["a"]);
        Assert.Equal(new[] { "007", "1.50", "abc" }, a.Values.ToArray());
        var b = Assert.IsType<TextColumn>(df["b"]);
        Assert.Equal(new[] { "1", "2020-01-01", "true" }, b.Values.ToArray());
    }

    [Fact]
    public void MixedKindsAcrossChunksBecomeText()
    {
        // Small blocks force many chunks; the text value appears only in the last one.
        var sb = new StringBuilder("id,x\n");
        for (int i = 0; i < 5000; i++) sb.Append(i).Append(',').Append(i * 0.5).Append('\n');
        sb.Append("A12,1\n");
        int saved = CsvReader.BlockSize;
        CsvReader.BlockSize = 1024;
        try
        {
            var df = CsvReader.Parse(sb.ToString(), new CsvOptions { MaxThreads = 2 });
            var id = Assert.IsType<TextColumn>(df["id"]);
            Assert.Equal("4999", id[4999]);
            Assert.Equal("A12", id[5000]);
            Assert.Equal(2499.5, ((NumericColumn)df["x"])[4999]);
            Assert.Equal(5001, df.RowCount);
        }
        finally { CsvReader.BlockSize = saved; }
    }

    [Fact]
    public void ChunkedParallelReadEqualsSingleThreadedRead()
    {
        var sb = new StringBuilder("a,b,c,d\n");
        var rng = new RandomSource(5);
        for (int i = 0; i < 3000; i++)
        {
            sb.Append(rng.NextGaussian().ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            sb.Append(i % 7 == 0 ? "\"multi\nline, with \"\"quotes\"\"\"" : "w" + (i % 13)).Append(',');
            sb.Append(i % 5 == 0 ? "" : (i % 2 == 0 ? "true" : "false")).Append(',');
            sb.Append(new DateTime(2000, 1, 1).AddMinutes(i * 37).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
        }
        string text = sb.ToString();
        var one = CsvReader.Parse(text, new CsvOptions { MaxThreads = 1 });
        int saved = CsvReader.BlockSize;
        CsvReader.BlockSize = 2048;
        try
        {
            var many = CsvReader.Parse(text, new CsvOptions { MaxThreads = 2 });
            FrameAssert.Equal(one, many);
        }
        finally { CsvReader.BlockSize = saved; }
        Assert.Equal(3000, one.RowCount);
        Assert.Equal("multi\nline, with \"quotes\"", ((TextColumn)one["b"])[0]);
        Assert.Equal(ColumnKind.Boolean, one["c"].Kind);
        Assert.Equal(600, one["c"].MissingCount());
        Assert.Equal(ColumnKind.DateTime, one["d"].Kind);
    }

    [Fact]
    public void StrayQuotesAreLiteralAndFallBackToOnePiece()
    {
        var sb = new StringBuilder("h,w\n");
        for (int i = 0; i < 2000; i++) sb.Append(i % 100 == 0 ? "5'10\"" : "x" + i).Append(',').Append(i).Append('\n');
        int saved = CsvReader.BlockSize;
        CsvReader.BlockSize = 1024;
        try
        {
            var df = CsvReader.Parse(sb.ToString(), new CsvOptions { MaxThreads = 2 });
            Assert.Equal(2000, df.RowCount);
            Assert.Equal("5'10\"", ((TextColumn)df["h"])[100]);
            Assert.Equal(1999.0, ((NumericColumn)df["w"])[1999]);
        }
        finally { CsvReader.BlockSize = saved; }
    }

    [Fact]
    public void QuotedFieldsDelimitersNewlinesAndDoubledQuotes()
    {
        var df = CsvReader.Parse("name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\r\nand left\"\r\nplain,\"\"\r\n");
        var name = (TextColumn)df["name"];
        var note = (TextColumn)df["note"];
        Assert.Equal("Smith, J", name[0]);
        Assert.Equal("said \"hi\"\r\nand left", note[0]);
        Assert.Equal("plain", name[1]);
        Assert.Null(note[1]);
    }

    [Fact]
    public void MissingTokensAreExactAndQuotedTokensStayText()
    {
        var df = CsvReader.Parse("x,t\nNA,NA\n1,\"NA\"\nnan,Null\n,na\nN/A,n/a\n");
        var x = (NumericColumn)df["x"];
        Assert.True(double.IsNaN(x[0]));
        Assert.Equal(1.0, x[1]);
        Assert.Equal(4, x.MissingCount());
        var t = (TextColumn)df["t"];
        Assert.Equal(new string?[] { null, "NA", "Null", "na", null }, t.Values.ToArray());
    }

    [Fact]
    public void CustomMissingTokensIncludingANumber()
    {
        var df = CsvReader.Parse("x\n-999\n2\n", new CsvOptions { MissingTokens = ["", "-999"] });
        var x = (NumericColumn)df["x"];
        Assert.True(double.IsNaN(x[0]));
        Assert.Equal(2.0, x[1]);
    }

    [Fact]
    public void AllMissingColumnIsNumericNaN()
    {
        var df = CsvReader.Parse("a,b\n1,\n2,NA\n");
        var b = Assert.IsType<NumericColumn>(df["b"]);
        Assert.Equal(2, b.MissingCount());
    }

    [Fact]
    public void ForcedKinds()
    {
        var options = new CsvOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["zip"] = ColumnKind.Text, ["d"] = ColumnKind.Text } };
        var df = CsvReader.Parse("zip,d\n01234,2020-01-01\n99999,\n", options);
        Assert.Equal(new string?[] { "01234", "99999" }, ((TextColumn)df["zip"]).Values.ToArray());
        Assert.Equal(new string?[] { "2020-01-01", null }, ((TextColumn)df["d"]).Values.ToArray());
    }

    [Fact]
    public void ForcedNumericRejectsTextNamingLineAndColumn()
    {
        var options = new CsvOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["x"] = ColumnKind.Numeric } };
        var e = Fails("id,x\n1,2\n2,\n3,abc\n", options);
        Assert.Equal(4, e.Line);
        Assert.Equal("x", e.Column);
        Assert.Contains("Line 4", e.Message);
        Assert.Contains("'abc'", e.Message);
        Assert.Contains("'x'", e.Message);
    }

    [Fact]
    public void ForcedKindForUnknownColumnIsAnError()
    {
        var options = new CsvOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["nope"] = ColumnKind.Numeric } };
        var e = Fails("a,b\n1,2\n", options);
        Assert.Equal("nope", e.Column);
        Assert.Contains("'a', 'b'", e.Message);
    }

    [Fact]
    public void RaggedRowTooFewFields()
    {
        var e = Fails("a,b,c\n1,2,3\n4,5\n");
        Assert.Equal(3, e.Line);
        Assert.Equal("c", e.Column);
        Assert.Contains("expected 3 fields", e.Message);
        Assert.Contains("found 2", e.Message);
    }

    [Fact]
    public void RaggedRowTooManyFieldsCountsThem()
    {
        var e = Fails("a,b\n1,2\n\"x\ny\",2\n3,4,5,6\n");
        Assert.Equal(5, e.Line);
        Assert.Contains("expected 2 fields", e.Message);
        Assert.Contains("found 4", e.Message);
    }

    [Fact]
    public void RaggedRowInALaterChunkReportsTheFileLine()
    {
        var sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 3000; i++) sb.Append(i).Append(",1\n");
        sb.Append("7\n");
        int saved = CsvReader.BlockSize;
        CsvReader.BlockSize = 1000;
        try
        {
            var e = Fails(sb.ToString(), new CsvOptions { MaxThreads = 2 });
            Assert.Equal(3002, e.Line);
            Assert.Equal("b", e.Column);
        }
        finally { CsvReader.BlockSize = saved; }
    }

    [Fact]
    public void UnterminatedQuoteReportsTheLineWhereTheFieldStarts()
    {
        var e = Fails("a,b\n1,2\n3,\"open\nmore\n4,5\n");
        Assert.Equal(3, e.Line);
        Assert.Equal("b", e.Column);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void EmptyFileAndBlankFile()
    {
        Assert.Contains("empty", Fails("").Message);
        Assert.Contains("empty", Fails("\n\r\n").Message);
    }

    [Fact]
    public void HeaderOnlyHasNoDataRows()
    {
        var e = Fails("a,b,c\n");
        Assert.Contains("no data rows", e.Message);
        Assert.Equal(1, e.Line);
        Assert.Contains("no data rows", Fails("a,b,c").Message);
    }

    [Fact]
    public void DuplicateColumnNames()
    {
        var e = Fails("a,b,a\n1,2,3\n");
        Assert.Equal("a", e.Column);
        Assert.Equal(1, e.Line);
        Assert.Contains("columns 1 and 3", e.Message);
    }

    [Fact]
    public void EmptyColumnNameBecomesColumnN()
    {
        var df = CsvReader.Parse(",x,\n1,2,3\n");
        Assert.Equal(new[] { "column_1", "x", "column_3" }, df.ColumnNames);
    }

    [Fact]
    public void NoHeader()
    {
        var df = CsvReader.Parse("1,a\n2,b\n", new CsvOptions { HasHeader = false });
        Assert.Equal(new[] { "column_1", "column_2" }, df.ColumnNames);
        Assert.Equal(2, df.RowCount);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void CustomDelimiter(char d)
    {
        string text = $"a{d}b{d}c\n1,5{d}\"x{d}y\"{d}3\n";
        var df = CsvReader.Parse(text, new CsvOptions { Delimiter = d });
        Assert.Equal(3, df.ColumnCount);
        Assert.Equal("1,5", ((TextColumn)df["a"])[0]);
        Assert.Equal($"x{d}y", ((TextColumn)df["b"])[0]);
        Assert.Equal(3.0, ((NumericColumn)df["c"])[0]);
    }

    [Fact]
    public void BadDelimiterIsRejected()
    {
        Assert.Throws<InvalidInputException>(() => CsvReader.Parse("a\n1\n", new CsvOptions { Delimiter = '"' }));
    }

    [Fact]
    public void Utf8WithBomAndNonAscii()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("città,x\nZürich,1\n東京,2\n")).ToArray();
        var df = CsvReader.Read(new MemoryStream(bytes));
        Assert.Equal("città", df.ColumnNames[0]);
        Assert.Equal("東京", ((TextColumn)df["città"])[1]);
    }

    [Fact]
    public void GzipDetectedByMagicBytesForFilesAndNonSeekableStreams()
    {
        string plain = File.ReadAllText(Samples.Path("iris.csv"));
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(plain));
        string path = Path.Combine(Path.GetTempPath(), $"fathom_iris_{Guid.NewGuid():N}.csv.gz");
        File.WriteAllBytes(path, ms.ToArray());
        try
        {
            var expected = CsvReader.Parse(plain);
            FrameAssert.Equal(expected, CsvReader.Read(path));
            FrameAssert.Equal(expected, CsvReader.Read(new NonSeekableStream(ms.ToArray())));
            FrameAssert.Equal(expected, CsvReader.Read(new NonSeekableStream(Encoding.UTF8.GetBytes(plain))));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void MissingFile()
    {
        Assert.Throws<FileNotFoundException>(() => CsvReader.Read("/no/such/file.csv"));
    }

    [Fact]
    public void BlankLinesAreSkippedAndLinesStillCounted()
    {
        var df = CsvReader.Parse("a,b\n\n1,2\n\n\n3,4\n");
        Assert.Equal(2, df.RowCount);
        var e = Fails("a,b\n\n1,2\n\n3\n");
        Assert.Equal(5, e.Line);
    }

    [Fact]
    public void NumbersWithSpacesExponentsAndInfinity()
    {
        var df = CsvReader.Parse("x\n 1.5 \n-2e3\n+4E-2\ninf\n-Infinity\n.5\n5.\n-0\n");
        var x = ((NumericColumn)df["x"]).Values.ToArray();
        Assert.Equal(new[] { 1.5, -2000, 0.04, double.PositiveInfinity, double.NegativeInfinity, 0.5, 5.0, 0.0 }, x);
        Assert.True(double.IsNegative(x[7]));
    }

    [Fact]
    public void MonthNameDates()
    {
        var df = CsvReader.Parse("d\nJun 12 1998\naug 7 2001\n");
        var d = Assert.IsType<DateTimeColumn>(df["d"]);
        Assert.Equal(new DateTime(1998, 6, 12), d[0]);
        Assert.Equal(new DateTime(2001, 8, 7), d[1]);
        Assert.Equal(ColumnKind.Text, CsvReader.Parse("d\n2021-02-30\n").ColumnKind("d"));
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}

internal static class FrameTestExtensions
{
    public static ColumnKind ColumnKind(this DataFrame df, string name) => df[name].Kind;
}
