using System.Globalization;
using System.Text.Json;
using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Tests.Preprocessing;

/// <summary>Test-only helpers: a tiny CSV loader (until the real CsvReader lands), the sklearn reference files,
/// and comparisons.</summary>
internal static class PrepTestData
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fathom.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Fathom.slnx not found above the test folder.");
    });

    public static string Root => RootDir.Value;

    public static DataFrame Sample(string file) => ReadCsv(Path.Combine(Root, "samples", file));

    /// <summary>Minimal CSV reader: no quoting (the sample files have none), empty field = missing; a column is
    /// numeric if every present value parses as a number, a date if every one parses as yyyy-MM-dd[ HH:mm[:ss]],
    /// else text.</summary>
    public static DataFrame ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var cols = new List<DataColumn>();
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        var ci = CultureInfo.InvariantCulture;
        for (int j = 0; j < header.Length; j++)
        {
            var raw = rows.Select(r => r[j].Length == 0 ? null : r[j]).ToArray();
            var present = raw.Where(v => v is not null).ToArray();
            if (present.All(v => double.TryParse(v, NumberStyles.Float, ci, out _)))
                cols.Add(new NumericColumn(header[j], raw.Select(v => v is null ? double.NaN : double.Parse(v, NumberStyles.Float, ci)).ToArray()));
            else if (present.All(v => DateTime.TryParseExact(v, formats, ci, DateTimeStyles.None, out _)))
                cols.Add(new DateTimeColumn(header[j], raw.Select(v => v is null ? (DateTime?)null : DateTime.ParseExact(v, formats, ci, DateTimeStyles.None)).ToArray()));
            else
                cols.Add(new TextColumn(header[j], raw));
        }
        return new DataFrame(cols);
    }

    private static readonly Dictionary<string, JsonDocument> Docs = new();

    public static JsonElement Reference(string area, string file, string key)
    {
        string path = Path.Combine(Root, "tests", "Fathom.Tests", area, "Reference", file);
        JsonDocument doc;
        lock (Docs)
        {
            if (!Docs.TryGetValue(path, out doc!)) Docs[path] = doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        return doc.RootElement.GetProperty(key);
    }

    public static JsonElement Prep(string key) => Reference("Preprocessing", "preprocessing.json", key);

    /// <summary>A case of transformers.json (make_transformers.py).</summary>
    public static JsonElement Trans(string key) => Reference("Preprocessing", "transformers.json", key);

    public static DataFrame Iris => Sample("iris.csv").Drop("target");

    public static DataFrame Penguins => Sample("penguins.csv").Select("Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)");

    public static DataFrame Diabetes => Sample("diabetes.csv").Drop("target");

    public static JsonElement ComposeRef(string key) => Reference("Compose", "compose.json", key);

    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    public static double[] Values(JsonElement e) => Vector(e.GetProperty("values"));

    public static string[] Names(JsonElement e) => e.GetProperty("names").EnumerateArray().Select(v => v.GetString()!).ToArray();

    public static double[][] Columns(JsonElement e) => e.GetProperty("columns").EnumerateArray().Select(Vector).ToArray();

    /// <summary>Asserts equal lengths and |a − b| ≤ tol·max(1, |b|) elementwise, NaN matching NaN.</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tol = 1e-10, string what = "")
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e)) { Assert.True(double.IsNaN(a), $"{what}[{i}]: expected NaN, got {a}"); continue; }
            Assert.True(Math.Abs(e - a) <= tol * Math.Max(1.0, Math.Abs(e)), $"{what}[{i}]: expected {e:R}, got {a:R}");
        }
    }

    /// <summary>Asserts a frame of numeric columns equals a reference case (values; names too when asked).</summary>
    public static void AssertFrame(JsonElement reference, DataFrame actual, bool checkNames = true, double tol = 1e-10)
    {
        var cols = Columns(reference);
        Assert.Equal(cols.Length, actual.ColumnCount);
        if (checkNames) Assert.Equal(Names(reference), actual.ColumnNames);
        for (int j = 0; j < cols.Length; j++)
            AssertClose(cols[j], ((NumericColumn)actual[j]).Values.ToArray(), tol, actual[j].Name);
    }

    /// <summary>Saves and reloads a model through the real file format.</summary>
    public static T RoundTrip<T>(T model) where T : IModel
    {
        var bytes = ModelFile.Serialize(model);
        var loaded = ModelFile.Deserialize(bytes).Model;
        return Assert.IsType<T>(loaded);
    }

    /// <summary>Saves and reloads a transformer model through the real file format (same concrete type back).</summary>
    public static ITransformerModel Reload(ITransformerModel model)
    {
        var loaded = ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.GetType(), loaded.GetType());
        return (ITransformerModel)loaded;
    }

    /// <summary>Asserts two frames are identical (names, kinds, values; NaN equal to NaN).</summary>
    public static void AssertSameFrame(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (int j = 0; j < expected.ColumnCount; j++)
        {
            Assert.Equal(expected[j].Kind, actual[j].Kind);
            for (int i = 0; i < expected.RowCount; i++) Assert.Equal(expected[j].Format(i), actual[j].Format(i));
        }
    }
}
