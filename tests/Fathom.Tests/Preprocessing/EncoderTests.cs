using Fathom.Core;
using Fathom.Data;
using Fathom.Linear;
using Fathom.Metrics;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

/// <summary>OrdinalEncoder against scikit-learn 1.2.1 (encoders.json); TargetEncoder against closed forms and the
/// leakage behaviour its cross fitting exists for.</summary>
public class EncoderTests
{
    private static JsonRef Enc(string key) => new(Reference("Preprocessing", "encoders.json", key));

    private readonly record struct JsonRef(System.Text.Json.JsonElement E);

    private static DataFrame PenguinCats => Sample("penguins.csv").Select("Species", "Island", "Sex", "Flipper Length (mm)");

    [Fact]
    public void OrdinalMatchesScikitLearnWithMissingAsNaN()
    {
        var x = PenguinCats;
        var model = new OrdinalEncoder().Fit(x);
        AssertFrame(Enc("ordinal_penguins").E, model.Transform(x));
        Assert.Equal([".", "FEMALE", "MALE"], model.Categories[2]);
    }

    [Fact]
    public void OrdinalUnknownGetsEncodedValueOrErrorsByColumnAndRow()
    {
        var x = PenguinCats;
        var first = x.Head(200);
        var model = new OrdinalEncoder { HandleUnknown = OrdinalUnknownHandling.UseEncodedValue, UnknownValue = -1, EncodedMissingValue = -2 }.Fit(first);
        AssertFrame(Enc("ordinal_unknown").E, model.Transform(x));
        var strict = new OrdinalEncoder().Fit(first);
        var e = Assert.Throws<InvalidInputException>(() => strict.Transform(x));
        Assert.NotNull(e.Row);
        Assert.Contains("not seen at fit", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidHyperparameterException>(() => new OrdinalEncoder { HandleUnknown = OrdinalUnknownHandling.UseEncodedValue, UnknownValue = 1 }.Fit(first));
    }

    [Fact]
    public void OrdinalSaveLoadAndOtherColumns()
    {
        var x = PenguinCats;
        var model = new OrdinalEncoder().Fit(x);
        AssertSameFrame(model.Transform(x), Reload(model).Transform(x));
        Assert.Equal("Island", Assert.Throws<InvalidInputException>(() => model.Transform(x.Drop("Island"))).Column);
    }

    private static DataFrame Small => new([
        new TextColumn("c", ["a", "a", "a", "b", "b", null, "c", "a"]),
        new NumericColumn("k", [1.0, 2, 1, 2, 1, 2, 1, 2]),
    ]);

    private static readonly double[] SmallY = [1.0, 3, 2, 6, 4, 5, 0, 7];

    [Fact]
    public void TargetEncoderSmoothingMatchesClosedForms()
    {
        var x = Small;
        double[] y = SmallY;
        double mean = y.Average();
        double tau2 = y.Select(v => (v - mean) * (v - mean)).Average();
        // Fixed smoothing m = 2: (Σ y_c + m·ȳ) / (n_c + m).
        var fixedModel = new TargetEncoder { Smooth = 2 }.Fit(x, y);
        Assert.Equal((1 + 3 + 2 + 7 + 2 * mean) / (4 + 2), fixedModel.Encodings[0][0], 12);
        Assert.Equal((0 + 2 * mean) / (1 + 2), fixedModel.Encodings[0][2], 12);
        Assert.Equal((5 + 2 * mean) / (1 + 2), fixedModel.Encodings[0][3], 12); // missing is its own category
        // Auto: λ = n·τ² / (n·τ² + s²_c), enc = λ·ȳ_c + (1 − λ)·ȳ.
        var auto = new TargetEncoder().Fit(x, y);
        double[] ya = [1.0, 3, 2, 7];
        double ma = ya.Average(), sa = ya.Select(v => (v - ma) * (v - ma)).Average();
        double la = 4 * tau2 / (4 * tau2 + sa);
        Assert.Equal(la * ma + (1 - la) * mean, auto.Encodings[0][0], 12);
        // A single-row category has s² = 0, so λ = 1: its own mean.
        Assert.Equal(0.0, auto.Encodings[0][2], 12);
        Assert.Equal(mean, auto.TargetMean, 12);
        var z = auto.Transform(new DataFrame([new TextColumn("c", ["a", "zzz"]), new NumericColumn("k", [2.0, 9])]));
        Assert.Equal(auto.Encodings[0][0], ((NumericColumn)z[0])[0], 15);
        Assert.Equal(mean, ((NumericColumn)z[0])[1], 15); // unseen → target mean
        Assert.Equal(mean, ((NumericColumn)z[1])[1], 15);
    }

    [Fact]
    public void BinaryTargetIsReadAsZeroOneWithTheLargerValuePositive()
    {
        var x = Small;
        double[] y = [5, 5, 9, 9, 5, 9, 9, 5];
        var model = new TargetEncoder { Smooth = 0 }.Fit(x, y);
        Assert.True(model.IsBinary);
        Assert.Equal(0.5, model.TargetMean, 15);
        Assert.Equal(1.0 / 4, model.Encodings[0][0], 15); // a: rows 0,1,2,7 → 9 only at row 2
        Assert.Throws<InvalidInputException>(() => new TargetEncoder { TargetType = TargetType.Binary }.Fit(x, SmallY));
    }

    [Fact]
    public void CrossFittingNeverUsesARowsOwnTarget()
    {
        // Every category is unique: a row's category is unseen in the other folds, so its cross-fitted value is
        // the mean target of the other folds — whatever its own target.
        int n = 50;
        var ids = new TextColumn("id", Enumerable.Range(0, n).Select(i => "id" + i).ToArray());
        var y = Enumerable.Range(0, n).Select(i => (double)(i * 7 % 11)).ToArray();
        var (model, encoded) = new TargetEncoder { Cv = 5, Seed = 3 }.FitTransform(new DataFrame([ids]), y);
        var v = ((NumericColumn)encoded[0]).Values.ToArray();
        var distinct = v.Distinct().ToArray();
        Assert.Equal(5, distinct.Length); // one value per fold
        double total = y.Sum();
        foreach (double d in distinct)
        {
            var fold = Enumerable.Range(0, n).Where(i => v[i] == d).ToArray();
            double expected = (total - fold.Sum(i => y[i])) / (n - fold.Length);
            Assert.Equal(expected, d, 12);
        }
        // The returned model uses all rows: each id encodes to its own (unshrunk, s² = 0) target.
        Assert.Equal(y[7], ((NumericColumn)model.Transform(new DataFrame([ids]))[0])[7], 12);
        // Deterministic per seed.
        var again = new TargetEncoder { Cv = 5, Seed = 3 }.FitTransform(new DataFrame([ids]), y).Encoded;
        AssertSameFrame(encoded, again);
    }

    [Fact]
    public void NoiseColumnEncodedInsideCrossValidationScoresHonestlyAndBeforeTheSplitOptimistically()
    {
        // 600 rows, a 150-category noise column unrelated to the target, and one real feature.
        var rng = new RandomSource(11);
        int n = 600;
        var noise = new string?[n];
        var signal = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            noise[i] = "cat" + rng.NextInt(150);
            signal[i] = rng.NextGaussian();
            y[i] = 0.5 * signal[i] + rng.NextGaussian();
        }
        var x = new DataFrame([new TextColumn("noise", noise)]);
        var folds = Enumerable.Range(0, n).Select(i => i % 5).ToArray();

        double honest = CrossValidatedR2(x, signal, y, folds, leakBeforeSplit: false);
        double leaky = CrossValidatedR2(x, signal, y, folds, leakBeforeSplit: true);
        // The signal alone explains about 0.2 of the variance; the noise column adds nothing real.
        Assert.InRange(honest, 0.05, 0.3);
        Assert.True(leaky > honest + 0.15, $"leaky R2 {leaky} should be visibly above honest R2 {honest}");
    }

    private static double CrossValidatedR2(DataFrame x, double[] signal, double[] y, int[] folds, bool leakBeforeSplit)
    {
        var predictions = new double[y.Length];
        var leakedEncoding = leakBeforeSplit ? new TargetEncoder().Fit(x, y).Transform(x) : null;
        for (int f = 0; f < 5; f++)
        {
            var train = Enumerable.Range(0, y.Length).Where(i => folds[i] != f).ToArray();
            var test = Enumerable.Range(0, y.Length).Where(i => folds[i] == f).ToArray();
            double[] trainCol, testCol;
            if (leakedEncoding is not null)
            {
                var all = ((NumericColumn)leakedEncoding[0]).Values.ToArray();
                trainCol = train.Select(i => all[i]).ToArray();
                testCol = test.Select(i => all[i]).ToArray();
            }
            else
            {
                // Honest: the encoder sees only the training fold; its training rows are cross-fitted.
                var (model, encoded) = new TargetEncoder().FitTransform(x.Take(train), train.Select(i => y[i]).ToArray());
                trainCol = ((NumericColumn)encoded[0]).Values.ToArray();
                testCol = ((NumericColumn)model.Transform(x.Take(test))[0]).Values.ToArray();
            }
            var xt = new Fathom.Numerics.Matrix(train.Length, 2);
            for (int r = 0; r < train.Length; r++) { xt[r, 0] = signal[train[r]]; xt[r, 1] = trainCol[r]; }
            var xs = new Fathom.Numerics.Matrix(test.Length, 2);
            for (int r = 0; r < test.Length; r++) { xs[r, 0] = signal[test[r]]; xs[r, 1] = testCol[r]; }
            var lr = new LinearRegression().Fit(xt, train.Select(i => y[i]).ToArray());
            var p = lr.Predict(xs);
            for (int r = 0; r < test.Length; r++) predictions[test[r]] = p[r];
        }
        return RegressionMetrics.R2(y, predictions);
    }

    [Fact]
    public void TargetEncoderSaveLoadAndBadInput()
    {
        var model = new TargetEncoder().Fit(Small, SmallY);
        AssertSameFrame(model.Transform(Small), Reload(model).Transform(Small));
        Assert.Equal("c", Assert.Throws<InvalidInputException>(() => model.Transform(Small.Drop("c"))).Column);
        Assert.Throws<InvalidInputException>(() => new TargetEncoder().Fit(Small, [1.0, 2]));
        var nan = (double[])SmallY.Clone();
        nan[4] = double.NaN;
        Assert.Equal(4, Assert.Throws<InvalidInputException>(() => new TargetEncoder().Fit(Small, nan)).Row);
    }
}

/// <summary>OneHotEncoder's infrequent-category grouping against scikit-learn 1.2.1 (encoders.json).</summary>
public class OneHotInfrequentTests
{
    private static System.Text.Json.JsonElement Enc(string key) => Reference("Preprocessing", "encoders.json", key);

    /// <summary>Penguins rows with no missing cell (pandas dropna), four columns.</summary>
    private static DataFrame Complete()
    {
        var all = Sample("penguins.csv");
        var rows = Enumerable.Range(0, all.RowCount).Where(i => all.Columns.All(c => !c.IsMissing(i))).ToArray();
        return all.Take(rows).Select("Species", "Island", "Sex", "Flipper Length (mm)");
    }

    /// <summary>scikit-learn names float categories "190.0"; Fathom's OneHotEncoder names them "190" (documented).</summary>
    private static string[] FathomNames(System.Text.Json.JsonElement e) =>
        Names(e).Select(n => System.Text.RegularExpressions.Regex.Replace(n, @"_(\d+)\.0$", "_$1")).ToArray();

    [Theory]
    [InlineData("onehot_minfreq_20", 20.0, null)]
    [InlineData("onehot_minfreq_frac", 0.05, null)]
    [InlineData("onehot_maxcat_3", null, 3)]
    [InlineData("onehot_both", 10.0, 4)]
    public void GroupsInfrequentCategoriesLikeScikitLearn(string key, double? minFrequency, int? maxCategories)
    {
        var x = Complete();
        var model = new OneHotEncoder { MinFrequency = minFrequency, MaxCategories = maxCategories, HandleUnknown = UnknownCategoryHandling.InfrequentIfExist }.Fit(x);
        AssertFrame(Enc(key), model.Transform(x), checkNames: false);
        Assert.Equal(FathomNames(Enc(key)), model.FeatureNamesOut);
        AssertSameFrame(model.Transform(x), Reload(model).Transform(x));
    }

    [Fact]
    public void UnknownCategoriesGoToTheInfrequentColumn()
    {
        var x = Complete();
        var model = new OneHotEncoder { MinFrequency = 5, HandleUnknown = UnknownCategoryHandling.InfrequentIfExist }.Fit(x.Head(150));
        AssertFrame(Enc("onehot_unknown_to_infrequent"), model.Transform(x), checkNames: false);
        Assert.Equal(FathomNames(Enc("onehot_unknown_to_infrequent")), model.FeatureNamesOut);
        Assert.Contains("Flipper Length (mm)_infrequent_sklearn", model.FeatureNamesOut);
        Assert.Throws<InvalidHyperparameterException>(() => new OneHotEncoder { MinFrequency = 5, Drop = CategoryDrop.First }.Fit(x));
    }
}
