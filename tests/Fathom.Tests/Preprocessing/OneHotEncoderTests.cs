using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

public class OneHotEncoderTests
{
    private static DataFrame PenguinTextFilled =>
        new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }.Fit(Sample("penguins.csv").Select("Species", "Island", "Sex"))
            .Transform(Sample("penguins.csv"));

    [Theory]
    [InlineData(CategoryDrop.None, "None")]
    [InlineData(CategoryDrop.First, "first")]
    [InlineData(CategoryDrop.IfBinary, "if_binary")]
    public void MatchesScikitLearnOnPenguins(CategoryDrop drop, string key)
    {
        var x = PenguinTextFilled;
        var model = new OneHotEncoder { Drop = drop, HandleUnknown = UnknownCategoryHandling.Error }.Fit(x);
        var result = model.Transform(x);
        AssertFrame(Prep("onehot_penguins_" + key), result);
        Assert.Equal(model.FeatureNamesOut, result.ColumnNames);
        // '.' sorts before FEMALE and MALE (ordinal), as in scikit-learn.
        Assert.Equal([".", "FEMALE", "MALE"], model.Categories[2]);
    }

    [Fact]
    public void MissingValuesAreNotACategoryAndEncodeAsZeros()
    {
        var x = Sample("penguins.csv").Select("Sex");
        var model = new OneHotEncoder().Fit(x);
        // scikit-learn adds a Sex_nan column; the reference has it removed, the rest must agree.
        AssertFrame(Prep("onehot_sex_missing"), model.Transform(x));
        var error = new OneHotEncoder { HandleUnknown = UnknownCategoryHandling.Error }.Fit(x);
        var e = Assert.Throws<InvalidInputException>(() => error.Transform(x));
        Assert.Equal("Sex", e.Column);
        Assert.Equal(3, e.Row);
    }

    [Fact]
    public void NumericColumnsAreEncodedByValue()
    {
        var x = Sample("cars.csv").Select("Cylinders", "Origin");
        var model = new OneHotEncoder().Fit(x);
        AssertFrame(Prep("onehot_cars"), model.Transform(x));
        Assert.Equal(["3", "4", "5", "6", "8"], model.Categories[0]);
    }

    [Fact]
    public void UnknownCategoryWithErrorNamesColumnAndValue()
    {
        var train = new DataFrame([new TextColumn("colour", ["red", "blue", "red"])]);
        var test = new DataFrame([new TextColumn("colour", ["blue", "green"])]);
        var strict = new OneHotEncoder { HandleUnknown = UnknownCategoryHandling.Error }.Fit(train);
        var e = Assert.Throws<InvalidInputException>(() => strict.Transform(test));
        Assert.Equal("colour", e.Column);
        Assert.Equal(1, e.Row);
        Assert.Contains("'green'", e.Message, StringComparison.Ordinal);

        var lenient = new OneHotEncoder().Fit(train);
        var r = lenient.Transform(test);
        Assert.Equal(["colour_blue", "colour_red"], r.ColumnNames);
        Assert.Equal([1.0, 0.0], ((NumericColumn)r[0]).Values.ToArray());
        Assert.Equal([0.0, 0.0], ((NumericColumn)r[1]).Values.ToArray());
    }

    [Fact]
    public void BooleanColumnsUseFalseAndTrue()
    {
        var x = new DataFrame([new BoolColumn("ok", [true, false, null, true])]);
        var model = new OneHotEncoder { Drop = CategoryDrop.IfBinary }.Fit(x);
        Assert.Equal(["ok_True"], model.FeatureNamesOut);
        Assert.Equal([1.0, 0.0, 0.0, 1.0], ((NumericColumn)model.Transform(x)[0]).Values.ToArray());
        Assert.Equal(0, model.DroppedCategory[0]);
        Assert.Equal(["False", "True"], model.Categories[0]);
    }

    [Fact]
    public void DateColumnIsRejected()
    {
        var x = Sample("cars.csv").Select("Year");
        Assert.Equal("Year", Assert.Throws<InvalidInputException>(() => new OneHotEncoder().Fit(x)).Column);
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalOutput()
    {
        var x = Sample("cars.csv").Select("Cylinders", "Origin", "Name");
        var model = new OneHotEncoder { Drop = CategoryDrop.First }.Fit(x);
        var loaded = RoundTrip(model);
        Assert.Equal(CategoryDrop.First, loaded.Options.Drop);
        Assert.Equal(model.FeatureNamesOut, loaded.FeatureNamesOut);
        var probe = x.Take([0, 5, 100, 405]).WithColumn(new TextColumn("Origin", ["USA", "Mars", null, "Japan"]));
        AssertSameFrame(model.Transform(probe), loaded.Transform(probe));
    }
}
