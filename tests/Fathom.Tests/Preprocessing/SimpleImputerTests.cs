using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

public class SimpleImputerTests
{
    private static DataFrame PenguinNumbers => Sample("penguins.csv").Select("Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)");

    private static DataFrame PenguinText => Sample("penguins.csv").Select("Species", "Island", "Sex");

    [Theory]
    [InlineData(ImputeStrategy.Mean, "mean")]
    [InlineData(ImputeStrategy.Median, "median")]
    [InlineData(ImputeStrategy.MostFrequent, "most_frequent")]
    [InlineData(ImputeStrategy.Constant, "constant")]
    public void NumericColumnsMatchScikitLearn(ImputeStrategy strategy, string key)
    {
        var x = PenguinNumbers;
        var model = new SimpleImputer { Strategy = strategy, FillValue = strategy == ImputeStrategy.Constant ? -1.5 : null }.Fit(x);
        AssertClose(Values(Prep($"imputer_num_{key}_stats")), model.Statistics, what: "statistics");
        var result = model.Transform(x);
        AssertFrame(Prep($"imputer_num_{key}"), result);
        Assert.Equal(0, result.Columns.Sum(c => c.MissingCount()));
    }

    [Theory]
    [InlineData(ImputeStrategy.MostFrequent, "most_frequent")]
    [InlineData(ImputeStrategy.Constant, "constant")]
    public void TextColumnsMatchScikitLearn(ImputeStrategy strategy, string key)
    {
        var x = PenguinText;
        var model = new SimpleImputer { Strategy = strategy }.Fit(x);
        var reference = Prep($"imputer_text_{key}");
        Assert.Equal(reference.GetProperty("stats").EnumerateArray().Select(v => v.GetString()), model.TextStatistics);
        var result = model.Transform(x);
        var expected = reference.GetProperty("text").EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetString()).ToArray()).ToArray();
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(ColumnKind.Text, result[j].Kind);
            Assert.Equal(expected[j], ((TextColumn)result[j]).Values.ToArray());
        }
        // The '.' in Sex is a value, not a missing one: it is kept.
        Assert.Contains(".", ((TextColumn)result["Sex"]).Values.ToArray());
    }

    [Fact]
    public void MostFrequentTiesGoToTheSmallestValue()
    {
        var x = new DataFrame([new NumericColumn("a", [3, 1, 3, 1, double.NaN, 2]), new NumericColumn("b", [5, 5, 4, 4, 9, double.NaN])]);
        var model = new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }.Fit(x);
        AssertClose(Values(Prep("imputer_ties_stats")), model.Statistics);
        var t = new DataFrame([new TextColumn("t", ["b", "a", "b", "a", null, "c"])]);
        var tm = new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }.Fit(t);
        Assert.Equal(Prep("imputer_text_ties_stats").GetProperty("stats")[0].GetString(), tm.TextStatistics[0]);
        Assert.Equal("a", tm.TextStatistics[0]);
    }

    [Fact]
    public void MeanOfATextColumnIsAnErrorNamingIt()
    {
        var e = Assert.Throws<InvalidInputException>(() => new SimpleImputer { Strategy = ImputeStrategy.Median }.Fit(PenguinText));
        Assert.Equal("Species", e.Column);
        Assert.Contains("most_frequent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllMissingColumnIsKeptAndFilledWithTheConstantWithAWarning()
    {
        var x = new DataFrame([
            new NumericColumn("n", [double.NaN, double.NaN, double.NaN]),
            new TextColumn("t", [null, null, null]),
            new NumericColumn("ok", [1, double.NaN, 3]),
        ]);
        var log = new List<string>();
        var model = new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }.Fit(x, new FitContext { Log = log.Add });
        Assert.Equal(2, log.Count);
        Assert.Contains("'n'", log[0], StringComparison.Ordinal);
        var r = model.Transform(x);
        Assert.Equal(["n", "t", "ok"], r.ColumnNames);
        Assert.Equal([0.0, 0.0, 0.0], ((NumericColumn)r[0]).Values.ToArray());
        Assert.Equal(new string?[] { "missing_value", "missing_value", "missing_value" }, ((TextColumn)r[1]).Values.ToArray());
        Assert.Equal([1.0, 1.0, 3.0], ((NumericColumn)r[2]).Values.ToArray());
    }

    [Fact]
    public void ConstantUsesFillTextAndBooleanColumnsBecomeNumbers()
    {
        var x = new DataFrame([new TextColumn("t", ["a", null]), new BoolColumn("b", [true, null])]);
        var model = new SimpleImputer { Strategy = ImputeStrategy.Constant, FillText = "?", FillValue = 7 }.Fit(x);
        var r = model.Transform(x);
        Assert.Equal(new string?[] { "a", "?" }, ((TextColumn)r[0]).Values.ToArray());
        Assert.Equal([1.0, 7.0], ((NumericColumn)r[1]).Values.ToArray());
        var median = new SimpleImputer { Strategy = ImputeStrategy.Median }.Fit(new DataFrame([new BoolColumn("b", [true, false, true, null])]));
        Assert.Equal(1.0, median.Statistics[0]);
    }

    [Fact]
    public void DateColumnsAndBadFillValuesAreRejected()
    {
        var d = new DataFrame([new DateTimeColumn("d", [DateTime.UnixEpoch, null])]);
        Assert.Equal("d", Assert.Throws<InvalidInputException>(() => new SimpleImputer().Fit(d)).Column);
        var e = Assert.Throws<InvalidHyperparameterException>(() => new SimpleImputer { FillValue = double.NaN }.Fit(PenguinNumbers));
        Assert.Equal("fill_value", e.Parameter);
    }

    [Fact]
    public void InputsAreNotChanged()
    {
        var x = PenguinNumbers;
        int before = x.Columns.Sum(c => c.MissingCount());
        var options = new SimpleImputer { Strategy = ImputeStrategy.Median };
        var copy = options with { };
        options.Fit(x).Transform(x);
        Assert.Equal(before, x.Columns.Sum(c => c.MissingCount()));
        Assert.Equal(8, before);
        Assert.Equal(copy, options);
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalOutput()
    {
        var x = Sample("penguins.csv").Drop("Species", "Island");
        var model = new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }.Fit(x);
        var loaded = RoundTrip(model);
        Assert.Equal(ImputeStrategy.MostFrequent, loaded.Options.Strategy);
        Assert.Equal(model.TextStatistics, loaded.TextStatistics);
        AssertSameFrame(model.Transform(x), loaded.Transform(x));
    }
}
