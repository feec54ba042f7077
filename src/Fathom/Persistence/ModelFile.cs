using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;

namespace Fathom.Persistence;

/// <summary>
/// Saves and loads the one model format, <c>*.fathom</c>: a zip holding <c>manifest.json</c> (format
/// version, model kind, hyperparameters, properties, input schema, metrics, library version and the
/// SHA-256 of every data entry), <c>manifest.sha256</c> (the SHA-256 of the manifest itself) and
/// little-endian binary arrays under <c>data/</c>. Saving is atomic: the file is written to a temporary
/// name beside the target and renamed, so a failed save never leaves a half-written model.
/// </summary>
public static class ModelFile
{
    /// <summary>The format version this library writes. Files of this or an older version load.</summary>
    public const int FormatVersion = 1;

    private const string FormatName = "fathom-model";
    private const string ManifestEntry = "manifest.json";
    private const string ManifestHashEntry = "manifest.sha256";

    /// <summary>The library version written into manifests.</summary>
    public static string LibraryVersion { get; } =
        typeof(ModelFile).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Saves <paramref name="model"/> to <paramref name="path"/> atomically (replacing any file there).</summary>
    /// <exception cref="FathomException">The folder does not exist or cannot be written.</exception>
    public static void Save(IModel model, string path, ModelMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Serialize(model, metadata);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir))
            throw new FathomException($"Cannot save the model to '{path}': folder '{dir}' does not exist.");
        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + ".tmp" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new FathomException($"Cannot save the model to '{path}': {e.Message}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The bytes of a <c>.fathom</c> file for <paramref name="model"/> (what <see cref="Save"/> writes).</summary>
    public static byte[] Serialize(IModel model, ModelMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var root = new ModelWriter(entries, "", model.ModelKind);
        model.WriteTo(root);

        var hashes = new JsonObject();
        foreach (var (name, data) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            hashes[name] = Sha256(data);
        var manifest = new JsonObject
        {
            ["format"] = FormatName,
            ["format_version"] = FormatVersion,
            ["library_version"] = LibraryVersion,
            ["created_utc"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["feature_count"] = model.FeatureCount,
            ["model"] = root.Node,
            ["metadata"] = MetadataToJson(metadata ?? new ModelMetadata()),
            ["entries"] = hashes,
        };
        byte[] manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString(ModelWriter.JsonOptions));

        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ManifestEntry, manifestBytes);
            Add(zip, ManifestHashEntry, Encoding.ASCII.GetBytes(Sha256(manifestBytes)));
            foreach (var (name, data) in entries.OrderBy(e => e.Key, StringComparer.Ordinal)) Add(zip, name, data);
        }
        return ms.ToArray();
    }

    /// <summary>Loads a model file.</summary>
    /// <exception cref="ModelFormatException">Missing, truncated, corrupted or tampered file; unknown model
    /// kind; newer format version.</exception>
    public static LoadedModel Load(string path)
    {
        var bytes = ReadFile(path);
        try { return Deserialize(bytes); }
        catch (ModelFormatException e) { throw new ModelFormatException($"'{path}': {e.Message}", e); }
    }

    /// <summary>Loads a model from the bytes of a <c>.fathom</c> file.</summary>
    /// <exception cref="ModelFormatException">Truncated, corrupted or tampered bytes; unknown model kind;
    /// newer format version.</exception>
    public static LoadedModel Deserialize(byte[] bytes) => Read(bytes, ModelKinds.Table).Model;

    /// <summary>As <see cref="Deserialize(byte[])"/> with another allow-list (tests use it to watch which readers run).</summary>
    internal static LoadedModel Deserialize(byte[] bytes, IReadOnlyDictionary<string, Func<ModelReader, IModel>> readers) =>
        Read(bytes, readers).Model;

    /// <summary>The manifest of a model file as JSON (for <c>fathom inspect</c>), after the same integrity
    /// checks as <see cref="Load"/> (the file is read once, so what is checked is what is returned).</summary>
    /// <exception cref="ModelFormatException">As for <see cref="Load"/>.</exception>
    public static JsonObject ReadManifest(string path) => ReadVerified(path).Manifest;

    /// <summary>The manifest and the unpacked entries of a model file, after every check of <see cref="Load"/>
    /// (from one read of the file, so what was checked is what is returned).</summary>
    /// <exception cref="ModelFormatException">As for <see cref="Load"/>.</exception>
    internal static (JsonObject Manifest, IReadOnlyDictionary<string, byte[]> Entries) ReadVerified(string path)
    {
        var bytes = ReadFile(path);
        try
        {
            var (_, manifest, entries) = Read(bytes, ModelKinds.Table);
            return (manifest, entries);
        }
        catch (ModelFormatException e) { throw new ModelFormatException($"'{path}': {e.Message}", e); }
    }

    /// <summary>Largest total size of the unpacked entries of a model file (guards against zip bombs).</summary>
    internal const long MaxUnpackedBytes = 1L << 31;

    private static (LoadedModel Model, JsonObject Manifest, Dictionary<string, byte[]> Entries) Read(byte[] bytes, IReadOnlyDictionary<string, Func<ModelReader, IModel>> readers)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) throw Damaged("the file is empty");
        var entries = Unpack(bytes);

        if (!entries.TryGetValue(ManifestEntry, out var manifestBytes)) throw Damaged("manifest.json is missing");
        if (!entries.TryGetValue(ManifestHashEntry, out var manifestHash)) throw Damaged("manifest.sha256 is missing");
        if (Encoding.ASCII.GetString(manifestHash).Trim() != Sha256(manifestBytes))
            throw Damaged("manifest.json does not match its SHA-256 (the file was edited or corrupted)");

        JsonObject manifest;
        int version;
        string libVersion;
        JsonObject hashes, modelNode;
        int? featureCount;
        DateTimeOffset? created;
        try
        {
            manifest = JsonNode.Parse(manifestBytes) as JsonObject ?? throw Damaged("manifest.json is not a JSON object");
            if (Text(manifest, "format") != FormatName) throw Damaged("manifest.json does not describe a Fathom model");
            version = manifest["format_version"] is JsonValue fv && fv.TryGetValue<int>(out int v) ? v
                : throw Damaged("the format version is missing or not an integer");
            libVersion = Text(manifest, "library_version") ?? "unknown";
            if (version > FormatVersion)
                throw new ModelFormatException(
                    $"The model file has format version {version}, written by Fathom {libVersion}; this Fathom ({LibraryVersion}) reads format versions up to {FormatVersion}. Upgrade Fathom to load it.");
            if (version < 1) throw Damaged($"format version {version} is not valid");

            hashes = manifest["entries"] as JsonObject ?? throw Damaged("the entry list is missing");
            foreach (var name in entries.Keys)
            {
                if (name is ManifestEntry or ManifestHashEntry) continue;
                if (!hashes.ContainsKey(name)) throw Damaged($"entry '{name}' is not listed in the manifest");
            }
            foreach (var (name, hash) in hashes)
            {
                if (!entries.TryGetValue(name, out var data)) throw Damaged($"entry '{name}' is missing");
                if (!(hash is JsonValue hv && hv.TryGetValue<string>(out var h)) || h != Sha256(data))
                    throw Damaged($"entry '{name}' does not match its SHA-256");
            }
            modelNode = manifest["model"] as JsonObject ?? throw Damaged("the model description is missing");
            featureCount = manifest["feature_count"] is JsonValue fc && fc.TryGetValue<int>(out int f) ? f : null;
            created = DateTimeOffset.TryParse(Text(manifest, "created_utc"), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var c) ? c : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            // Malformed JSON, duplicate keys, or a value of the wrong JSON type.
            throw Damaged("manifest.json is malformed", e);
        }

        IModel model;
        try { model = ModelKinds.Load(new ModelReader(entries, modelNode, readers)); }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or OverflowException
                                      or IndexOutOfRangeException or ArgumentException or InvalidCastException
                                      or NullReferenceException or InvalidInputException or InvalidHyperparameterException
                                      or JsonException)
        {
            throw Damaged("the model description is malformed", e);
        }
        if (featureCount is int want && want != model.FeatureCount)
            throw Damaged($"the manifest says {want} features but the model has {model.FeatureCount}");
        var loaded = new LoadedModel(model, MetadataFromJson(manifest["metadata"] as JsonObject), version, libVersion, created);
        return (loaded, manifest, entries);
    }

    private static Dictionary<string, byte[]> Unpack(byte[] bytes)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var buffer = new byte[81920];
            foreach (var e in zip.Entries)
            {
                if (e.Length < 0 || e.Length > MaxUnpackedBytes - total) throw Damaged($"entry '{e.FullName}' is too large");
                using var s = e.Open();
                using var copy = new MemoryStream((int)Math.Min(e.Length, 1 << 20));
                int read;
                while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxUnpackedBytes) throw Damaged($"entry '{e.FullName}' is too large");
                    copy.Write(buffer, 0, read);
                }
                if (copy.Length != e.Length) throw Damaged($"entry '{e.FullName}' is truncated");
                if (!entries.TryAdd(e.FullName, copy.ToArray())) throw Damaged($"entry '{e.FullName}' appears twice");
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            throw Damaged("it is not a readable zip archive (truncated or corrupted)", e);
        }
        return entries;
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static byte[] ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new ModelFormatException($"Model file '{path}' does not exist.");
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"Cannot read model file '{path}': {e.Message}", e);
        }
    }

    private static JsonObject MetadataToJson(ModelMetadata m)
    {
        var o = new JsonObject
        {
            ["model_name"] = m.ModelName,
            ["target"] = m.Target,
            ["task"] = m.Task,
        };
        if (m.InputSchema is not null)
            o["input_schema"] = new JsonArray(m.InputSchema.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["kind"] = c.Kind.ToString().ToLowerInvariant(),
                ["categories"] = c.Categories is null ? null : new JsonArray(c.Categories.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()),
            }).ToArray());
        if (m.Metrics is not null)
        {
            var metrics = new JsonObject();
            foreach (var (set, values) in m.Metrics)
            {
                var inner = new JsonObject();
                foreach (var (k, v) in values) inner[k] = double.IsFinite(v) ? v : null;
                metrics[set] = inner;
            }
            o["metrics"] = metrics;
        }
        return o;
    }

    private static ModelMetadata MetadataFromJson(JsonObject? o)
    {
        if (o is null) return new ModelMetadata();
        try
        {
            List<ColumnSchema>? schema = null;
            if (o["input_schema"] is JsonArray arr)
                schema = arr.Select(n => new ColumnSchema(
                    n!["name"]!.GetValue<string>(),
                    Enum.Parse<ColumnKind>(n["kind"]!.GetValue<string>(), ignoreCase: true),
                    (n["categories"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToArray())).ToList();
            Dictionary<string, IReadOnlyDictionary<string, double>>? metrics = null;
            if (o["metrics"] is JsonObject mo)
                metrics = mo.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)((JsonObject)kv.Value!)
                    .ToDictionary(x => x.Key, x => x.Value?.GetValue<double>() ?? double.NaN));
            return new ModelMetadata
            {
                ModelName = o["model_name"]?.GetValue<string>(),
                Target = o["target"]?.GetValue<string>(),
                Task = o["task"]?.GetValue<string>(),
                InputSchema = schema,
                Metrics = metrics,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or InvalidCastException or FormatException)
        {
            throw Damaged("the metadata is malformed", e);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] data)
    {
        var e = zip.CreateEntry(name, CompressionLevel.Fastest);
        e.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var s = e.Open();
        s.Write(data);
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static ModelFormatException Damaged(string what, Exception? inner = null)
    {
        string msg = $"The model file is damaged or was not written by Fathom: {what}.";
        return inner is null ? new ModelFormatException(msg) : new ModelFormatException(msg, inner);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
