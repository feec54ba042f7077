using Fathom.Numerics;
using System.CommandLine;
using Fathom.Cli.Output;
using Fathom.Cli.Training;
using Fathom.Core;
using Fathom.Data;

namespace Fathom.Cli.Commands;

/// <summary><c>fathom predict MODEL.fathom DATA.csv [--out PRED.csv] [--proba]</c>.</summary>
internal static class PredictCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("MODEL") { Description = "A .fathom model file (from 'fathom train --out')." };
        var data = new Argument<string>("DATA") { Description = "CSV file with the model's input columns (extra columns and any order are fine)." };
        var outPath = new Option<string?>("--out", "-o") { Description = "Write predictions to this CSV file instead of standard output." };
        var proba = new Option<bool>("--proba") { Description = "Also write one probability column per class (classifiers only)." };
        var cmd = new Command("predict", "Predict the target for every row of a CSV file.") { model, data, outPath, proba };
        cmd.SetAction(parse => Run(console, parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(outPath), parse.GetValue(proba)));
        return cmd;
    }

    private static int Run(CliConsole console, string modelPath, string dataPath, string? outPath, bool proba)
    {
        var model = LoadedTableModel.Open(modelPath);
        if (proba && !model.IsClassifier)
            throw new InvalidInputException("--proba needs a classifier; this model predicts numbers.");
        if (outPath is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(outPath))))
            throw new InvalidInputException($"Cannot write predictions to '{outPath}': its folder does not exist.");
        var frame = CommonOptions.ReadForModel(dataPath, model.Metadata);
        var x = model.Features(frame);
        string name = model.Metadata.Target ?? "prediction";
        var columns = new List<DataColumn>();
        if (model.Final is IClassificationModel c)
        {
            var p = c.PredictProba(x);
            var predicted = Array.ConvertAll(Reductions.RowArgMax(p), k => (string?)c.Classes[k]);
            columns.Add(new TextColumn(name, predicted));
            if (proba)
                for (int k = 0; k < c.Classes.Count; k++) columns.Add(new NumericColumn($"proba_{c.Classes[k]}", p.Column(k)));
        }
        else
        {
            columns.Add(new NumericColumn(name, ((IRegressionModel)model.Final).Predict(x)));
        }
        var result = new DataFrame(columns);
        if (outPath is null) CsvWriter.Write(result, console.Out);
        else
        {
            CsvWriter.Write(result, outPath);
            console.Error.WriteLine($"wrote {result.RowCount} predictions to {outPath}");
        }
        return 0;
    }
}
