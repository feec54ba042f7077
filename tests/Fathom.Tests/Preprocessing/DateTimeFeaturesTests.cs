using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

public class DateTimeFeaturesTests
{
    [Fact]
    public void DateOnlyColumnMatchesPandas()
    {
        var x = Sample("cars.csv").Select("Year");
        var model = new DateTimeFeatures().Fit(x);
        Assert.Equal(["Year_year", "Year_month", "Year_day", "Year_day_of_week", "Year_day_of_year"], model.FeatureNamesOut);
        AssertFrame(Prep("dates_cars"), model.Transform(x));
    }

    [Fact]
    public void TimesOfDayAddHourAndMinuteAndMissingGivesNaN()
    {
        var x = ReadCsv(Path.Combine(Root, "tests", "Fathom.Tests", "Preprocessing", "Reference", "datetimes.csv"));
        var model = new DateTimeFeatures().Fit(x);
        Assert.Equal([true, false], model.HasTimeOfDay);
        var r = model.Transform(x);
        AssertFrame(Prep("dates_synthetic"), r);
        Assert.Equal("when_minute", r[6].Name);
        Assert.True(double.IsNaN(((NumericColumn)r["when_year"])[2]));
        // 2020-02-29 was a Saturday: pandas' Monday = 0 makes it 5.
        Assert.Equal(5.0, ((NumericColumn)r["day_day_of_week"])[0]);
    }

    [Fact]
    public void NonDateColumnIsRejected()
    {
        var x = new DataFrame([new TextColumn("when", ["2020-01-01"])]);
        Assert.Equal("when", Assert.Throws<InvalidInputException>(() => new DateTimeFeatures().Fit(x)).Column);
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalOutput()
    {
        var when = new DateTime?[] { new DateTime(2021, 3, 4, 5, 6, 0, DateTimeKind.Unspecified), null };
        var x = new DataFrame([new DateTimeColumn("t", when)]);
        var model = new DateTimeFeatures().Fit(x);
        var loaded = RoundTrip(model);
        Assert.Equal(model.FeatureNamesOut, loaded.FeatureNamesOut);
        AssertSameFrame(model.Transform(x), loaded.Transform(x));
        Assert.Equal("5", loaded.Transform(x)["t_hour"].Format(0), StringComparer.Ordinal);
    }
}
