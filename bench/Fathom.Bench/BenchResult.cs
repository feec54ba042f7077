using System.Text.Encodings.Web;
using System.Text.Json;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Fathom.Bench;

/// <summary>One JSON line, in the shape anchors.py prints.</summary>
internal sealed record BenchResult(string Task, string System, double? FitSeconds, double? PredictSeconds,
    string Metric, double Value, JsonObject Params, JsonObject? Extra = null)
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson()
    {
        var o = new JsonObject
        {
            ["task"] = Task,
            ["system"] = System,
            ["fit_s"] = FitSeconds is double f ? Math.Round(f, 4) : null,
            ["predict_s"] = PredictSeconds is double p ? Math.Round(p, 4) : null,
            ["metric"] = Metric,
            ["value"] = double.Parse(Value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            ["params"] = Params,
            ["extra"] = Extra ?? new JsonObject(),
        };
        return o.ToJsonString(RelaxedJson);
    }
}
