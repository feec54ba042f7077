using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fathom.Cli.Output;

/// <summary>JSON helpers for <c>--json</c> output: one object, numbers as numbers, NaN as null.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Metrics(IReadOnlyDictionary<string, double>? metrics)
    {
        var o = new JsonObject();
        if (metrics is null) return o;
        foreach (var (k, v) in metrics) o[k] = Number(v);
        return o;
    }

    public static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 10)) : null;

    public static string Write(JsonNode node) => node.ToJsonString(Options);
}
