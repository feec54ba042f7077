using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Numerics;

namespace Fathom.Tests.Linear;

/// <summary>Finds the repository's samples and reference files (walking up to Fathom.slnx) and reads them.</summary>
internal static class LinearTestData
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fathom.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cannot find the folder holding Fathom.slnx.");
        }
    }

    /// <summary>A samples/*.csv file with a "target" column: numeric features and the target as text.</summary>
    public static (Matrix X, string[] Target) LoadSample(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "samples", file));
        var header = lines[0].Split(',');
        int t = Array.IndexOf(header, "target");
        var rows = new List<double[]>();
        var target = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            target.Add(parts[t]);
            rows.Add(parts.Where((_, j) => j != t).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        }
        return (Matrix.FromRows(rows), target.ToArray());
    }

    /// <summary>(x − mean) / std column by column, population std, fitted on all rows.</summary>
    public static Matrix Standardize(Matrix x)
    {
        var z = x.Clone();
        for (int j = 0; j < x.Columns; j++)
        {
            var col = x.Column(j);
            double mean = col.Sum() / col.Length;
            double var = col.Select(v => (v - mean) * (v - mean)).Sum() / col.Length;
            double sd = Math.Sqrt(var);
            for (int i = 0; i < x.Rows; i++) z[i, j] = (x[i, j] - mean) / sd;
        }
        return z;
    }

    /// <summary>A JSON file under tests/Fathom.Tests/&lt;area&gt;/Reference/.</summary>
    public static JsonNode Reference(string area, string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "tests", "Fathom.Tests", area, "Reference", file)))!;

    public static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    public static double[][] Rows(JsonNode? node) => node!.AsArray().Select(Doubles).ToArray();
}
