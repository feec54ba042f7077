using System.CommandLine;
using Fathom.Cli.Commands;
using Fathom.Cli.Output;
using Fathom.Core;

namespace Fathom.Cli;

/// <summary>Builds the command tree and runs it with the exit-code contract of DESIGN.md:
/// 0 success, 2 bad usage or input (one line on stderr), 1 internal error.</summary>
public static class CliApp
{
    /// <summary>Runs <c>fathom</c> with <paramref name="args"/>, writing to the given writers.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var console = new CliConsole(stdout, stderr, interactive);
        var root = new RootCommand("Fathom: machine learning for .NET. Train, evaluate, inspect and use models from CSV files.")
        {
            TrainCommand.Create(console),
            PredictCommand.Create(console),
            EvaluateCommand.Create(console),
            InspectCommand.Create(console),
            TuneCommand.Create(console),
            ClusterCommand.Create(console),
            EmbedCommand.Create(console),
            OutliersCommand.Create(console),
        };
        root.HelpName = "fathom"; // the assembly is Fathom.Cli; users run it as fathom
        try
        {
            var parse = root.Parse(args);
            bool wantsHelp = args.Any(a => a is "--help" or "-h" or "-?" or "--version");
            if (parse.Errors.Count > 0 && !wantsHelp)
            {
                string command = parse.CommandResult.Command == root ? "fathom" : $"fathom {parse.CommandResult.Command.Name}";
                stderr.WriteLine($"error: {OneLine(parse.Errors[0].Message)} (see '{command} --help')");
                return 2;
            }
            if (args.Length == 0)
            {
                return root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (FathomException e)
        {
            stderr.WriteLine($"error: {OneLine(e.Message)}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("error: cancelled.");
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"internal error: {e.GetType().Name}: {OneLine(e.Message)} (please report this)");
            return 1;
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
