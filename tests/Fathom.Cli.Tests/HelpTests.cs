namespace Fathom.Cli.Tests;

public class HelpTests
{
    [Fact]
    public void HelpNamesTheCommandFathom()
    {
        var root = CliRunner.Run("--help");
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("fathom [command] [options]", root.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Fathom.Cli", root.Out, StringComparison.Ordinal);
        var train = CliRunner.Run("train", "--help");
        Assert.Contains("fathom train <DATA> [options]", train.Out, StringComparison.Ordinal);
    }
}
