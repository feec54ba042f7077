using System.Text.Json.Nodes;

namespace Fathom.Cli.Tests;

public class MeanShiftClusterTests
{
    [Fact]
    public void MeanShiftFindsTheClusterCountItself()
    {
        var r = CliRunner.Run("cluster", CliRunner.Sample("iris.csv"), "--drop", "target", "--algo", "mean-shift", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var o = JsonNode.Parse(r.Out)!;
        Assert.Equal("mean-shift", o["algo"]!.GetValue<string>());
        // Standardized iris: one mode for setosa and one for the two overlapping species.
        Assert.Equal(2, o["clusters"]!.GetValue<int>());
        Assert.Equal(150, o["sizes"]!.AsObject().Sum(kv => kv.Value!.GetValue<int>()));
    }
}
