using System.CommandLine;
using System.Text.Json.Nodes;
using Fathom.Cli.Output;
using Fathom.Cli.Training;
using Fathom.Core;
using Fathom.Compose;
using Fathom.Data;
using Fathom.Linear;
using Fathom.Persistence;
using Spectre.Console;

namespace Fathom.Cli.Commands;

/// <summary><c>fathom train DATA.csv --target COL [...]</c>.</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target();
        var model = new Option<string?>("--model", "-m")
        {
            Description = "Model name (kebab-case): " + string.Join(", ", EstimatorCatalog.All.Where(e => e.Task is EstimatorTask.Classification or EstimatorTask.Regression).Select(e => e.Name))
                          + ". Default: logistic-regression for classes, linear-regression for numbers.",
        };
        var param = CommonOptions.Param();
        var testSize = CommonOptions.TestSize("Fraction of rows held out for testing; 0 trains on all rows.");
        var seed = CommonOptions.Seed("Seed for the split, folds and the model.");
        var cv = new Option<int>("--cv") { Description = "Also report K-fold cross-validation (stratified for classes) mean ± std.", DefaultValueFactory = _ => 0 };
        var outPath = CommonOptions.Out("Write the fitted model (preprocessing included) to this .fathom file.");
        var drop = CommonOptions.Drop();
        var balance = CommonOptions.Balance();
        var json = CommonOptions.Json();
        var cmd = new Command("train", "Train a model on a CSV file and report its metrics beside a baseline.")
        {
            data, target, model, param, testSize, seed, cv, drop, balance, outPath, json,
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
                CvFolds = parse.GetValue(cv),
                OutPath = parse.GetValue(outPath),
                Drop = parse.GetValue(drop) ?? [],
                Balance = parse.GetValue(balance),
            };
            return Run(console, options, parse.GetValue(json));
        });
        return cmd;
    }

    private static int Run(CliConsole console, TrainOptions options, bool json)
    {
        var frame = ReadTable(options);
        using var progress = console.Interactive && !json ? new TerminalProgress(console.Error) : null;
        var context = new FitContext { Progress = progress, Log = console.Warn, MaxThreads = 0 };
        var trainer = new TabularTrainer(console.Warn, context);
        var report = trainer.Train(options, frame);
        progress?.Dispose();
        SaveIfAsked(options, frame, report);

        if (json) console.Out.WriteLine(Json.Write(ToJson(report)));
        else PrintHuman(console, options, report);
        return 0;
    }

    /// <summary>Checks the output folder, reads the CSV, checks the target and applies --drop.</summary>
    internal static DataFrame ReadTable(TrainOptions options)
    {
        if (options.OutPath is { } o && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(o))))
            throw new InvalidInputException($"Cannot write the model to '{o}': its folder does not exist.");
        var frame = CommonOptions.ReadCsv(options.DataPath);
        frame.IndexOf(options.Target);
        if (options.Drop.Contains(options.Target, StringComparer.Ordinal))
            throw new InvalidInputException($"--drop names the target '{options.Target}'; the target cannot be left out.");
        return options.Drop.Count > 0 ? frame.Drop([.. options.Drop]) : frame;
    }

    /// <summary>Writes the model with its schema, target and metrics when --out was given.</summary>
    internal static void SaveIfAsked(TrainOptions options, DataFrame frame, TrainingReport report)
    {
        if (options.OutPath is null) return;
        var features = frame.Drop(options.Target);
        var metadata = new ModelMetadata
        {
            ModelName = report.ModelName,
            Target = options.Target,
            Task = report.Task == TrainingTask.Classification ? "classification" : "regression",
            InputSchema = features.Columns.Select(c => new ColumnSchema(c.Name, c.Kind, c is TextColumn t ? t.Categories() : null)).ToArray(),
            Metrics = MetricsBySet(report),
        };
        ModelFile.Save(report.Model, options.OutPath, metadata);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double>> MetricsBySet(TrainingReport r)
    {
        var m = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["train"] = r.TrainMetrics, ["baseline"] = r.BaselineMetrics };
        if (r.TestMetrics is not null) m["test"] = r.TestMetrics;
        if (r.CvMean is not null) m["cv_mean"] = r.CvMean;
        if (r.CvStd is not null) m["cv_std"] = r.CvStd;
        return m;
    }

    internal static JsonObject ToJson(TrainingReport r) => new()
    {
        ["model"] = r.ModelName,
        ["task"] = r.Task == TrainingTask.Classification ? "classification" : "regression",
        ["rows"] = new JsonObject { ["train"] = r.TrainRows, ["test"] = r.TestRows },
        ["metrics"] = new JsonObject
        {
            ["train"] = Json.Metrics(r.TrainMetrics),
            ["test"] = r.TestMetrics is null ? null : Json.Metrics(r.TestMetrics),
            ["baseline"] = Json.Metrics(r.BaselineMetrics),
            ["cv"] = r.CvMean is null ? null : new JsonObject { ["folds"] = r.CvFolds, ["mean"] = Json.Metrics(r.CvMean), ["std"] = Json.Metrics(r.CvStd) },
        },
        ["fit_seconds"] = Math.Round(r.FitSeconds, 4),
        ["summary"] = OlsOf(r) is { } ols ? OlsJson(ols.Model.Summary, ols.Names) : null,
    };

    /// <summary>The OLS model at the end of the trained pipeline, with the names of its (preprocessed) features.</summary>
    private static (OrdinaryLeastSquaresModel Model, IReadOnlyList<string> Names)? OlsOf(TrainingReport r) =>
        r.Model is PipelineModel { Final: OrdinaryLeastSquaresModel ols } p ? (ols, p.FeatureNamesOut) : null;

    private static JsonObject OlsJson(OlsSummary s, IReadOnlyList<string> names)
    {
        var terms = new JsonArray();
        for (int j = 0; j < s.Coefficients.Count; j++)
        {
            var c = s.Coefficients[j];
            terms.Add(new JsonObject
            {
                ["name"] = s.HasIntercept && j == 0 ? "const" : names[j - (s.HasIntercept ? 1 : 0)],
                ["coef"] = Json.Number(c.Estimate), ["std_err"] = Json.Number(c.StandardError), ["t"] = Json.Number(c.TStatistic),
                ["p_value"] = Json.Number(c.PValue), ["ci_lower"] = Json.Number(c.Lower), ["ci_upper"] = Json.Number(c.Upper),
            });
        }
        return new JsonObject
        {
            ["observations"] = s.Observations, ["df_model"] = Json.Number(s.DfModel), ["df_resid"] = Json.Number(s.DfResidual),
            ["r2"] = Json.Number(s.RSquared), ["adj_r2"] = Json.Number(s.AdjustedRSquared),
            ["f_statistic"] = Json.Number(s.FStatistic), ["f_p_value"] = Json.Number(s.FPValue),
            ["log_likelihood"] = Json.Number(s.LogLikelihood), ["aic"] = Json.Number(s.Aic), ["bic"] = Json.Number(s.Bic),
            ["omnibus"] = Json.Number(s.Omnibus.Statistic), ["omnibus_p_value"] = Json.Number(s.Omnibus.PValue),
            ["jarque_bera"] = Json.Number(s.JarqueBera.Statistic), ["jarque_bera_p_value"] = Json.Number(s.JarqueBera.PValue),
            ["skew"] = Json.Number(s.Skew), ["kurtosis"] = Json.Number(s.Kurtosis),
            ["durbin_watson"] = Json.Number(s.DurbinWatson), ["condition_number"] = Json.Number(s.ConditionNumber),
            ["coefficients"] = terms,
        };
    }

    internal static void PrintHuman(CliConsole console, TrainOptions options, TrainingReport r)
    {
        var h = console.Human;
        string task = r.Task == TrainingTask.Classification ? "classification" : "regression";
        h.MarkupLine($"[bold]{Markup.Escape(r.ModelName)}[/] on [bold]{Markup.Escape(Path.GetFileName(options.DataPath))}[/] → {Markup.Escape(options.Target)} ({task})");
        h.MarkupLine($"rows: {r.TrainRows} train, {r.TestRows} test    fit: {Format.Seconds(r.FitSeconds)}");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("train").RightAligned());
        if (r.TestMetrics is not null) table.AddColumn(new TableColumn("test").RightAligned());
        if (r.CvMean is not null) table.AddColumn(new TableColumn($"cv{r.CvFolds} mean ± std").RightAligned());
        table.AddColumn(new TableColumn("baseline").RightAligned());
        foreach (var name in r.TrainMetrics.Keys)
        {
            var cells = new List<string> { name, Format.Metric(r.TrainMetrics[name]) };
            if (r.TestMetrics is not null) cells.Add(Format.Metric(r.TestMetrics[name]));
            if (r.CvMean is not null) cells.Add($"{Format.Metric(r.CvMean[name])} ± {Format.Metric(r.CvStd![name])}");
            cells.Add(Format.Metric(r.BaselineMetrics.GetValueOrDefault(name, double.NaN)));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        h.Write(table);
        string on = r.TestMetrics is null ? "training rows" : "test rows";
        h.MarkupLine($"baseline: {Markup.Escape(r.BaselineName)}, fitted on the training rows, measured on the {on}.");
        if (OlsOf(r) is { } ols)
        {
            h.WriteLine();
            h.WriteLine(ols.Model.Summary.ToText(ols.Names, options.Target));
            h.MarkupLine("[grey]statistics on the training rows; features in their own units, categories against the first one.[/]");
        }
        if (options.OutPath is not null) h.MarkupLine($"model saved to [bold]{Markup.Escape(options.OutPath)}[/]");
        else h.MarkupLine("[grey]add --out MODEL.fathom to save the model.[/]");
    }
}
