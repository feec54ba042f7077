using System.CommandLine;
using System.Text.Json.Nodes;
using Fathom.Cli.Output;
using Fathom.Cli.Training;
using Fathom.Core;
using Spectre.Console;

namespace Fathom.Cli.Commands;

/// <summary><c>fathom evaluate MODEL.fathom DATA.csv [--json]</c>.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("MODEL") { Description = "A .fathom model file." };
        var data = new Argument<string>("DATA") { Description = "CSV file holding the model's input columns and its target column." };
        var json = CommonOptions.Json();
        var cmd = new Command("evaluate", "Measure a saved model on labelled data.") { model, data, json };
        cmd.SetAction(parse => Run(console, parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(json)));
        return cmd;
    }

    private static int Run(CliConsole console, string modelPath, string dataPath, bool json)
    {
        var model = LoadedTableModel.Open(modelPath);
        string target = model.Metadata.Target
            ?? throw new InvalidInputException($"'{modelPath}' does not record its target column, so it cannot be evaluated from a CSV file.");
        var frame = CommonOptions.ReadForModel(dataPath, model.Metadata);
        var targetColumn = frame[target];
        var keep = Enumerable.Range(0, frame.RowCount).Where(i => !targetColumn.IsMissing(i)).ToArray();
        if (keep.Length < frame.RowCount)
            console.Warn($"dropped {frame.RowCount - keep.Length} rows whose target '{target}' is missing.");
        if (keep.Length == 0) throw new InvalidInputException($"No row of '{dataPath}' has a value in the target column '{target}'.");
        frame = frame.Take(keep);
        var task = model.IsClassifier ? TrainingTask.Classification : TrainingTask.Regression;
        var y = TargetValues.FromForModel(frame[target], task, model);
        var metrics = MetricSet.Compute(model.Final, model.Features(frame), y);
        if (json)
        {
            console.Out.WriteLine(Json.Write(new JsonObject { ["rows"] = frame.RowCount, ["metrics"] = Json.Metrics(metrics) }));
            return 0;
        }
        var h = console.Human;
        h.MarkupLine($"[bold]{Markup.Escape(model.Metadata.ModelName ?? model.Final.ModelKind)}[/] on [bold]{Markup.Escape(Path.GetFileName(dataPath))}[/]: {frame.RowCount} rows");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, v) in metrics) table.AddRow(Markup.Escape(name), Format.Metric(v));
        h.Write(table);
        return 0;
    }
}
