using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Compose;

public class ColumnTransformerTests
{
    /// <summary>The command line's default preprocessing.</summary>
    internal static ColumnTransformer CliPreprocessing() => new(
        new ColumnBranch("num", new Pipeline(("impute", new SimpleImputer { Strategy = ImputeStrategy.Median }), ("scale", new StandardScaler())),
            ColumnSelector.NumericOrBoolean),
        new ColumnBranch("cat", new Pipeline(("impute", new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }), ("onehot", new OneHotEncoder())),
            ColumnSelector.Text),
        new ColumnBranch("date", new Pipeline(("features", new DateTimeFeatures()), ("impute", new SimpleImputer { Strategy = ImputeStrategy.Median }),
            ("scale", new StandardScaler())), ColumnSelector.DateTime));

    internal static DataFrame PenguinsX => Sample("penguins.csv").Drop("Species");

    internal static DataFrame CarsX => Sample("cars.csv").Drop("Miles_per_Gallon", "Name");

    [Fact]
    public void DefaultPreprocessingMatchesScikitLearnOnPenguins()
    {
        var model = CliPreprocessing().Fit(PenguinsX);
        var result = model.Transform(PenguinsX);
        AssertFrame(ComposeRef("cli_penguins"), result);
        Assert.Equal("num__Beak Length (mm)", result[0].Name);
        Assert.Contains("cat__Sex_.", result.ColumnNames);
        Assert.Equal(["num", "cat"], model.Branches.Select(b => b.Name));
    }

    [Fact]
    public void DefaultPreprocessingMatchesScikitLearnOnCarsWithADateColumn()
    {
        var model = CliPreprocessing().Fit(CarsX);
        var result = model.Transform(CarsX);
        AssertFrame(ComposeRef("cli_cars"), result, checkNames: false);
        Assert.Equal(["num__Cylinders", "num__Displacement", "num__Horsepower", "num__Weight_in_lbs", "num__Acceleration",
            "cat__Origin_Europe", "cat__Origin_Japan", "cat__Origin_USA",
            "date__Year_year", "date__Year_month", "date__Year_day", "date__Year_day_of_week", "date__Year_day_of_year"], result.ColumnNames);

        var train = CarsX.Take(Enumerable.Range(0, 300).ToArray());
        var rest = CarsX.Take(Enumerable.Range(300, CarsX.RowCount - 300).ToArray());
        AssertFrame(ComposeRef("cli_cars_holdout"), CliPreprocessing().Fit(train).Transform(rest), checkNames: false);
    }

    [Fact]
    public void PassthroughRemainderWithoutPrefixes()
    {
        var x = Sample("cars.csv").Select("Cylinders", "Weight_in_lbs", "Acceleration");
        var ct = new ColumnTransformer(new ColumnBranch("scale", new StandardScaler(), ColumnSelector.Names("Weight_in_lbs")))
        {
            Remainder = RemainderHandling.Passthrough,
            VerboseFeatureNamesOut = false,
        };
        var model = ct.Fit(x);
        AssertFrame(ComposeRef("passthrough"), model.Transform(x));
        Assert.Equal(["Cylinders", "Acceleration"], model.RemainderColumns);
        var verbose = (ct with { VerboseFeatureNamesOut = true }).Fit(x);
        Assert.Equal(["scale__Weight_in_lbs", "remainder__Cylinders", "remainder__Acceleration"], verbose.FeatureNamesOut);
    }

    [Fact]
    public void BranchWithoutColumnsIsSkipped()
    {
        var iris = Sample("iris.csv").Drop("target");
        var log = new List<string>();
        var model = CliPreprocessing().Fit(iris, new FitContext { Log = log.Add });
        Assert.Equal(["num"], model.Branches.Select(b => b.Name));
        Assert.Equal(2, log.Count);
        var expected = new StandardScaler().Fit(iris).Transform(iris);
        var result = model.Transform(iris);
        Assert.Equal(iris.ColumnNames.Select(n => "num__" + n), result.ColumnNames);
        for (int j = 0; j < 4; j++)
            AssertClose(((NumericColumn)expected[j]).Values.ToArray(), ((NumericColumn)result[j]).Values.ToArray(), 1e-15);
    }

    [Fact]
    public void TransformFindsColumnsByNameAndChecksTheirKind()
    {
        var x = PenguinsX;
        var model = CliPreprocessing().Fit(x);
        var expected = model.Transform(x);
        var reordered = x.Select(x.ColumnNames.Reverse().ToArray()).WithColumn(new NumericColumn("extra", new double[x.RowCount]));
        AssertSameFrame(expected, model.Transform(reordered));
        Assert.Equal(x.ColumnNames, model.FeatureNamesIn);

        var missing = Assert.Throws<InvalidInputException>(() => model.Transform(x.Drop("Island")));
        Assert.Equal("Island", missing.Column);
        Assert.Contains("'Island'", missing.Message, StringComparison.Ordinal);

        var changed = x.WithColumn(new TextColumn("Body Mass (g)", Enumerable.Repeat("heavy", x.RowCount).ToArray()));
        var kind = Assert.Throws<InvalidInputException>(() => model.Transform(changed));
        Assert.Equal("Body Mass (g)", kind.Column);
        Assert.Contains("numeric", kind.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnsCanFeedSeveralBranchesAndNamedColumnsMustExist()
    {
        var x = Sample("cars.csv").Select("Cylinders", "Origin");
        var ct = new ColumnTransformer(
            new ColumnBranch("scaled", new StandardScaler(), new[] { "Cylinders" }),
            new ColumnBranch("onehot", new OneHotEncoder(), ColumnSelector.Names("Cylinders", "Origin")));
        var model = ct.Fit(x);
        Assert.Equal("scaled__Cylinders", model.FeatureNamesOut[0]);
        Assert.Equal("onehot__Cylinders_3", model.FeatureNamesOut[1]);
        var bad = new ColumnTransformer(new ColumnBranch("s", new StandardScaler(), ColumnSelector.Names("Weight")));
        Assert.Equal("Weight", Assert.Throws<InvalidInputException>(() => bad.Fit(x)).Column);
        Assert.Equal(["Cylinders"], ColumnSelector.OfKind(ColumnKind.Numeric, ColumnKind.Text).Except("Origin").Select(x));
    }

    [Fact]
    public void InvalidConfigurationsAreRejected()
    {
        var x = Sample("cars.csv").Select("Cylinders", "Weight_in_lbs");
        var same = new ColumnTransformer(new ColumnBranch("a", new StandardScaler(), ColumnSelector.Numeric),
            new ColumnBranch("b", new StandardScaler(), ColumnSelector.Numeric)) { VerboseFeatureNamesOut = false };
        Assert.Equal("verbose_feature_names_out", Assert.Throws<InvalidHyperparameterException>(() => same.Fit(x)).Parameter);
        var twice = new ColumnTransformer(new ColumnBranch("a", new StandardScaler(), ColumnSelector.Numeric),
            new ColumnBranch("a", new StandardScaler(), ColumnSelector.Numeric));
        Assert.Equal("transformers", Assert.Throws<InvalidHyperparameterException>(() => twice.Fit(x)).Parameter);
        var dunder = new ColumnTransformer(new ColumnBranch("a__b", new StandardScaler(), ColumnSelector.Numeric));
        Assert.Throws<InvalidHyperparameterException>(() => dunder.Fit(x));
    }

    [Fact]
    public void InputSchemaListsKindsAndLearnedCategories()
    {
        var schema = CliPreprocessing().Fit(PenguinsX).InputSchema();
        Assert.Equal(PenguinsX.ColumnNames, schema.Select(c => c.Name));
        var sex = schema.Single(c => c.Name == "Sex");
        Assert.Equal(ColumnKind.Text, sex.Kind);
        Assert.Equal([".", "FEMALE", "MALE"], sex.Categories!);
        Assert.Null(schema.Single(c => c.Name == "Body Mass (g)").Categories);
        Assert.Equal(ColumnKind.Numeric, schema[1].Kind);
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalOutput()
    {
        var model = CliPreprocessing().Fit(CarsX);
        var loaded = RoundTrip(model);
        Assert.Equal(model.FeatureNamesIn, loaded.FeatureNamesIn);
        Assert.Equal(model.FeatureKindsIn, loaded.FeatureKindsIn);
        Assert.Equal(model.FeatureNamesOut, loaded.FeatureNamesOut);
        Assert.Equal(model.Branches.Select(b => b.Columns), loaded.Branches.Select(b => b.Columns));
        AssertSameFrame(model.Transform(CarsX), loaded.Transform(CarsX));
        var missing = Assert.Throws<InvalidInputException>(() => loaded.Transform(CarsX.Drop("Year")));
        Assert.Equal("Year", missing.Column);
    }
}
