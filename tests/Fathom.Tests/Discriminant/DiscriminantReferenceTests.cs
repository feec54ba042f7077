using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Discriminant;
using Fathom.Numerics;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Discriminant;

/// <summary>
/// LDA and QDA against scikit-learn 1.2.1 on iris and breast_cancer (Reference/make_reference.py): predictions
/// identical, probabilities to 1e-6, learned state to 1e-6 relative (directions up to sign).
/// </summary>
public class DiscriminantReferenceTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Discriminant", "discriminant_reference.json");

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(n => Key(n!)));

    private static string Key(JsonNode c) =>
        $"{c["dataset"]!.GetValue<string>()}/{c["kind"]!.GetValue<string>()}/{c["label"]!.GetValue<string>()}";

    private static JsonNode Case(string key) => Ref["cases"]!.AsArray().First(n => Key(n!) == key)!;

    private static double[]? Priors(JsonNode c) => c["params"]!["priors"] is JsonNode p ? LinearTestData.Doubles(p) : null;

    internal static LinearDiscriminantAnalysis Lda(JsonNode c)
    {
        var p = c["params"]!;
        var solver = p["solver"]!.GetValue<string>() switch { "svd" => LdaSolver.Svd, "lsqr" => LdaSolver.Lsqr, _ => LdaSolver.Eigen };
        var shrink = p["shrinkage"];
        return new LinearDiscriminantAnalysis
        {
            Solver = solver,
            StoreCovariance = p["store_covariance"]!.GetValue<bool>(),
            Priors = Priors(c),
            AutoShrinkage = shrink is JsonValue v && v.TryGetValue<string>(out var s) && s == "auto",
            Shrinkage = shrink is JsonValue d && d.TryGetValue<double>(out var a) ? a : null,
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string key)
    {
        var c = Case(key);
        var (x, y) = LinearTestData.LoadSample(c["dataset"]!.GetValue<string>());
        if (c["rows"] is JsonNode r)
        {
            int n = r.GetValue<int>();
            x = x.RowRange(0, n).Clone();
            y = y.Take(n).ToArray();
        }
        IClassificationModel model;
        if (c["kind"]!.GetValue<string>() == "lda")
        {
            var m = Lda(c).Fit(x, y);
            model = m;
            AssertClose(LinearTestData.Rows(c["coef"]), m.Coefficients, 1e-6, "coef");
            AssertClose([LinearTestData.Doubles(c["intercept"])], Matrix.FromRows([m.Intercept.ToArray()]), 1e-6, "intercept");
            AssertClose(LinearTestData.Rows(c["decision"]), m.DecisionFunction(x), 1e-6, "decision");
            if (c["explained_variance_ratio"] is JsonNode evr)
            {
                var e = LinearTestData.Doubles(evr);
                Assert.Equal(e.Length, m.ExplainedVarianceRatio!.Count);
                for (int i = 0; i < e.Length; i++) Assert.Equal(e[i], m.ExplainedVarianceRatio[i], 1e-6);
                AssertCloseUpToColumnSign(LinearTestData.Rows(c["transform"]), m.Transform(x), 1e-6, "transform");
            }
            else Assert.Null(m.ExplainedVarianceRatio);
            if (c["covariance"] is JsonNode cov) AssertClose(LinearTestData.Rows(cov), m.Covariance!, 1e-6, "covariance");
            AssertClose(LinearTestData.Rows(c["means"]), m.Means, 1e-10, "means");
            var pri = LinearTestData.Doubles(c["priors"]);
            for (int i = 0; i < pri.Length; i++) Assert.Equal(pri[i], m.Priors[i], 1e-12);
        }
        else
        {
            var p = c["params"]!;
            var m = new QuadraticDiscriminantAnalysis { RegParam = p["reg_param"]!.GetValue<double>(), Priors = Priors(c) }.Fit(x, y);
            model = m;
            AssertClose(LinearTestData.Rows(c["means"]), m.Means, 1e-10, "means");
            AssertClose(LinearTestData.Rows(c["decision"]), m.DecisionFunction(x), 1e-6, "decision");
            var sc = c["scalings"]!.AsArray();
            var rot = c["rotations"]!.AsArray();
            for (int k = 0; k < sc.Count; k++)
            {
                AssertClose([LinearTestData.Doubles(sc[k])], Matrix.FromRows([m.Scalings[k].ToArray()]), 1e-6, $"scalings[{k}]");
                // Axes with (nearly) equal variances are not unique; compare the well-separated ones.
                AssertCloseUpToColumnSign(LinearTestData.Rows(rot[k]), m.Rotations[k], 1e-5, $"rotations[{k}]", LinearTestData.Doubles(sc[k]));
            }
        }
        Assert.Equal(c["classes"]!.AsArray().Select(v => v!.GetValue<string>()), model.Classes);
        Assert.Equal(c["predict"]!.AsArray().Select(v => v!.GetValue<int>()), model.PredictIndex(x));
        var proba = LinearTestData.Rows(c["proba"]);
        var mine = model.PredictProba(x);
        for (int i = 0; i < proba.Length; i++)
            for (int k = 0; k < proba[i].Length; k++)
                Assert.True(Math.Abs(proba[i][k] - mine[i, k]) <= 1e-6, $"proba[{i},{k}] = {mine[i, k]:R}, scikit-learn {proba[i][k]:R}");
    }

    /// <summary>|a − e| ≤ tol·max(1, max |e| of the matrix).</summary>
    internal static void AssertClose(double[][] expected, Matrix actual, double tol, string what)
    {
        Assert.Equal(expected.Length, actual.Rows);
        double scale = Math.Max(1.0, expected.SelectMany(r => r).Max(Math.Abs));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Length, actual.Columns);
            for (int j = 0; j < expected[i].Length; j++)
                Assert.True(Math.Abs(expected[i][j] - actual[i, j]) <= tol * scale,
                    $"{what}[{i},{j}] = {actual[i, j]:R}, scikit-learn {expected[i][j]:R}");
        }
    }

    private static void AssertCloseUpToColumnSign(double[][] expected, Matrix actual, double tol, string what, double[]? spectrum = null)
    {
        Assert.Equal(expected.Length, actual.Rows);
        Assert.Equal(expected[0].Length, actual.Columns);
        double scale = Math.Max(1.0, expected.SelectMany(r => r).Max(Math.Abs));
        for (int j = 0; j < actual.Columns; j++)
        {
            if (spectrum is not null)
            {
                double gap = double.PositiveInfinity;
                for (int o = 0; o < spectrum.Length; o++) if (o != j) gap = Math.Min(gap, Math.Abs(spectrum[o] - spectrum[j]) / spectrum[0]);
                if (gap < 1e-6) continue;
            }
            double dot = 0;
            for (int i = 0; i < expected.Length; i++) dot += expected[i][j] * actual[i, j];
            double sign = dot < 0 ? -1 : 1;
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(expected[i][j] - sign * actual[i, j]) <= tol * scale,
                    $"{what}[{i},{j}] = {sign * actual[i, j]:R}, scikit-learn {expected[i][j]:R}");
        }
    }
}
