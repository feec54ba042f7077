using System.Globalization;
using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class OutliersCommandTests
{
    /// <summary>200 rows on a smooth grid-like cloud plus 5 far rows (95…99 in both columns) at the end; a text id column.</summary>
    private static string Planted(TempDir dir)
    {
        string path = dir.File("planted.csv");
        var lines = new List<string> { "id,a,b" };
        for (int i = 0; i < 200; i++)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"r{i},{Math.Sin(i * 0.7) * 2:R},{Math.Cos(i * 1.3) * 2:R}"));
        for (int i = 0; i < 5; i++) lines.Add(string.Create(CultureInfo.InvariantCulture, $"far{i},{95 + i},{99 - i}"));
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("isolation-forest")]
    [InlineData("lof")]
    [InlineData("elliptic")]
    public void ContaminationFlagsThatShareAndTheFarRowsComeFirst(string algo)
    {
        using var dir = new TempDir();
        string flags = dir.File("flags.csv");
        var r = CliRunner.Run("outliers", Planted(dir), "--drop", "id", "--algo", algo, "--contamination", "0.02", "--top", "5", "--out", flags, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal(205, o["rows"]!.GetValue<int>());
        Assert.InRange(o["flagged"]!.GetValue<int>(), 4, 5); // 2 % of 205 = 4.1
        var topRows = o["top"]!.AsArray().Select(t => t!["row"]!.GetValue<int>()).Order().ToArray();
        Assert.Equal(Enumerable.Range(200, 5), topRows);
        var lines = File.ReadAllLines(flags);
        Assert.Equal("outlier,score", lines[0]);
        Assert.Equal(206, lines.Length);
        Assert.Equal(o["flagged"]!.GetValue<int>(), lines.Skip(1).Count(l => l.StartsWith("1,", StringComparison.Ordinal)));
    }

    [Fact]
    public void IqrFlagsTheFarRowsAndPrintsATable()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("outliers", Planted(dir), "--drop", "id", "--algo", "iqr", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(5, JsonNode.Parse(r.Out)!["flagged"]!.GetValue<int>());
        var human = CliRunner.Run("outliers", Planted(dir), "--drop", "id", "--algo", "mad", "--top", "3");
        Assert.True(human.ExitCode == 0, human.Error);
        Assert.Contains("5 of 205 rows flagged", human.Out, StringComparison.Ordinal);
        Assert.Contains("most unusual rows", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptionsAreUsageErrors()
    {
        using var dir = new TempDir();
        string data = Planted(dir);
        var a = CliRunner.Run("outliers", data, "--drop", "id", "--algo", "kmeans");
        Assert.Equal(2, a.ExitCode);
        Assert.Contains("isolation-forest", a.ErrorLines.Single(), StringComparison.Ordinal);
        var b = CliRunner.Run("outliers", data, "--drop", "id", "--algo", "iqr", "--contamination", "0.1");
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("threshold", b.ErrorLines.Single(), StringComparison.Ordinal);
        var c = CliRunner.Run("outliers", data, "--drop", "id", "--contamination", "0.9");
        Assert.Equal(2, c.ExitCode);
        Assert.Contains("contamination", c.ErrorLines.Single(), StringComparison.Ordinal);
    }
}
