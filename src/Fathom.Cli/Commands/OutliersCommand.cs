using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Cli.Output;
using Fathom.Cli.Training;
using Fathom.Core;
using Fathom.Data;
using Spectre.Console;

namespace Fathom.Cli.Commands;

/// <summary><c>fathom outliers DATA --algo isolation-forest|lof|elliptic|iqr [--contamination x] [...]</c>: score the rows
/// of a table, flag the outliers and list the most unusual rows.</summary>
internal static class OutliersCommand
{
    /// <summary>Short names accepted besides the catalog names: elliptic, and z-score / mad (the iqr detector with another rule).</summary>
    private static readonly Dictionary<string, (string Name, string? Rule)> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["elliptic"] = ("elliptic-envelope", null),
        ["z-score"] = ("iqr", "z_score"),
        ["zscore"] = ("iqr", "z_score"),
        ["mad"] = ("iqr", "mad"),
    };

    public static Command Create(CliConsole console)
    {
        var data = new Argument<string>("DATA") { Description = "CSV file; every column is used (numbers scaled, text one-hot encoded, dates as calendar features)." };
        var algo = new Option<string>("--algo", "-a")
        {
            Description = "Detector: " + string.Join(", ", EstimatorCatalog.All.Where(e => e.Task == EstimatorTask.OutlierDetection).Select(e => e.Name))
                          + " (also elliptic, z-score, mad).",
            DefaultValueFactory = _ => "isolation-forest",
        };
        var contamination = new Option<string?>("--contamination", "-c")
        {
            Description = "Expected share of outliers in (0, 0.5], or 'auto' (isolation-forest: score below −0.5; lof: factor above 1.5). Not for the per-column rules (use --param threshold=…).",
        };
        var top = new Option<int>("--top") { Description = "How many of the most unusual rows to list (default 10).", DefaultValueFactory = _ => 10 };
        var param = CommonOptions.Param();
        var drop = CommonOptions.Drop("Columns to leave out (e.g. an id or a label column), repeatable.");
        var seed = CommonOptions.Seed("Seed for the detector's random draws.");
        var outPath = CommonOptions.Out("Write one row per input row to this CSV file: outlier (1 = flagged) and score (lower = more unusual).");
        var json = CommonOptions.Json();
        var cmd = new Command("outliers", "Score the rows of a CSV file, flag outliers and list the most unusual rows.")
            { data, algo, contamination, top, param, drop, seed, outPath, json };
        cmd.SetAction(parse => Run(console, parse.GetValue(data)!, parse.GetValue(algo)!, parse.GetValue(contamination), parse.GetValue(top),
            CommonOptions.ParseParams(parse.GetValue(param) ?? []), parse.GetValue(drop) ?? [], parse.GetValue(seed), parse.GetValue(outPath), parse.GetValue(json)));
        return cmd;
    }

    private static int Run(CliConsole console, string dataPath, string algo, string? contamination, int top,
        List<KeyValuePair<string, string>> parameters, string[] drop, int seed, string? outPath, bool json)
    {
        if (outPath is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(outPath))))
            throw new InvalidInputException($"Cannot write flags to '{outPath}': its folder does not exist.");
        if (top < 0) throw new InvalidInputException($"--top must be 0 or more; got {top}.");
        string name = algo;
        if (Aliases.TryGetValue(algo.Trim(), out var alias))
        {
            name = alias.Name;
            if (alias.Rule is not null) parameters.Insert(0, new("rule", alias.Rule));
        }
        var entry = EstimatorCatalog.Find(name, EstimatorTask.OutlierDetection);
        var baseEstimator = entry.Create();
        var keys = Hyperparameters.Describe(baseEstimator.GetType()).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        if (contamination is not null)
        {
            if (!keys.Contains("contamination"))
                throw new InvalidInputException($"--contamination does not apply to {entry.Name} (a per-column rule); set its threshold with --param threshold=VALUE.");
            string value = contamination.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase) ? "none" : contamination.Trim();
            if (value == "none" && entry.EstimatorType == typeof(Anomaly.EllipticEnvelope))
                throw new InvalidInputException("--contamination auto does not apply to elliptic-envelope; give a share in (0, 0.5] (default 0.1).");
            parameters.Add(new("contamination", value));
        }
        if (keys.Contains("seed") && !parameters.Any(p => Hyperparameters.ToSnakeCase(p.Key) == "seed"))
            parameters.Add(new("seed", seed.ToString(CultureInfo.InvariantCulture)));
        var estimator = (IOutlierDetector)Hyperparameters.With(baseEstimator, parameters);

        var frame = CommonOptions.ReadCsv(dataPath);
        if (drop.Length > 0) frame = frame.Drop(drop);
        if (frame.ColumnCount == 0) throw new InvalidInputException("No columns are left to score.");
        var x = DefaultPreprocessing.Preprocessor(frame, scale: true).Fit(frame).Transform(frame).ToMatrix();

        var sw = Stopwatch.StartNew();
        var model = estimator.Fit(x);
        var scores = model.TrainingScores?.ToArray() ?? model.ScoreSamples(x);
        double seconds = sw.Elapsed.TotalSeconds;
        var flagged = scores.Select(s => s < model.Offset).ToArray();
        int count = flagged.Count(f => f);
        var ranked = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ThenBy(i => i).Take(top).ToArray();

        if (outPath is not null)
            CsvWriter.Write(new DataFrame([
                new NumericColumn("outlier", flagged.Select(f => f ? 1.0 : 0.0).ToArray()),
                new NumericColumn("score", scores),
            ]), outPath);

        if (json)
        {
            var o = new JsonObject
            {
                ["algo"] = entry.Name,
                ["rows"] = x.Rows,
                ["flagged"] = count,
                ["share"] = Math.Round(count / (double)x.Rows, 6),
                ["offset"] = Json.Number(model.Offset),
                ["top"] = new JsonArray(ranked.Select(i => (JsonNode)new JsonObject { ["row"] = i, ["score"] = Json.Number(scores[i]), ["outlier"] = flagged[i] }).ToArray()),
                ["fit_seconds"] = Math.Round(seconds, 4),
            };
            console.Out.WriteLine(Json.Write(o));
            return 0;
        }
        var h = console.Human;
        h.MarkupLine($"[bold]{Markup.Escape(entry.Name)}[/] on [bold]{Markup.Escape(Path.GetFileName(dataPath))}[/]: {x.Rows} rows, {x.Columns} features after encoding, fit {Format.Seconds(seconds)}");
        h.MarkupLine($"[bold]{count}[/] of {x.Rows} rows flagged ({100.0 * count / x.Rows:0.0} %); threshold: score below {model.Offset.ToString("0.####", CultureInfo.InvariantCulture)} (lower score = more unusual)");
        if (ranked.Length > 0)
        {
            var shown = frame.Columns.Take(6).ToArray();
            var t = new Table().Border(TableBorder.Rounded).Title($"the {ranked.Length} most unusual rows");
            t.AddColumn(new TableColumn("row").RightAligned());
            t.AddColumn(new TableColumn("score").RightAligned());
            t.AddColumn(new TableColumn("flag"));
            foreach (var c in shown) t.AddColumn(new TableColumn(Markup.Escape(c.Name)));
            foreach (int i in ranked)
                t.AddRow([i.ToString(CultureInfo.InvariantCulture), scores[i].ToString("0.####", CultureInfo.InvariantCulture), flagged[i] ? "outlier" : "",
                    .. shown.Select(c => Markup.Escape(c.Format(i) ?? ""))]);
            h.Write(t);
            h.MarkupLine("row = 0-based data row (line row + 2 of the file).");
        }
        if (outPath is not null) h.MarkupLine($"flags written to [bold]{Markup.Escape(outPath)}[/]");
        return 0;
    }
}
