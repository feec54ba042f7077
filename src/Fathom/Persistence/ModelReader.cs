using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Persistence;

/// <summary>
/// Reads back what a <see cref="ModelWriter"/> stored. Every accessor checks that the entry exists and has
/// the expected type; a missing or malformed entry is a <see cref="ModelFormatException"/>.
/// </summary>
public sealed class ModelReader
{
    private readonly IReadOnlyDictionary<string, byte[]> _entries;
    private readonly JsonObject _node;
    private readonly IReadOnlyDictionary<string, Func<ModelReader, IModel>> _readers;

    internal ModelReader(IReadOnlyDictionary<string, byte[]> entries, JsonObject node,
        IReadOnlyDictionary<string, Func<ModelReader, IModel>>? readers = null)
    {
        _entries = entries;
        _node = node;
        _readers = readers ?? ModelKinds.Table;
    }

    /// <summary>The allow-list nested models are loaded through (normally <see cref="ModelKinds"/>').</summary>
    internal IReadOnlyDictionary<string, Func<ModelReader, IModel>> Readers => _readers;

    /// <summary>The model kind of this node.</summary>
    public string Kind => _node["kind"]?.GetValue<string>() ?? throw Corrupt("a model without a kind");

    /// <summary>A property written with <see cref="ModelWriter.SetProperty"/>.</summary>
    public JsonNode? GetProperty(string key)
    {
        var props = _node["properties"] as JsonObject;
        if (props is null || !props.ContainsKey(key)) throw Corrupt($"property '{key}' of a {Kind} model is missing");
        return props[key];
    }

    /// <summary>Whether a property was written (for properties added in later versions, absent from older files).</summary>
    public bool HasProperty(string key) => (_node["properties"] as JsonObject)?.ContainsKey(key) == true;

    /// <summary>A property as a number.</summary>
    /// <remarks>NaN and ±infinity, which JSON cannot hold as numbers, are read back from the strings
    /// "NaN", "Infinity" and "-Infinity" that <see cref="ModelWriter.SetProperty"/> writes for them.</remarks>
    public double GetDouble(string key) => Read(key, n =>
        n is JsonValue v && v.TryGetValue<string>(out var s)
            ? s switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => throw new FormatException(),
            }
            : n!.GetValue<double>());

    /// <summary>A property as an integer.</summary>
    public int GetInt(string key) => Read(key, n => n!.GetValue<int>());

    /// <summary>A property as text (may be null).</summary>
    public string? GetString(string key) => Read(key, n => n?.GetValue<string>());

    /// <summary>A property as a boolean.</summary>
    public bool GetBool(string key) => Read(key, n => n!.GetValue<bool>());

    /// <summary>
    /// A new estimator of type <typeparamref name="T"/> with the stored hyperparameters (parsed back through
    /// <see cref="Hyperparameters.With"/>, so only declared hyperparameters are set).
    /// </summary>
    /// <remarks>A null value is restored as null and text hyperparameters are restored verbatim (so a
    /// text value "none" stays "none"); other values are parsed as the command line parses them, and the
    /// result is validated.</remarks>
    public T ReadHyperparameters<T>() where T : class, new()
    {
        var obj = _node["hyperparameters"] as JsonObject ?? throw Corrupt($"the hyperparameters of a {Kind} model are missing");
        var infos = Hyperparameters.Describe(typeof(T));
        var parsed = new List<KeyValuePair<string, string>>();
        var direct = new List<(HyperparameterInfo Info, object? Value)>();
        foreach (var (key, node) in obj)
        {
            var info = infos.FirstOrDefault(i => i.Key == key)
                ?? throw new ModelFormatException(
                    $"The model file stores hyperparameter '{key}', which a {typeof(T).Name} does not have; the file may come from a newer version of Fathom.");
            if (node is null)
            {
                if (info.Type.IsValueType && Nullable.GetUnderlyingType(info.Type) is null)
                    throw Corrupt($"hyperparameter '{key}' of a {Kind} model is null but cannot be");
                direct.Add((info, null));
                continue;
            }
            string text = node is JsonValue v && v.TryGetValue<string>(out var str) ? str : node.ToJsonString();
            if (info.Type == typeof(string)) direct.Add((info, text));
            else parsed.Add(new KeyValuePair<string, string>(key, text));
        }
        try
        {
            var estimator = Hyperparameters.With(new T(), parsed);
            foreach (var (info, value) in direct) info.Property.SetValue(estimator, value);
            Hyperparameters.Validate(estimator);
            return estimator;
        }
        catch (InvalidHyperparameterException e) { throw new ModelFormatException($"The model file's hyperparameters are invalid: {e.Message}", e); }
    }

    /// <summary>An array of doubles; <paramref name="expectedLength"/> (when given) is checked.</summary>
    public double[] ReadDoubles(string name, int? expectedLength = null)
    {
        var bytes = Entry(name, "f64", 8, expectedLength, out int n);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * 8));
        return v;
    }

    /// <summary>An array of 32-bit integers; <paramref name="expectedLength"/> (when given) is checked.</summary>
    public int[] ReadInts(string name, int? expectedLength = null)
    {
        var bytes = Entry(name, "i32", 4, expectedLength, out int n);
        var v = new int[n];
        for (int i = 0; i < n; i++) v[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4));
        return v;
    }

    /// <summary>A list of strings (null entries allowed).</summary>
    public string?[] ReadStrings(string name, int? expectedLength = null)
    {
        var bytes = Entry(name, "str", 0, expectedLength, out int n);
        try
        {
            var arr = JsonNode.Parse(bytes) as JsonArray ?? throw Corrupt($"array '{name}' is not a list of strings");
            if (arr.Count != n) throw Corrupt($"array '{name}' holds {arr.Count} strings, the manifest says {n}");
            return arr.Select(x => x?.GetValue<string>()).ToArray();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw Corrupt($"array '{name}' is not a list of strings");
        }
    }

    /// <summary>A matrix written with <see cref="ModelWriter.WriteMatrix"/>.</summary>
    public Matrix ReadMatrix(string name)
    {
        var shape = Array(name)["shape"] as JsonArray ?? throw Corrupt($"matrix '{name}' has no shape");
        int rows = shape[0]!.GetValue<int>(), cols = shape[1]!.GetValue<int>();
        if (rows < 0 || cols < 0) throw Corrupt($"matrix '{name}' has a negative shape");
        return new Matrix(ReadDoubles(name, checked(rows * cols)), rows, cols);
    }

    /// <summary>True when a nested model of that name was written.</summary>
    public bool HasModel(string name) => (_node["children"] as JsonObject)?.ContainsKey(name) == true;

    /// <summary>A nested model written with <see cref="ModelWriter.WriteModel"/>, loaded through the
    /// <see cref="ModelKinds"/> allow-list.</summary>
    public IModel ReadModel(string name)
    {
        var child = (_node["children"] as JsonObject)?[name] as JsonObject
            ?? throw Corrupt($"nested model '{name}' of a {Kind} model is missing");
        return ModelKinds.Load(new ModelReader(_entries, child, _readers));
    }

    /// <summary>A nested model of a known type.</summary>
    public T ReadModel<T>(string name) where T : IModel =>
        ReadModel(name) is T t ? t : throw Corrupt($"nested model '{name}' is not a {typeof(T).Name}");

    private T Read<T>(string key, Func<JsonNode?, T> get)
    {
        var node = GetProperty(key);
        try { return get(node); }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw Corrupt($"property '{key}' of a {Kind} model has the wrong type");
        }
    }

    private JsonObject Array(string name) =>
        (_node["arrays"] as JsonObject)?[name] as JsonObject ?? throw Corrupt($"array '{name}' of a {Kind} model is missing");

    private byte[] Entry(string name, string type, int width, int? expectedLength, out int length)
    {
        var a = Array(name);
        if (a["type"]?.GetValue<string>() != type) throw Corrupt($"array '{name}' is not of type {type}");
        length = a["length"]?.GetValue<int>() ?? -1;
        string entry = a["entry"]?.GetValue<string>() ?? "";
        if (!_entries.TryGetValue(entry, out var bytes)) throw Corrupt($"entry '{entry}' is missing");
        if (length < 0 || (width > 0 && bytes.Length != (long)length * width))
            throw Corrupt($"array '{name}' has {bytes.Length} bytes, which does not fit its declared length {length}");
        if (expectedLength is int want && want != length)
            throw Corrupt($"array '{name}' has {length} values where {want} are needed");
        return bytes;
    }

    private ModelFormatException Corrupt(string what) =>
        new($"The model file is damaged or was not written by Fathom: {what}.");
}
