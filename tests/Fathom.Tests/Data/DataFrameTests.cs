using System.Text.Json;
using Fathom.Core;
using Fathom.Data;

namespace Fathom.Tests.Data;

public class DataFrameTests
{
    [Theory]
    [InlineData("iris")]
    [InlineData("penguins")]
    public void DescribeMatchesPandas(string name)
    {
        // Reference: pandas 1.5.3 describe(include="all"), see Reference/make_describe.py.
        using var doc = JsonDocument.Parse(File.ReadAllText(Samples.Reference($"describe_{name}.json")));
        var df = CsvReader.Read(Samples.Path(name + ".csv"));
        var description = df.Describe();
        Assert.Equal(df.ColumnCount, description.Columns.Count);
        foreach (var col in doc.RootElement.GetProperty("columns").EnumerateObject())
        {
            var d = description[col.Name];
            var r = col.Value;
            Assert.Equal(r.GetProperty("count").GetDouble(), d.Count);
            Assert.Equal(r.GetProperty("missing").GetInt32(), d.Missing);
            if (d.Kind == ColumnKind.Numeric)
            {
                void Close(string key, double? actual)
                {
                    double expected = r.GetProperty(key).GetDouble();
                    Assert.True(actual is double a && Math.Abs(a - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
                        $"{col.Name} {key}: expected {expected:R}, got {actual:R}");
                }
                Close("mean", d.Mean);
                Close("std", d.Std);
                Close("min", d.Min);
                Close("25%", d.Q25);
                Close("50%", d.Median);
                Close("75%", d.Q75);
                Close("max", d.Max);
                Assert.Null(d.Top);
            }
            else
            {
                Assert.Equal(r.GetProperty("unique").GetInt32(), d.Unique);
                Assert.Equal(r.GetProperty("top").GetString(), d.Top);
                Assert.Equal(r.GetProperty("freq").GetInt32(), d.Frequency);
                Assert.Null(d.Mean);
            }
        }
    }

    [Fact]
    public void DescribeEdgeCasesAndDates()
    {
        var df = new DataFrame([
            new NumericColumn("one", [double.NaN, 4.0, double.NaN]),
            new NumericColumn("none", [double.NaN, double.NaN, double.NaN]),
            new DateTimeColumn("d", [new DateTime(2020, 5, 1), null, new DateTime(2019, 1, 1)]),
            new TextColumn("t", ["b", "a", "a"]),
        ]);
        var d = df.Describe();
        Assert.Equal(1, d["one"].Count);
        Assert.Equal(4.0, d["one"].Mean);
        Assert.True(double.IsNaN(d["one"].Std!.Value));
        Assert.Equal(4.0, d["one"].Q75);
        Assert.Equal(0, d["none"].Count);
        Assert.True(double.IsNaN(d["none"].Mean!.Value));
        Assert.Equal(new DateTime(2019, 1, 1), d["d"].First);
        Assert.Equal(new DateTime(2020, 5, 1), d["d"].Last);
        Assert.Equal(2, d["d"].Unique);
        Assert.Equal("a", d["t"].Top);
        Assert.Equal(2, d["t"].Frequency);
        string table = d.ToString();
        Assert.Contains("count", table);
        Assert.Contains("first", table);
        Assert.Contains("2019-01-01", table);
    }

    [Fact]
    public void QuantilesInterpolateLinearlyLikeNumpy()
    {
        // numpy.percentile([1, 2, 4, 8, 100], [25, 50, 75, 10]) = [2, 4, 8, 1.4]
        double[] s = [1, 2, 4, 8, 100];
        Assert.Equal(2.0, DataFrameDescription.Quantile(s, 0.25));
        Assert.Equal(4.0, DataFrameDescription.Quantile(s, 0.5));
        Assert.Equal(8.0, DataFrameDescription.Quantile(s, 0.75));
        Assert.Equal(1.4, DataFrameDescription.Quantile(s, 0.1), 14);
    }

    [Fact]
    public void FilterByMaskAndPredicate()
    {
        var df = CsvReader.Read(Samples.Path("penguins.csv"));
        var sex = (TextColumn)df["Sex"];
        var females = df.Filter(i => sex[i] == "FEMALE");
        Assert.Equal(165, females.RowCount);
        Assert.All(((TextColumn)females["Sex"]).Values.ToArray(), s => Assert.Equal("FEMALE", s));
        var mask = new bool[df.RowCount];
        for (int i = 0; i < mask.Length; i++) mask[i] = !df["Body Mass (g)"].IsMissing(i);
        Assert.Equal(342, df.Filter(mask).RowCount);
        Assert.Throws<InvalidInputException>(() => df.Filter(new bool[3]));
    }

    [Fact]
    public void FormatShowsHeadAndTailWithEllipsis()
    {
        var df = CsvReader.Read(Samples.Path("iris.csv"));
        string s = df.Format(4);
        var lines = s.Split('\n');
        Assert.Equal(7, lines.Length);                 // header, 2 rows, ..., 2 rows, footer
        Assert.Contains("sepal length (cm)", lines[0]);
        Assert.EndsWith("setosa", lines[1]);
        Assert.StartsWith("  0", lines[1]);
        Assert.Contains("...", lines[3]);
        Assert.StartsWith("149", lines[5]);
        Assert.Equal("[150 rows x 5 columns]", lines[6]);
        Assert.Equal(df.Format(10), df.ToString());
        var small = CsvReader.Parse("a,b\n1,\n,x\n");
        Assert.Equal("    a   b\n0   1  NA\n1  NA   x\n[2 rows x 2 columns]", small.ToString());
    }
}
