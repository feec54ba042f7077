using Fathom.Boosting;
using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Ensemble;
using Fathom.Numerics;
using Fathom.Preprocessing;
using Fathom.Tests.Compose;
using Fathom.Tests.TestData;
using Fathom.Trees;

namespace Fathom.Tests.Ensemble;

/// <summary>
/// Issue 4's "done when": a tree model trained on data with missing values and categorical columns (penguins, cars)
/// predicts rows with unseen categories and new missing values, through a <see cref="Pipeline"/> with the encoders.
/// Expected answers follow the documented handling, computed independently of the pipeline's predict path:
/// an unseen category is ignored by the one-hot encoder (all its indicator columns 0); a new missing number is, with
/// the command line's preprocessing, replaced by the training median (recomputed here), and, passed through as NaN,
/// routed by the trees (the model's prediction for the encoded row with NaN in that column).
/// </summary>
public class UnseenValuesEndToEndTests
{
    private const string Flipper = "Flipper Length (mm)";

    private static DataFrame Read(string file) => CsvReader.Read(TestDatasets.SamplePath(file));

    /// <summary>Penguins rows with a species and a flipper length: flipper length has no missing value at training,
    /// Sex has some (and a "." category).</summary>
    private static (DataFrame X, ClassLabels Y, DataFrame Probe) Penguins()
    {
        var data = Read("penguins.csv");
        data = data.Filter(i => !data["Species"].IsMissing(i) && !data[Flipper].IsMissing(i));
        Assert.Equal(0, data[Flipper].MissingCount());
        Assert.True(data["Sex"].MissingCount() > 0);
        ClassLabels y = ((TextColumn)data["Species"]).Values.ToArray()!;
        var x = data.Drop("Species");
        return (x, y, x.Take([0, 5, 160, 200, 300, 320]));
    }

    private static DataFrame SetText(DataFrame x, string column, string value) =>
        x.WithColumn(new TextColumn(column, Enumerable.Repeat<string?>(value, x.RowCount).ToArray()));

    private static DataFrame SetNumber(DataFrame x, string column, double value) =>
        x.WithColumn(new NumericColumn(column, Enumerable.Repeat(value, x.RowCount).ToArray()));

    private static double Median(DataFrame x, string column)
    {
        var v = ((NumericColumn)x[column]).ToArray().Where(d => !double.IsNaN(d)).Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static int[] Columns(PipelineModel model, Func<string, bool> match) =>
        model.FeatureNamesOut.Select((n, j) => (n, j)).Where(t => match(t.n)).Select(t => t.j).ToArray();

    private static Matrix WithColumns(Matrix m, int[] columns, double value)
    {
        var r = m.Clone();
        for (int i = 0; i < r.Rows; i++) foreach (int j in columns) r[i, j] = value;
        return r;
    }

    /// <summary>One-hot for text (most-frequent imputation first, unknown categories ignored); numbers passed through
    /// unchanged, NaN included, for models that route missing values themselves.</summary>
    private static ColumnTransformer NativeMissing() => new(
        new ColumnBranch("cat", new Pipeline(("impute", new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }),
            ("onehot", new OneHotEncoder { HandleUnknown = UnknownCategoryHandling.Ignore })), ColumnSelector.Text))
    {
        Remainder = RemainderHandling.Passthrough,
    };

    public static TheoryData<string> Classifiers => new() { "decision-tree", "random-forest", "extra-trees", "gradient-boosting", "adaboost" };

    private static IClassifier Classifier(string name) => name switch
    {
        "decision-tree" => new DecisionTreeClassifier { MaxDepth = 6 },
        "random-forest" => new RandomForestClassifier { NEstimators = 30, Seed = 1 },
        "extra-trees" => new ExtraTreesClassifier { NEstimators = 30, Seed = 1 },
        "gradient-boosting" => new GradientBoostingClassifier { MaxIter = 30 },
        _ => new AdaBoostClassifier { NEstimators = 20 },
    };

    private static IRegressor Regressor(string name) => name switch
    {
        "decision-tree" => new DecisionTreeRegressor { MaxDepth = 6 },
        "random-forest" => new RandomForestRegressor { NEstimators = 30, Seed = 1 },
        "extra-trees" => new ExtraTreesRegressor { NEstimators = 30, Seed = 1 },
        "gradient-boosting" => new GradientBoostingRegressor { MaxIter = 30 },
        _ => new AdaBoostRegressor { NEstimators = 20, Seed = 1 },
    };

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void ClassifierWithTheCommandLinePreprocessingHandlesUnseenCategoriesAndNewMissingValues(string name)
    {
        var (x, y, probe) = Penguins();
        var model = new Pipeline(("prep", ColumnTransformerTests.CliPreprocessing()), ("model", Classifier(name))).FitClassifier(x, y);
        var final = (IClassificationModel)model.Final;
        var encoded = model.TransformFeatures(probe);
        var island = Columns(model, n => n.StartsWith("cat__Island_", StringComparison.Ordinal));
        var sex = Columns(model, n => n.StartsWith("cat__Sex_", StringComparison.Ordinal));
        Assert.Equal(3, island.Length);

        // Unseen categories: the encoder's documented "ignore" (all indicators 0), whatever the unseen name.
        var expected = final.PredictProba(WithColumns(encoded, island, 0)).AsSpan().ToArray();
        Assert.Equal(expected, model.PredictProba(SetText(probe, "Island", "Atlantis")).AsSpan().ToArray());
        Assert.Equal(expected, model.PredictProba(SetText(probe, "Island", "Narnia")).AsSpan().ToArray());
        Assert.Equal(final.PredictProba(WithColumns(encoded, sex, 0)).AsSpan().ToArray(),
            model.PredictProba(SetText(probe, "Sex", "UNKNOWN")).AsSpan().ToArray());

        // A missing flipper length (none at training) is imputed with the training median.
        double median = Median(x, Flipper);
        Assert.Equal(model.PredictProba(SetNumber(probe, Flipper, median)).AsSpan().ToArray(),
            model.PredictProba(SetNumber(probe, Flipper, double.NaN)).AsSpan().ToArray());

        // All at once, and the predictions are still real class probabilities.
        var all = SetNumber(SetText(SetText(probe, "Island", "Atlantis"), "Sex", "UNKNOWN"), Flipper, double.NaN);
        var p = model.PredictProba(all);
        for (int i = 0; i < p.Rows; i++) Assert.Equal(1.0, p.Row(i).ToArray().Sum(), 12);
        Assert.Equal(probe.RowCount, model.PredictClasses(all).Length);
    }

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void ClassifierFedMissingValuesDirectlyRoutesThemInItsTrees(string name)
    {
        var (x, y, probe) = Penguins();
        // Missing beak depths at training (every 20th row): they reach the model as NaN.
        var depth = ((NumericColumn)x["Beak Depth (mm)"]).ToArray();
        for (int i = 1; i < depth.Length; i += 20) depth[i] = double.NaN;
        x = x.WithColumn(new NumericColumn("Beak Depth (mm)", depth));
        var model = new Pipeline(("prep", NativeMissing()), ("model", Classifier(name))).FitClassifier(x, y);
        var final = (IClassificationModel)model.Final;
        var encoded = model.TransformFeatures(probe);
        Assert.Equal(depth.Count(double.IsNaN), model.TransformFeatures(x).AsSpan().ToArray().Count(double.IsNaN));
        var flipper = Columns(model, n => n.EndsWith(Flipper, StringComparison.Ordinal));
        var island = Columns(model, n => n.StartsWith("cat__Island_", StringComparison.Ordinal));
        Assert.Single(flipper);

        var withHole = model.PredictProba(SetNumber(probe, Flipper, double.NaN)).AsSpan().ToArray();
        Assert.Equal(final.PredictProba(WithColumns(encoded, flipper, double.NaN)).AsSpan().ToArray(), withHole);
        Assert.All(withHole, v => Assert.InRange(v, 0.0, 1.0));
        Assert.Equal(final.PredictProba(WithColumns(encoded, island, 0)).AsSpan().ToArray(),
            model.PredictProba(SetText(probe, "Island", "Atlantis")).AsSpan().ToArray());
        var both = model.PredictProba(SetNumber(SetText(probe, "Island", "Atlantis"), Flipper, double.NaN));
        Assert.Equal(final.PredictProba(WithColumns(WithColumns(encoded, island, 0), flipper, double.NaN)).AsSpan().ToArray(),
            both.AsSpan().ToArray());
    }

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void RegressorOnCarsHandlesUnseenOriginAndNewMissingValues(string name)
    {
        var data = Read("cars.csv");
        data = data.Filter(i => !data["Miles_per_Gallon"].IsMissing(i));
        Assert.Equal(0, data["Acceleration"].MissingCount());
        Assert.True(data["Horsepower"].MissingCount() > 0);
        var y = ((NumericColumn)data["Miles_per_Gallon"]).ToArray();
        var x = data.Drop("Miles_per_Gallon", "Name");
        var probe = x.Take([0, 50, 150, 250, 350]);

        // Command-line preprocessing (the date column becomes calendar features).
        var cli = new Pipeline(("prep", ColumnTransformerTests.CliPreprocessing()), ("model", Regressor(name))).FitRegressor(x, y);
        var origin = Columns(cli, n => n.StartsWith("cat__Origin_", StringComparison.Ordinal));
        Assert.Equal(3, origin.Length);
        var finalCli = (IRegressionModel)cli.Final;
        Assert.Equal(finalCli.Predict(WithColumns(cli.TransformFeatures(probe), origin, 0)),
            cli.PredictValues(SetText(probe, "Origin", "Atlantis")));
        Assert.Equal(cli.PredictValues(SetNumber(probe, "Acceleration", Median(x, "Acceleration"))),
            cli.PredictValues(SetNumber(probe, "Acceleration", double.NaN)));

        // NaN passed through to the trees (dates left out: the passthrough needs numbers).
        var xn = x.Drop("Year");
        var native = new Pipeline(("prep", NativeMissing()), ("model", Regressor(name))).FitRegressor(xn, y);
        var finalNative = (IRegressionModel)native.Final;
        var probeN = probe.Drop("Year");
        var acc = Columns(native, n => n.EndsWith("Acceleration", StringComparison.Ordinal));
        var originN = Columns(native, n => n.StartsWith("cat__Origin_", StringComparison.Ordinal));
        var encoded = native.TransformFeatures(probeN);
        var both = SetNumber(SetText(probeN, "Origin", "Atlantis"), "Acceleration", double.NaN);
        var got = native.PredictValues(both);
        Assert.Equal(finalNative.Predict(WithColumns(WithColumns(encoded, acc, double.NaN), originN, 0)), got);
        Assert.All(got, v => Assert.InRange(v, y.Min() - 5, y.Max() + 5)); // mpg 9–46.6
    }
}
