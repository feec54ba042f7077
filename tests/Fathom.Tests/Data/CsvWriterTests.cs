using Fathom.Data;

namespace Fathom.Tests.Data;

public class CsvWriterTests
{
    [Theory]
    [InlineData("iris.csv")]
    [InlineData("penguins.csv")]
    [InlineData("cars.csv")]
    [InlineData("movies.csv")]
    [InlineData("seattle-weather.csv")]
    public void ReadWriteReadGivesTheSameFrame(string file)
    {
        var first = CsvReader.Read(Samples.Path(file));
        var text = CsvWriter.ToCsvString(first);
        var second = CsvReader.Parse(text);
        FrameAssert.Equal(first, second);
    }

    [Fact]
    public void RoundTripThroughGzipFileWithSemicolons()
    {
        var first = CsvReader.Read(Samples.Path("movies.csv"));
        string path = Path.Combine(Path.GetTempPath(), $"fathom_movies_{Guid.NewGuid():N}.csv.gz");
        var options = new CsvOptions { Delimiter = ';' };
        try
        {
            CsvWriter.Write(first, path, options);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(0x1F, bytes[0]);
            Assert.Equal(0x8B, bytes[1]);
            FrameAssert.Equal(first, CsvReader.Read(path, options));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void QuotesWhenNeededAndWritesMissingAsEmpty()
    {
        var df = new DataFrame([
            new TextColumn("t", ["plain", "a,b", "say \"hi\"", "two\nlines", "NA", null]),
            new NumericColumn("x", [1.5, double.NaN, 0.1, -0.0, double.PositiveInfinity, 1e300]),
            new BoolColumn("b", [true, null, false, true, true, false]),
            new DateTimeColumn("d", [new DateTime(2020, 1, 2), new DateTime(2020, 1, 2, 3, 4, 5), null, null, null, new DateTime(2020, 1, 2, 3, 4, 5, 250)]),
        ]);
        string text = CsvWriter.ToCsvString(df);
        Assert.Equal(
            "t,x,b,d\n" +
            "plain,1.5,true,2020-01-02\n" +
            "\"a,b\",,,2020-01-02 03:04:05\n" +
            "\"say \"\"hi\"\"\",0.1,false,\n" +
            "\"two\nlines\",-0,true,\n" +
            "\"NA\",Infinity,true,\n" +
            ",1E+300,false,2020-01-02 03:04:05.25\n", text);
        FrameAssert.Equal(df, CsvReader.Parse(text));
    }

    [Fact]
    public void OneColumnFrameKeepsMissingRows()
    {
        var df = new DataFrame([new NumericColumn("x", [1, double.NaN, 3])]);
        string text = CsvWriter.ToCsvString(df);
        Assert.Equal("x\n1\n\"\"\n3\n", text);
        FrameAssert.Equal(df, CsvReader.Parse(text));
    }

    [Fact]
    public void WriteToTextWriterWithoutHeader()
    {
        var df = new DataFrame([new NumericColumn("x", [1, 2]), new TextColumn("y", ["a", "b"])]);
        using var sw = new StringWriter();
        CsvWriter.Write(df, sw, new CsvOptions { HasHeader = false, Delimiter = '\t' });
        Assert.Equal("1\ta\n2\tb\n", sw.ToString());
    }
}
