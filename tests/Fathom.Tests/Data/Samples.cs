namespace Fathom.Tests.Data;

/// <summary>Finds files under the repository's samples/ folder and the Data/Reference folder.</summary>
internal static class Samples
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Fathom.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Fathom.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Path(string file) => System.IO.Path.Combine(Root.Value, "samples", file);

    public static string Reference(string file) => System.IO.Path.Combine(Root.Value, "tests", "Fathom.Tests", "Data", "Reference", file);
}
