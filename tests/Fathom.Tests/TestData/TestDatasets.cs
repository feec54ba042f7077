using System.Globalization;
using Fathom.Numerics;

namespace Fathom.Tests.TestData;

/// <summary>A small table loaded for tests: numeric features, the target column as text, and names.</summary>
public sealed record TestDataset(string Name, Matrix X, string[] Target, string[] FeatureNames)
{
    /// <summary>The target parsed as numbers (regression datasets).</summary>
    public double[] TargetAsDoubles() =>
        Target.Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
}

/// <summary>
/// Finds the repository's <c>samples/</c> folder (walking up from the test binaries to the folder holding
/// <c>Fathom.slnx</c>) and loads small numeric CSV datasets from it. Tests never read /work/shared.
/// </summary>
public static class TestDatasets
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding Fathom.slnx).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>Full path of a file under <c>samples/</c>.</summary>
    public static string SamplePath(string fileName) => Path.Combine(RepositoryRoot, "samples", fileName);

    /// <summary>Full path of a file under <c>tests/Fathom.Tests/</c> (e.g. reference numbers).</summary>
    public static string TestFilePath(params string[] parts) =>
        Path.Combine([RepositoryRoot, "tests", "Fathom.Tests", .. parts]);

    /// <summary>Iris: 150 rows, 4 numeric features, target = species name.</summary>
    public static TestDataset Iris() => LoadCsv("iris.csv", "target");

    /// <summary>Diabetes: 442 rows, 10 numeric features, numeric target.</summary>
    public static TestDataset Diabetes() => LoadCsv("diabetes.csv", "target");

    /// <summary>Loads a CSV under samples/ whose columns are all numeric except possibly the target
    /// (simple comma-separated values, no quoting).</summary>
    public static TestDataset LoadCsv(string fileName, string targetColumn)
    {
        var lines = File.ReadAllLines(SamplePath(fileName)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        int t = Array.IndexOf(header, targetColumn);
        if (t < 0) throw new InvalidOperationException($"{fileName} has no column '{targetColumn}'.");
        var names = header.Where((_, j) => j != t).ToArray();
        var x = new Matrix(lines.Length - 1, names.Length);
        var target = new string[lines.Length - 1];
        for (int i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            int c = 0;
            for (int j = 0; j < f.Length; j++)
            {
                if (j == t) { target[i - 1] = f[j]; continue; }
                x[i - 1, c++] = f[j].Length == 0 ? double.NaN : double.Parse(f[j], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }
        return new TestDataset(Path.GetFileNameWithoutExtension(fileName), x, target, names);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fathom.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"Fathom.slnx not found above {AppContext.BaseDirectory}.");
    }
}
