using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Numerics;

namespace Fathom.Tests.Linear;

/// <summary>Diabetes and the penalized_reference.json cases (made by Reference/make_penalized_reference.py).</summary>
internal static class PenalizedTestData
{
    public static readonly JsonNode Ref = LinearTestData.Reference("Linear", "penalized_reference.json");

    private static readonly Lazy<(Matrix X, double[] Y)> Diabetes = new(() =>
    {
        var (x, t) = LinearTestData.LoadSample("diabetes.csv");
        return (x, t.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    });

    public static TheoryData<string> Names(string group) =>
        new(Ref[group]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    /// <summary>The case's rows of diabetes, its weights (1 + i % 4 when weighted) and its JSON.</summary>
    public static (Matrix X, double[] Y, double[]? W, JsonNode Case) Case(string group, string name)
    {
        var c = Ref[group]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, y) = Diabetes.Value;
        int rows = c["rows"]!.GetValue<int>();
        if (rows < x.Rows)
        {
            x = x.RowRange(0, rows).Clone();
            y = y[..rows];
        }
        double[]? w = c["weighted"]!.GetValue<bool>() ? Enumerable.Range(0, rows).Select(i => 1.0 + i % 4).ToArray() : null;
        return (x, y, w, c);
    }

    public static double P(JsonNode c, string key, double fallback) => c["params"]![key]?.GetValue<double>() ?? fallback;

    public static bool B(JsonNode c, string key, bool fallback) => c["params"]![key]?.GetValue<bool>() ?? fallback;

    /// <summary>|expected − actual| ≤ tol·max(1, max|expected|) for every coefficient, and the intercept likewise.</summary>
    public static void AssertCoefficients(JsonNode c, IReadOnlyList<double> coef, double intercept, double tol)
    {
        var expected = LinearTestData.Doubles(c["coef"]);
        double scale = Math.Max(1, expected.Max(Math.Abs));
        Assert.Equal(expected.Length, coef.Count);
        for (int j = 0; j < expected.Length; j++)
            Assert.True(Math.Abs(expected[j] - coef[j]) <= tol * scale, $"coef[{j}] {coef[j]:R} vs {expected[j]:R}");
        double b = c["intercept"]!.GetValue<double>();
        Assert.True(Math.Abs(b - intercept) <= tol * Math.Max(1, Math.Abs(b)), $"intercept {intercept:R} vs {b:R}");
    }
}
