using Fathom.Data;

namespace Fathom.Tests.Data;

/// <summary>The shared datasets read as pandas reads them (counts made with pandas 1.5.3 read_csv).</summary>
public class SampleDatasetTests
{
    [Fact]
    public void Iris()
    {
        var df = CsvReader.Read(Samples.Path("iris.csv"));
        Assert.Equal(150, df.RowCount);
        Assert.Equal(new[] { "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)", "target" }, df.ColumnNames);
        Assert.Equal(ColumnKind.Text, df["target"].Kind);
        Assert.Equal(new[] { "setosa", "versicolor", "virginica" }, ((TextColumn)df["target"]).Categories());
        Assert.Equal(5.1, ((NumericColumn)df[0])[0]);
    }

    [Fact]
    public void PenguinsKeepsTheDotAndCountsMissing()
    {
        var df = CsvReader.Read(Samples.Path("penguins.csv"));
        Assert.Equal(344, df.RowCount);
        var sex = (TextColumn)df["Sex"];
        Assert.Equal(10, sex.MissingCount());
        Assert.Equal(new[] { ".", "FEMALE", "MALE" }, sex.Categories());
        Assert.Equal(".", sex[336]);
        foreach (var c in new[] { "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)" })
        {
            Assert.Equal(ColumnKind.Numeric, df[c].Kind);
            Assert.Equal(2, df[c].MissingCount());
        }
    }

    [Fact]
    public void CarsHasIsoDates()
    {
        var df = CsvReader.Read(Samples.Path("cars.csv"));
        Assert.Equal(406, df.RowCount);
        var year = Assert.IsType<DateTimeColumn>(df["Year"]);
        Assert.Equal(new DateTime(1970, 1, 1), year[0]);
        Assert.Equal(8, df["Miles_per_Gallon"].MissingCount());
        Assert.Equal(6, df["Horsepower"].MissingCount());
        double sum = 0;
        foreach (var v in ((NumericColumn)df["Miles_per_Gallon"]).Values) if (!double.IsNaN(v)) sum += v;
        Assert.Equal(9358.8, sum, 9);
    }

    [Fact]
    public void MoviesHasMonthNameDatesQuotesAndGaps()
    {
        var df = CsvReader.Read(Samples.Path("movies.csv"));
        Assert.Equal(3201, df.RowCount);
        Assert.Equal(16, df.ColumnCount);
        var date = Assert.IsType<DateTimeColumn>(df["Release Date"]);
        Assert.Equal(new DateTime(1998, 6, 12), date[0]);
        Assert.Equal(0, date.MissingCount());
        var title = Assert.IsType<TextColumn>(df["Title"]);
        Assert.Equal("First Love, Last Rites", title[1]);
        Assert.Equal(1, title.MissingCount());
        Assert.Contains("Jeff \"\"King Jeff\"\" Hollins", ((TextColumn)df["Director"]).Values.ToArray());
        var expectedMissing = new Dictionary<string, int>
        {
            ["US Gross"] = 7, ["Worldwide Gross"] = 7, ["US DVD Sales"] = 2637, ["Production Budget"] = 1, ["MPAA Rating"] = 605,
            ["Running Time min"] = 1992, ["Distributor"] = 232, ["Source"] = 365, ["Major Genre"] = 275, ["Creative Type"] = 446,
            ["Director"] = 1331, ["Rotten Tomatoes Rating"] = 880, ["IMDB Rating"] = 213, ["IMDB Votes"] = 213,
        };
        foreach (var (name, missing) in expectedMissing) Assert.Equal(missing, df[name].MissingCount());
        Assert.Equal(ColumnKind.Numeric, df["IMDB Rating"].Kind);
    }

    [Fact]
    public void SeattleWeather()
    {
        var df = CsvReader.Read(Samples.Path("seattle-weather.csv"));
        Assert.Equal(1461, df.RowCount);
        var date = Assert.IsType<DateTimeColumn>(df["date"]);
        Assert.Equal(new DateTime(2015, 12, 31), date[1460]);
        double sum = 0;
        foreach (var v in ((NumericColumn)df["temp_max"]).Values) sum += v;
        Assert.Equal(24017.5, sum, 9);
        Assert.Equal(5, ((TextColumn)df["weather"]).Categories().Length);
    }
}
