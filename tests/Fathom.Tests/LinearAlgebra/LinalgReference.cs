using System.Text.Json;
using Fathom.Numerics;

namespace Fathom.Tests.LinearAlgebra;

/// <summary>Loads Reference/linalg_reference.json (made by Reference/make_reference.py) from the source tree.</summary>
internal static class LinalgReference
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fathom.slnx"))) dir = dir.Parent;
        var path = Path.Combine(dir!.FullName, "tests", "Fathom.Tests", "LinearAlgebra", "Reference", "linalg_reference.json");
        return JsonDocument.Parse(File.ReadAllText(path));
    });

    public static JsonElement Case(string name) => Doc.Value.RootElement.GetProperty(name);

    public static Matrix M(JsonElement e) =>
        Matrix.FromRows(e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray());

    public static double[] V(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static void Close(Matrix expected, Matrix actual, double tol)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns, actual.Columns);
        for (int i = 0; i < expected.Rows; i++)
            for (int j = 0; j < expected.Columns; j++)
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) <= tol * (1 + Math.Abs(expected[i, j])),
                    $"({i},{j}): expected {expected[i, j]}, got {actual[i, j]}");
    }

    public static void Close(double[] expected, ReadOnlySpan<double> actual, double tol)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * (1 + Math.Abs(expected[i])), $"[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    public static Matrix Random(int m, int n, long seed)
    {
        var r = new Fathom.Core.RandomSource(seed);
        var a = new Matrix(m, n);
        for (int i = 0; i < a.Storage.Length; i++) a.Storage[i] = r.NextGaussian();
        return a;
    }

    public static Matrix Naive(Matrix a, Matrix b)
    {
        var c = new Matrix(a.Rows, b.Columns);
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < b.Columns; j++)
            {
                double s = 0;
                for (int p = 0; p < a.Columns; p++) s += a[i, p] * b[p, j];
                c[i, j] = s;
            }
        return c;
    }
}
