using System.CommandLine;
using System.Text.Json.Nodes;
using Fathom.Cli.Output;
using Fathom.Cli.Training;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.ModelSelection;
using Spectre.Console;

namespace Fathom.Cli.Commands;

/// <summary>
/// <c>fathom tune DATA --target COL --model NAME --space "..." [--search random|grid] [--trials N] [--cv K]</c>:
/// search hyperparameters by cross-validation on the training rows (preprocessing refitted inside every fold),
/// then refit the best and measure it once on the held-out rows.
/// </summary>
internal static class TuneCommand
{
    public static Command Create(CliConsole console)
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target();
        var model = new Option<string>("--model", "-m") { Description = "Model name (kebab-case), e.g. random-forest.", Required = true };
        var space = new Option<string>("--space", "-s")
        {
            Description = "Search space: comma-separated key=values, e.g. \"max_depth=2..10, c=log(0.01..100), penalty=l2|none\" (a..b: integers or reals; log(a..b): log-uniform; a|b|c: choices).",
            Required = true,
        };
        var search = new Option<string>("--search") { Description = "random (samples --trials candidates), grid (every combination of lists and integer ranges) or bayes (TPE: 10 random trials, then each proposal learns from the scores so far; --trials in all).", DefaultValueFactory = _ => "random" };
        search.AcceptOnlyFromAmong("random", "grid", "bayes");
        var trials = new Option<int>("--trials") { Description = "Candidates a random or Bayesian search tries.", DefaultValueFactory = _ => 20 };
        var cv = new Option<int>("--cv") { Description = "Folds of the cross-validation that scores each candidate (stratified for classes).", DefaultValueFactory = _ => 5 };
        var metric = new Option<string?>("--metric") { Description = "Score to optimize: accuracy (classes) or r2 (numbers) by default; also balanced_accuracy, f1_macro, log_loss, roc_auc, rmse, mae." };
        var param = CommonOptions.Param("Fixed hyperparameter");
        var testSize = CommonOptions.TestSize("Fraction of rows held out from tuning and used once at the end.");
        var seed = CommonOptions.Seed("Seed for the split, folds, sampling and model.");
        var drop = CommonOptions.Drop();
        var balance = CommonOptions.Balance();
        var outPath = CommonOptions.Out("Write the best model (preprocessing included) to this .fathom file.");
        var json = CommonOptions.Json();
        var cmd = new Command("tune", "Search hyperparameters by cross-validation and keep the best model.")
        {
            data, target, model, space, search, trials, cv, metric, param, testSize, seed, drop, balance, outPath, json,
        };
        cmd.SetAction(parse =>
        {
            var options = new TrainOptions
            {
                DataPath = parse.GetValue(data)!,
                Target = parse.GetValue(target)!,
                Model = parse.GetValue(model),
                Params = CommonOptions.ParseParams(parse.GetValue(param) ?? []),
                TestSize = parse.GetValue(testSize),
                Seed = parse.GetValue(seed),
                OutPath = parse.GetValue(outPath),
                Drop = parse.GetValue(drop) ?? [],
                Balance = parse.GetValue(balance),
            };
            return Run(console, options, parse.GetValue(space)!, parse.GetValue(search)!, parse.GetValue(trials), parse.GetValue(cv),
                parse.GetValue(metric), parse.GetValue(json));
        });
        return cmd;
    }

    private static int Run(CliConsole console, TrainOptions options, string spaceText, string search, int trials, int folds, string? metric, bool json)
    {
        if (folds < 2) throw new InvalidInputException($"--cv {folds} is not valid; tuning needs 2 or more folds.");
        if (trials < 1) throw new InvalidInputException($"--trials {trials} is not valid; give 1 or more.");
        var space = RandomizedSearch.ParseSpace(spaceText);
        var entry = EstimatorCatalog.Find(options.Model!);
        metric ??= entry.Task == EstimatorTask.Regression ? "r2" : "accuracy";

        var frame = TrainCommand.ReadTable(options);
        using var progress = console.Interactive && !json ? new TerminalProgress(console.Error) : null;
        var context = new FitContext { Progress = progress, Log = console.Warn };
        var trainer = new TabularTrainer(console.Warn, context);
        var (report, results, best) = search == "bayes"
            ? trainer.Tune(options, frame, Bayes(space, options.Seed, trials, Scorers.Get(metric)), trials, metric, folds)
            : trainer.Tune(options, frame, search == "grid" ? Grid(space) : RandomizedSearch.Sample(space, trials, options.Seed), metric, folds);
        progress?.Dispose();
        TrainCommand.SaveIfAsked(options, frame, report);

        var scorer = Scorers.Get(metric);
        if (json)
        {
            var o = TrainCommand.ToJson(report);
            o["search"] = new JsonObject
            {
                ["method"] = search,
                ["metric"] = scorer.Name,
                ["folds"] = folds,
                ["best_params"] = Params(results[best].Parameters),
                ["best_cv_mean"] = Json.Number(results[best].Mean),
                ["best_cv_std"] = Json.Number(results[best].Std),
                ["candidates"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
                {
                    ["params"] = Params(r.Parameters),
                    ["mean"] = Json.Number(r.Mean),
                    ["std"] = Json.Number(r.Std),
                }).ToArray()),
            };
            console.Out.WriteLine(Json.Write(o));
            return 0;
        }
        var h = console.Human;
        h.MarkupLine($"[bold]{Markup.Escape(report.ModelName)}[/]: {search} search, {results.Count} candidates, {folds}-fold {scorer.Name} on the {report.TrainRows} training rows");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("rank");
        t.AddColumn("parameters");
        t.AddColumn(new TableColumn($"cv {scorer.Name} mean ± std").RightAligned());
        var ranked = results.Select((r, i) => (r, i)).OrderBy(x => scorer.GreaterIsBetter ? -x.r.Mean : x.r.Mean).ThenBy(x => x.i).Take(10).ToArray();
        for (int k = 0; k < ranked.Length; k++)
            t.AddRow((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", ranked[k].r.Parameters.Select(kv => $"{kv.Key}={kv.Value}"))),
                $"{Format.Metric(ranked[k].r.Mean)} ± {Format.Metric(ranked[k].r.Std)}");
        h.Write(t);
        h.MarkupLine("best parameters refitted on all training rows:");
        TrainCommand.PrintHuman(console, options, report);
        return 0;
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Grid(IReadOnlyDictionary<string, ParameterDistribution> space)
    {
        var grid = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (key, dist) in space)
            grid[key] = dist.GridValues()
                ?? throw new InvalidInputException($"--space '{key}' is a continuous range; a grid needs a list (a|b|c) or an integer range (2..10). Use --search random for ranges.");
        return GridSearch.Expand(grid);
    }

    /// <summary>TPE proposals: the newest result is told to the sampler (as a loss) before the next point is drawn.</summary>
    private static Func<IReadOnlyList<TuningCandidate>, IReadOnlyDictionary<string, string>?> Bayes(
        IReadOnlyDictionary<string, ParameterDistribution> space, int seed, int trials, Scorer scorer)
    {
        var sampler = new TpeSampler(space, seed);
        return done =>
        {
            if (done.Count > 0) sampler.Tell(done[^1].Parameters, scorer.GreaterIsBetter ? -done[^1].Mean : done[^1].Mean);
            return done.Count < trials ? sampler.Next() : null;
        };
    }

    private static JsonObject Params(IReadOnlyDictionary<string, string> p) =>
        new(p.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
}
