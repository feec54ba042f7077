using Fathom.Core;
using Fathom.Data;

namespace Fathom.Tests.Data;

public class SvmLightReaderTests
{
    private static SvmLightData Parse(string text, SvmLightOptions? options = null) => SvmLightReader.Read(new StringReader(text), options);

    [Fact]
    public void ReadsLabelsFeaturesCommentsAndQid()
    {
        const string text = "# a header comment\n" +
                            "1 qid:3 1:0.5 4:-2 # trailing comment\n" +
                            "\n" +
                            "-1\t2:1e-3  3:0\n" +
                            "+2.5 5:7\n";
        var d = Parse(text);
        Assert.Equal(new[] { 1.0, -1, 2.5 }, d.Labels);
        Assert.Equal((3, 5), (d.X.Rows, d.X.Columns));
        var x = d.X.ToDense();
        Assert.Equal(new double[] { 0.5, 0, 0, -2, 0, 0, 1e-3, 0, 0, 0, 0, 0, 0, 0, 7 }, x.Storage);
        Assert.Equal(4, d.X.NonZeroCount); // the explicit 3:0 is not stored
        var zero = Parse("0 0:1 2:3\n1 1:2\n", new SvmLightOptions { ZeroBased = true, FeatureCount = 6 });
        Assert.Equal((2, 6), (zero.X.Rows, zero.X.Columns));
        Assert.Equal(3.0, zero.X[0, 2]);
        Assert.Equal(2.0, zero.X[1, 1]);
        var empty = Parse("3\n4 2:1\n");
        Assert.Equal(0, empty.X.RowIndices(0).Length);
    }

    [Fact]
    public void ReadsTheReferenceFileLikeScikitLearn()
    {
        var d = SvmLightReader.Read(Fathom.Tests.TestData.TestDatasets.TestFilePath("Decomposition", "Reference", "sparse_random.svm"));
        Assert.Equal(2000, d.Labels.Length);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (double)(i % 7)), d.Labels);
        Assert.Equal(10_000, d.X.NonZeroCount);
        Assert.Equal(0.4291913786395943, d.X[0, 5]);
    }

    [Theory]
    [InlineData("1 1:2\nabc 1:2\n", 2, "label 'abc'")]
    [InlineData("1 1:2\n1,2 1:2\n", 2, "multi-label")]
    [InlineData("1 0:2\n", 1, "ZeroBased")]
    [InlineData("1 3:2 2:1\n", 1, "does not increase")]
    [InlineData("1 3:2 3:1\n", 1, "does not increase")]
    [InlineData("1\n1 2:x\n", 2, "value 'x'")]
    [InlineData("1 2:nan\n", 1, "not a finite number")]
    [InlineData("1 a:1\n", 1, "feature index 'a'")]
    [InlineData("1 2\n", 1, "index:value")]
    [InlineData("1 1:1 qid:2\n", 1, "qid")]
    public void BadLinesNameTheLine(string text, int line, string what)
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(text));
        Assert.Equal(line, ex.Line);
        Assert.Contains($"line {line}", ex.Message);
        Assert.Contains(what, ex.Message);
    }

    [Fact]
    public void EmptyFilesAndTooFewFeaturesAreErrors()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse("# nothing\n\n"));
        Assert.Contains("no data lines", ex.Message);
        var ex2 = Assert.Throws<DataFormatException>(() => Parse("1 1:1\n0 9:1\n", new SvmLightOptions { FeatureCount = 5 }));
        Assert.Equal(2, ex2.Line);
        Assert.Contains("beyond the 5 features", ex2.Message);
    }
}
