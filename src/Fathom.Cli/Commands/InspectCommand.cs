using System.CommandLine;
using System.Text.Json.Nodes;
using Fathom.Cli.Output;
using Fathom.Compose;
using Fathom.Core;
using Fathom.Persistence;
using Spectre.Console;

namespace Fathom.Cli.Commands;

/// <summary><c>fathom inspect MODEL.fathom [--json]</c>: kind, hyperparameters, schema and learned state.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("MODEL") { Description = "A .fathom model file." };
        var json = CommonOptions.Json();
        var values = new Option<int>("--values") { Description = "Show learned arrays with at most this many values in full.", DefaultValueFactory = _ => 50 };
        var cmd = new Command("inspect", "Show what a model file holds: kind, hyperparameters, input schema, metrics and learned state.") { model, json, values };
        cmd.SetAction(parse => Run(console, parse.GetValue(model)!, parse.GetValue(json), parse.GetValue(values)));
        return cmd;
    }

    private static int Run(CliConsole console, string path, bool json, int maxValues)
    {
        var d = ModelInspector.Describe(path, Math.Max(0, maxValues));
        var explained = Explain(ModelFile.Load(path).Model);
        if (explained.Importances is not null)
            d["feature_importances"] = new JsonArray(explained.Importances
                .Select(t => (JsonNode)new JsonObject { ["feature"] = t.Feature, ["importance"] = Json.Number(t.Importance) }).ToArray());
        if (explained.Text is not null) d["tree_text"] = explained.Text;
        if (json)
        {
            console.Out.WriteLine(Json.Write(d));
            return 0;
        }
        var h = console.Human;
        var meta = d["metadata"] as JsonObject;
        h.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(path))}[/]: {Markup.Escape(meta?["model_name"]?.ToString() ?? d["model"]?["kind"]?.ToString() ?? "?")} " +
                     $"(format {d["format_version"]}, Fathom {Markup.Escape(d["library_version"]?.ToString() ?? "?")}, created {Markup.Escape(d["created_utc"]?.ToString() ?? "?")})");
        if (meta?["task"] is not null) h.MarkupLine($"task: {Markup.Escape(meta["task"]!.ToString())}, target: {Markup.Escape(meta["target"]?.ToString() ?? "?")}");
        if (meta?["input_schema"] is JsonArray schema)
        {
            var t = new Table().Border(TableBorder.Rounded).Title("input columns");
            t.AddColumn("column");
            t.AddColumn("kind");
            t.AddColumn("categories");
            foreach (var c in schema)
            {
                var cats = c!["categories"] as JsonArray;
                string catText = cats is null ? "" : string.Join(", ", cats.Take(8).Select(x => x!.ToString())) + (cats.Count > 8 ? $", … ({cats.Count})" : "");
                t.AddRow(Markup.Escape(c["name"]!.ToString()), Markup.Escape(c["kind"]!.ToString()), Markup.Escape(catText));
            }
            h.Write(t);
        }
        if (meta?["metrics"] is JsonObject metrics && metrics.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).Title("metrics recorded at training");
            t.AddColumn("metric");
            var sets = metrics.Select(kv => kv.Key).ToArray();
            foreach (var s in sets) t.AddColumn(new TableColumn(s).RightAligned());
            var names = metrics.SelectMany(kv => ((JsonObject)kv.Value!).Select(x => x.Key)).Distinct().ToArray();
            foreach (var n in names)
                t.AddRow(new[] { Markup.Escape(n) }.Concat(sets.Select(s => metrics[s]?[n] is JsonNode v ? Format.Metric(v.GetValue<double>()) : "")).ToArray());
            h.Write(t);
        }
        PrintNode(h, d["model"] as JsonObject, "model", 0);
        if (explained.Importances is not null)
        {
            var t = new Table().Border(TableBorder.Rounded).Title("feature importances");
            t.AddColumn("feature");
            t.AddColumn(new TableColumn("importance").RightAligned());
            foreach (var (feature, importance) in explained.Importances.Take(25)) t.AddRow(Markup.Escape(feature), Format.Metric(importance));
            if (explained.Importances.Count > 25) t.AddRow($"… {explained.Importances.Count - 25} more", "");
            h.Write(t);
        }
        if (explained.Text is not null)
        {
            h.MarkupLine("[bold]tree[/]");
            h.WriteLine(explained.Text);
        }
        return 0;
    }

    /// <summary>Importances (sorted, largest first) and a text export of the final model, named by the
    /// features it sees (a pipeline's encoded column names).</summary>
    private static (IReadOnlyList<(string Feature, double Importance)>? Importances, string? Text) Explain(IModel model)
    {
        var final = model is PipelineModel p ? p.Final : model;
        IReadOnlyList<string>? names = model is PipelineModel pm ? pm.FeatureNamesOut : null;
        if (names is not null && names.Count != final.FeatureCount) names = null;
        string Name(int j) => names?[j] ?? $"feature_{j}";
        var importances = final is IFeatureImportanceModel f
            ? f.FeatureImportances.Select((v, j) => (Name(j), v)).OrderByDescending(t => t.v).ThenBy(t => t.Item1, StringComparer.Ordinal).ToArray()
            : null;
        string? text = final is ITextExportModel t ? t.ExportText(names) : null;
        return (importances, text);
    }

    private static void PrintNode(IAnsiConsole h, JsonObject? node, string name, int depth)
    {
        if (node is null) return;
        string pad = new(' ', depth * 2);
        h.MarkupLine($"{pad}[bold]{Markup.Escape(name)}[/]: {Markup.Escape(node["kind"]?.ToString() ?? "?")}");
        if (node["hyperparameters"] is JsonObject hp && hp.Count > 0)
            h.MarkupLine($"{pad}  hyperparameters: " + Markup.Escape(string.Join(", ", hp.Select(kv => $"{kv.Key}={kv.Value?.ToString() ?? "none"}"))));
        if (node["properties"] is JsonObject props)
            foreach (var (k, v) in props)
                h.MarkupLine($"{pad}  {Markup.Escape(k)}: {Markup.Escape(Short(v?.ToJsonString() ?? "null"))}");
        if (node["arrays"] is JsonObject arrays)
            foreach (var (k, v) in arrays)
            {
                var a = (JsonObject)v!;
                string shape = a["shape"] is JsonArray s ? $"{s[0]}×{s[1]}" : $"{a["length"]}";
                string vals = a["values"] is JsonArray vs ? " = " + Short(vs.ToJsonString()) : "";
                h.MarkupLine($"{pad}  {Markup.Escape(k)} [grey]({shape})[/]{Markup.Escape(vals)}");
            }
        if (node["children"] is JsonObject children)
            foreach (var (k, v) in children) PrintNode(h, v as JsonObject, k, depth + 1);
    }

    private static string Short(string s) => s.Length <= 400 ? s : s[..400] + " …";
}
