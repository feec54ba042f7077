using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace Fathom.Persistence;

/// <summary>Describes a model file for people and tools (<c>fathom inspect</c>): the manifest, with the
/// values of small arrays inlined.</summary>
public static class ModelInspector
{
    /// <summary>The manifest of the model file at <paramref name="path"/> (checked as <see cref="ModelFile.Load"/>
    /// checks it) where every array of at most <paramref name="maxValues"/> values also lists its values.</summary>
    /// <exception cref="Core.ModelFormatException">The file is missing, damaged or of an unknown kind.</exception>
    public static JsonObject Describe(string path, int maxValues = 50)
    {
        // The entries come from the same single, verified read as the manifest (no second open of the file).
        var (manifest, entries) = ModelFile.ReadVerified(path);
        manifest.Remove("entries");
        if (manifest["model"] is JsonObject model) Inline(model, entries, maxValues);
        return manifest;
    }

    private static void Inline(JsonObject node, IReadOnlyDictionary<string, byte[]> entries, int maxValues)
    {
        if (node["arrays"] is JsonObject arrays)
        {
            foreach (var (_, value) in arrays)
            {
                if (value is not JsonObject a) continue;
                int length = a["length"] is JsonValue lv && lv.TryGetValue<int>(out int n) ? n : -1;
                string? entry = a["entry"] is JsonValue ev && ev.TryGetValue<string>(out var e) ? e : null;
                string? type = a["type"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : null;
                a.Remove("entry");
                if (length < 0 || length > maxValues || entry is null || !entries.TryGetValue(entry, out var bytes)) continue;
                // Arrays the model's reader never read were not checked against their length: skip any that do not fit.
                JsonNode? values = type switch
                {
                    "f64" when bytes.Length == length * 8 => new JsonArray(Enumerable.Range(0, length)
                        .Select(i => (JsonNode?)Finite(BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * 8)))).ToArray()),
                    "i32" when bytes.Length == length * 4 => new JsonArray(Enumerable.Range(0, length)
                        .Select(i => (JsonNode?)JsonValue.Create(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4)))).ToArray()),
                    "str" => ParseOrNull(bytes),
                    _ => null,
                };
                if (values is not null) a["values"] = values;
            }
        }
        if (node["children"] is JsonObject children)
            foreach (var (_, child) in children)
                if (child is JsonObject c) Inline(c, entries, maxValues);
    }

    private static JsonNode? ParseOrNull(byte[] bytes)
    {
        try { return JsonNode.Parse(bytes) as JsonArray; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static JsonValue? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}
