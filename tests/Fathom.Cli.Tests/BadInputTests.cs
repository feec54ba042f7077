namespace Fathom.Cli.Tests;

/// <summary>Every user mistake exits 2 with one line on stderr that names the problem, and writes no model.</summary>
public class BadInputTests
{
    private static void AssertUsageError(TempDir dir, CliRunner.Result r, params string[] mentions)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines, l => !l.StartsWith("warning:", StringComparison.Ordinal));
        string line = r.ErrorLines.Last();
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
        foreach (var m in mentions) Assert.Contains(m, line, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.fathom*"));
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp*"));
    }

    private static CliRunner.Result Train(TempDir dir, string csvPath, params string[] extra) =>
        CliRunner.Run(new[] { "train", csvPath, "--out", dir.File("m.fathom") }.Concat(extra).ToArray());

    [Fact]
    public void RaggedRowNamesItsLine()
    {
        using var dir = new TempDir();
        var csv = dir.Write("d.csv", "a,b,y\n1,2,x\n3,4,y\n5,6\n7,8,x\n");
        AssertUsageError(dir, Train(dir, csv, "--target", "y"), "line 4");
    }

    [Fact]
    public void UnterminatedQuoteNamesItsLine()
    {
        using var dir = new TempDir();
        var csv = dir.Write("d.csv", "a,b,y\n1,2,x\n3,\"4,y\n5,6,x\n");
        AssertUsageError(dir, Train(dir, csv, "--target", "y"), "line 3", "quote");
    }

    [Fact]
    public void EmptyFile()
    {
        using var dir = new TempDir();
        var csv = dir.Write("d.csv", "");
        AssertUsageError(dir, Train(dir, csv, "--target", "y"), "empty");
    }

    [Fact]
    public void HeaderOnly()
    {
        using var dir = new TempDir();
        var csv = dir.Write("d.csv", "a,b,y\n");
        AssertUsageError(dir, Train(dir, csv, "--target", "y"), "no data rows");
    }

    [Fact]
    public void DuplicateColumnNames()
    {
        using var dir = new TempDir();
        var csv = dir.Write("d.csv", "a,a,y\n1,2,x\n3,4,y\n");
        AssertUsageError(dir, Train(dir, csv, "--target", "y"), "'a'");
    }

    [Fact]
    public void MissingTargetColumn()
    {
        using var dir = new TempDir();
        AssertUsageError(dir, Train(dir, CliRunner.Sample("iris.csv"), "--target", "species"), "'species'");
    }

    [Fact]
    public void TargetWithOneClass()
    {
        using var dir = new TempDir();
        var csv = dir.Write("d.csv", "a,b,y\n1,2,x\n3,4,x\n5,6,x\n");
        AssertUsageError(dir, Train(dir, csv, "--target", "y"), "one class");
    }

    [Fact]
    public void UnknownModel()
    {
        using var dir = new TempDir();
        AssertUsageError(dir, Train(dir, CliRunner.Sample("iris.csv"), "--target", "target", "--model", "deep-magic"), "deep-magic", "logistic-regression");
    }

    [Fact]
    public void OutOfRangeParam()
    {
        using var dir = new TempDir();
        AssertUsageError(dir, Train(dir, CliRunner.Sample("iris.csv"), "--target", "target", "--param", "c=-1"), "c = -1");
    }

    [Fact]
    public void UnknownParam()
    {
        using var dir = new TempDir();
        AssertUsageError(dir, Train(dir, CliRunner.Sample("iris.csv"), "--target", "target", "--param", "depth=3"), "depth");
    }

    [Fact]
    public void MissingDataFile()
    {
        using var dir = new TempDir();
        AssertUsageError(dir, Train(dir, dir.File("nope.csv"), "--target", "y"), "nope.csv");
    }

    [Fact]
    public void MissingRequiredOptionIsAUsageError()
    {
        using var dir = new TempDir();
        AssertUsageError(dir, CliRunner.Run("train", CliRunner.Sample("iris.csv")), "--target");
    }

    [Fact]
    public void TextCellInANumericColumnAtPredictNamesLineAndColumn()
    {
        using var dir = new TempDir();
        string model = dir.File("iris.fathom");
        var ok = CliRunner.Run("train", CliRunner.Sample("iris.csv"), "--target", "target", "--out", model);
        Assert.True(ok.ExitCode == 0, ok.Error);
        var csv = dir.Write("new.csv", "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)\n5.1,3.5,1.4,0.2\n4.9,three,1.4,0.2\n");
        var r = CliRunner.Run("predict", model, csv);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("line 3", r.ErrorLines.Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sepal width (cm)", r.ErrorLines.Single(), StringComparison.Ordinal);
    }
}
