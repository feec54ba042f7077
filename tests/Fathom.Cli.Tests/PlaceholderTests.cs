namespace Fathom.Cli.Tests;

public class ProgramExistsTests
{
    [Fact]
    public void CliAssemblyLoads() => Assert.Equal("Fathom.Cli", typeof(Fathom.Cli.Program).Assembly.GetName().Name);
}
