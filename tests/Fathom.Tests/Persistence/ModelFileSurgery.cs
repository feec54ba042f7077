using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Fathom.Tests.Persistence;

/// <summary>Takes model files apart and puts them back together, to craft damaged or edited files in tests.</summary>
internal static class ModelFileSurgery
{
    public static Dictionary<string, byte[]> Unzip(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        var d = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            d[e.FullName] = m.ToArray();
        }
        return d;
    }

    public static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(data);
            }
        }
        return ms.ToArray();
    }

    public static JsonObject Manifest(byte[] file) => (JsonObject)JsonNode.Parse(Unzip(file)["manifest.json"])!;

    /// <summary>Replaces manifest.json; with <paramref name="fixHash"/> also writes the matching manifest.sha256
    /// (a consistent file that passes the integrity check), otherwise keeps the old hash (a tampered file).</summary>
    public static byte[] WithManifest(byte[] file, Action<JsonObject> edit, bool fixHash)
    {
        var entries = Unzip(file);
        var manifest = (JsonObject)JsonNode.Parse(entries["manifest.json"])!;
        edit(manifest);
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        entries["manifest.json"] = bytes;
        if (fixHash) entries["manifest.sha256"] = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        return Zip(entries);
    }

    /// <summary>Replaces one entry's bytes, leaving the manifest (and its hashes) as they were.</summary>
    public static byte[] WithEntry(byte[] file, string name, Func<byte[], byte[]> edit)
    {
        var entries = Unzip(file);
        entries[name] = edit(entries[name]);
        return Zip(entries);
    }

    public static byte[] FlipByte(byte[] data, int index)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= 0x5A;
        return copy;
    }
}
