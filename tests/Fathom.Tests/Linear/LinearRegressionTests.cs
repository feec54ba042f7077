using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Linear;

public class LinearRegressionTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Linear", "linear_reference.json");

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    private static (Matrix X, double[] Y, double[]? W, LinearRegression Est, JsonNode Case) Case(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, t) = LinearTestData.LoadSample("diabetes.csv");
        var y = t.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (c["extra_columns"]!.GetValue<int>() > 0)
        {
            var wide = new Matrix(x.Rows, x.Columns + 2);
            for (int i = 0; i < x.Rows; i++)
            {
                x.Row(i).CopyTo(wide.Row(i));
                wide[i, 10] = x[i, 0];
                wide[i, 11] = 2 * x[i, 2] - x[i, 3];
            }
            x = wide;
        }
        double[]? w = c["weighted"]!.GetValue<bool>() ? Enumerable.Range(0, y.Length).Select(i => 1.0 + i % 4).ToArray() : null;
        var est = new LinearRegression { FitIntercept = c["params"]!["fit_intercept"]?.GetValue<bool>() ?? true };
        return (x, y, w, est, c);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var (x, y, w, est, c) = Case(name);
        var model = est.Fit(x, y, w);
        var coef = LinearTestData.Doubles(c["coef"]);
        double scale = coef.Max(Math.Abs);
        Assert.Equal(coef.Length, model.Coefficients.Count);
        for (int j = 0; j < coef.Length; j++)
            Assert.True(Math.Abs(coef[j] - model.Coefficients[j]) <= 1e-8 * scale, $"coef[{j}] {model.Coefficients[j]} vs {coef[j]}");
        double b = c["intercept"]!.GetValue<double>();
        Assert.True(Math.Abs(b - model.Intercept) <= 1e-8 * Math.Max(1, Math.Abs(b)), $"intercept {model.Intercept} vs {b}");
        Assert.Equal(c["rank"]!.GetValue<int>(), model.Rank);
        var pred = model.Predict(x.RowRange(0, 5));
        var refPred = LinearTestData.Doubles(c["pred_first5"]);
        for (int i = 0; i < 5; i++) Assert.Equal(refPred[i], pred[i], 1e-8 * Math.Abs(refPred[i]));
    }

    [Fact]
    public void ExactLinearDataIsRecovered()
    {
        var rng = new Random(3);
        var x = new Matrix(50, 3);
        var y = new double[50];
        for (int i = 0; i < 50; i++)
        {
            for (int j = 0; j < 3; j++) x[i, j] = rng.NextDouble();
            y[i] = 4 - 2 * x[i, 0] + 0.5 * x[i, 1] + 3 * x[i, 2];
        }
        var m = new LinearRegression().Fit(x, y);
        Assert.Equal(4, m.Intercept, 1e-12);
        Assert.Equal([-2, 0.5, 3], m.Coefficients.Select(v => Math.Round(v, 10)));
        Assert.Equal(3, m.Rank);
    }

    [Fact]
    public void IntegerWeightsEqualRepeatedRows()
    {
        var (x, y, _, est, _) = Case("diabetes");
        var w = Enumerable.Range(0, y.Length).Select(i => (double)(i % 3)).ToArray();
        var rows = Enumerable.Range(0, y.Length).SelectMany(i => Enumerable.Repeat(i, (int)w[i])).ToArray();
        var a = est.Fit(x, y, w);
        var b = est.Fit(x.SelectRows(rows), rows.Select(i => y[i]).ToArray());
        for (int j = 0; j < x.Columns; j++) Assert.Equal(b.Coefficients[j], a.Coefficients[j], 1e-8);
        Assert.Equal(b.Intercept, a.Intercept, 1e-9);
    }

    [Fact]
    public void SaveLoadGivesIdenticalPredictions()
    {
        var (x, y, w, est, _) = Case("diabetes_weighted");
        var model = est.Fit(x, y, w);
        var back = (LinearRegressionModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Predict(x), back.Predict(x));
        Assert.Equal(model.Rank, back.Rank);
        Assert.Equal(model.Parameters, back.Parameters);
    }

    [Fact]
    public void BadInputFailsClearly()
    {
        var x = new Matrix(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        var e = Assert.Throws<InvalidInputException>(() => new LinearRegression().Fit(x, [1, double.NaN, 2]));
        Assert.Equal(1, e.Row);
        Assert.Throws<InvalidInputException>(() => new LinearRegression().Fit(x, [1, 2]));
        Assert.Throws<InvalidInputException>(() => new LinearRegression().Fit(new Matrix(0, 2), []));
        var m = new LinearRegression().Fit(x, [1, 2, 4]);
        Assert.Contains("2 features", Assert.Throws<InvalidInputException>(() => m.Predict(new Matrix(1, 3))).Message);
    }
}
