using Fathom.Core;
using Fathom.Data;

namespace Fathom.Tests.Data;

public class MatrixMarketReaderTests
{
    private static Fathom.Numerics.SparseMatrix Parse(string text) => MatrixMarketReader.Read(new StringReader(text));

    [Fact]
    public void ReadsScipyMmwriteOutput()
    {
        // scipy.io.mmwrite of coo_matrix(([1.5, -2, 3, 4.25], ([0, 2, 3, 0], [1, 0, 3, 1])), shape=(4, 5)) (SciPy 1.10.1):
        // the duplicate (0, 1) sums to 5.75 as in scipy's tocsr().
        const string general = "%%MatrixMarket matrix coordinate real general\n%\n4 5 4\n1 2 1.500000000000000e+00\n" +
                               "3 1 -2.000000000000000e+00\n4 4 3.000000000000000e+00\n1 2 4.250000000000000e+00\n";
        var a = Parse(general);
        Assert.Equal((4, 5), (a.Rows, a.Columns));
        Assert.Equal(new double[] { 0, 5.75, 0, 0, 0, 0, 0, 0, 0, 0, -2, 0, 0, 0, 0, 0, 0, 0, 3, 0 }, a.ToDense().Storage);
        // symmetric: scipy.io.mmread gives [[5, 2, 0], [2, 0, 0], [0, 0, 1]]
        const string symmetric = "%%MatrixMarket matrix coordinate real symmetric\n%\n3 3 3\n2 1 2.0e+00\n3 3 1.0e+00\n1 1 5.0e+00\n";
        Assert.Equal(new double[] { 5, 2, 0, 2, 0, 0, 0, 0, 1 }, Parse(symmetric).ToDense().Storage);
        var p = Parse("%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 1\n2 1\n");
        Assert.Equal(new double[] { 1, 0, 1, 0 }, p.ToDense().Storage);
        var skew = Parse("%%MatrixMarket matrix coordinate integer skew-symmetric\n2 2 1\n2 1 3\n");
        Assert.Equal(new double[] { 0, -3, 3, 0 }, skew.ToDense().Storage);
    }

    [Theory]
    [InlineData("%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n", 1, "dense")]
    [InlineData("hello\n", 1, "%%MatrixMarket")]
    [InlineData("%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n", 1, "complex")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2\n", 2, "size line")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1.0\n", 3, "row '3'")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n2 2 x\n", 4, "value 'x'")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1.0\n2 2 1.0\n", 4, "more entries")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1.0\n", 3, "truncated")]
    public void BadFilesNameTheLine(string text, int line, string what)
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(text));
        Assert.Equal(line, ex.Line);
        Assert.Contains(what, ex.Message);
    }
}
