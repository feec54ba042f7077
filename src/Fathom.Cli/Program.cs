namespace Fathom.Cli;

/// <summary>The <c>fathom</c> command.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => args.Length >= 0 ? 0 : 1;
}
