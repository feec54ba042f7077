using System.Buffers.Binary;
using System.IO.Compression;
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
        var manifest = ModelFile.ReadManifest(path);
        manifest.Remove("entries");
        using var zip = ZipFile.OpenRead(path);
        if (manifest["model"] is JsonObject model) Inline(model, zip, maxValues);
        return manifest;
    }

    private static void Inline(JsonObject node, ZipArchive zip, int maxValues)
    {
        if (node["arrays"] is JsonObject arrays)
        {
            foreach (var (_, value) in arrays)
            {
                if (value is not JsonObject a) continue;
                int length = a["length"]?.GetValue<int>() ?? 0;
                string? entry = a["entry"]?.GetValue<string>();
                a.Remove("entry");
                if (length > maxValues || entry is null) continue;
                using var s = zip.GetEntry(entry)?.Open();
                if (s is null) continue;
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                var bytes = ms.ToArray();
                a["values"] = a["type"]?.GetValue<string>() switch
                {
                    "f64" => new JsonArray(Enumerable.Range(0, length).Select(i => (JsonNode?)Finite(BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * 8)))).ToArray()),
                    "i32" => new JsonArray(Enumerable.Range(0, length).Select(i => (JsonNode?)JsonValue.Create(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4)))).ToArray()),
                    _ => JsonNode.Parse(Encoding.UTF8.GetString(bytes)),
                };
            }
        }
        if (node["children"] is JsonObject children)
            foreach (var (_, child) in children)
                if (child is JsonObject c) Inline(c, zip, maxValues);
    }

    private static JsonValue? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}
