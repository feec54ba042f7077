using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Persistence;

/// <summary>
/// Collects one model's state for <see cref="ModelFile.Save"/>: small values go into the manifest as JSON
/// properties, arrays become little-endian binary entries of the zip. Nested models (pipeline steps) get a
/// child writer whose entries live under the parent's path.
/// </summary>
public sealed class ModelWriter
{
    private readonly Dictionary<string, byte[]> _entries;
    private readonly string _path;

    internal ModelWriter(Dictionary<string, byte[]> entries, string path, string kind)
    {
        _entries = entries;
        _path = path;
        Node = new JsonObject { ["kind"] = kind };
    }

    /// <summary>The JSON node this model writes into the manifest (kind, properties, arrays, children).</summary>
    internal JsonObject Node { get; }

    /// <summary>Stores a small value (number, text, bool, array of those) under <paramref name="key"/>.
    /// Non-finite doubles are stored as the strings "NaN", "Infinity" and "-Infinity".</summary>
    public void SetProperty(string key, JsonNode? value) => Properties()[key] = value;

    /// <summary>Stores the estimator's declared hyperparameters (see <see cref="Hyperparameters"/>).</summary>
    public void WriteHyperparameters(object estimator)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in Hyperparameters.GetValues(estimator))
            obj[key] = value is null ? null : JsonValue.Create(HyperparameterInfo.FormatValue(value));
        Node["hyperparameters"] = obj;
    }

    /// <summary>Stores an array of doubles as 8-byte little-endian IEEE values.</summary>
    public void WriteDoubles(string name, ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        AddEntry(name, "f64", values.Length, bytes);
    }

    /// <summary>Stores an array of 32-bit integers, little-endian.</summary>
    public void WriteInts(string name, ReadOnlySpan<int> values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        AddEntry(name, "i32", values.Length, bytes);
    }

    /// <summary>Stores a list of strings (null allowed) as a UTF-8 JSON array entry.</summary>
    public void WriteStrings(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var arr = new JsonArray(values.Select(v => (JsonNode?)(v is null ? null : JsonValue.Create(v))).ToArray());
        AddEntry(name, "str", values.Count, Encoding.UTF8.GetBytes(arr.ToJsonString()));
    }

    /// <summary>Stores a matrix: its shape and its values row by row.</summary>
    public void WriteMatrix(string name, Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var values = matrix.IsContiguous ? matrix.AsSpan() : matrix.Clone().AsSpan();
        WriteDoubles(name, values);
        ((JsonObject)Node["arrays"]![name]!)["shape"] = new JsonArray(matrix.Rows, matrix.Columns);
    }

    /// <summary>Writes a nested model (a pipeline step, an ensemble member) under <paramref name="name"/>.</summary>
    public void WriteModel(string name, IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckName(name);
        var children = Node["children"] as JsonObject ?? (JsonObject)(Node["children"] = new JsonObject());
        if (children.ContainsKey(name)) throw new InvalidOperationException($"Model entry '{name}' was written twice.");
        var child = new ModelWriter(_entries, _path + name + "/", model.ModelKind);
        model.WriteTo(child);
        children[name] = child.Node;
    }

    private JsonObject Properties() =>
        Node["properties"] as JsonObject ?? (JsonObject)(Node["properties"] = new JsonObject());

    private void AddEntry(string name, string type, int length, byte[] bytes)
    {
        CheckName(name);
        string entry = "data/" + _path + name + ".bin";
        if (!_entries.TryAdd(entry, bytes)) throw new InvalidOperationException($"Array '{name}' was written twice.");
        var arrays = Node["arrays"] as JsonObject ?? (JsonObject)(Node["arrays"] = new JsonObject());
        arrays[name] = new JsonObject { ["entry"] = entry, ["type"] = type, ["length"] = length };
    }

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (char c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                throw new ArgumentException($"Entry name '{name}' may use only letters, digits, '_', '-' and '.'.", nameof(name));
    }

    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        // NaN and ±infinity are written as "NaN", "Infinity", "-Infinity" (ModelReader.GetDouble reads them back).
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
