using Spectre.Console;

namespace Fathom.Cli.Output;

/// <summary>Where a command writes: standard output (results), standard error (warnings, progress, errors)
/// and a Spectre console for human tables (colours only on a terminal).</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        Out = stdout;
        Error = stderr;
        Interactive = interactive;
        Human = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) Human.Profile.Width = 160;
    }

    /// <summary>Results (tables, JSON, CSV).</summary>
    public TextWriter Out { get; }

    /// <summary>Warnings, progress and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>True when attached to a terminal: progress displays and colours are allowed.</summary>
    public bool Interactive { get; }

    /// <summary>Spectre console over <see cref="Out"/>.</summary>
    public IAnsiConsole Human { get; }

    /// <summary>Writes a one-line warning to standard error.</summary>
    public void Warn(string message) => Error.WriteLine($"warning: {message}");
}
