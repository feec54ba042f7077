namespace Fathom.Cli.Tests;

/// <summary>Runs the command in-process and captures its output.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, interactive: false);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository's samples/ folder (found by walking up to Fathom.slnx).</summary>
    public static string Sample(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fathom.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Cannot find the repository root (Fathom.slnx) above " + AppContext.BaseDirectory);
        return Path.Combine(dir.FullName, "samples", file);
    }
}
