namespace Fathom.Cli;

/// <summary>The <c>fathom</c> command: entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (0 success, 2 bad usage or input, 1 internal error).</summary>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error, Console.IsOutputRedirected ? false : !Console.IsErrorRedirected);
}
