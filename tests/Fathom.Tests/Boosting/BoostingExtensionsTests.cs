using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Boosting;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Boosting;

/// <summary>
/// The losses beyond squared error/Poisson and the monotonic constraints against scikit-learn 1.2.1's
/// HistGradientBoostingRegressor (Reference/make_boosting_reference_2.py: diabetes, same split, early stopping off),
/// plus finite differences, closed forms and determinism of the row/feature sampling.
/// </summary>
public class BoostingExtensionsTests
{
    private static readonly Lazy<JsonNode> Ref = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Boosting", "Reference", "boosting_reference_2.json")))!);

    private static (Matrix XTrain, double[] YTrain, Matrix XTest, double[] YTest) Diabetes()
    {
        var ds = TestDatasets.Diabetes();
        var y = ds.TargetAsDoubles();
        var test = Ref.Value["test_rows"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var isTest = new bool[y.Length];
        foreach (int i in test) isTest[i] = true;
        var train = Enumerable.Range(0, y.Length).Where(i => !isTest[i]).ToArray();
        return (ds.X.SelectRows(train), train.Select(i => y[i]).ToArray(), ds.X.SelectRows(test), test.Select(i => y[i]).ToArray());
    }

    private static double[] Expected(string name, int iterations) =>
        Ref.Value[name]![iterations.ToString(CultureInfo.InvariantCulture)]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    public static TheoryData<string> Cases => new() { "absolute_error", "quantile_0.9", "quantile_0.25", "monotonic", "monotonic_neg" };

    private static GradientBoostingRegressor Estimator(string name) => name switch
    {
        "absolute_error" => new GradientBoostingRegressor { Loss = BoostingLoss.AbsoluteError },
        "quantile_0.9" => new GradientBoostingRegressor { Loss = BoostingLoss.Quantile, Quantile = 0.9 },
        "quantile_0.25" => new GradientBoostingRegressor { Loss = BoostingLoss.Quantile, Quantile = 0.25 },
        "monotonic" => new GradientBoostingRegressor { MonotonicCst = "0,0,1,1,0,0,0,0,0,0" },
        _ => new GradientBoostingRegressor { MonotonicCst = "0,0,-1,-1,0,0,0,0,0,0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FirstIterationsMatchScikitLearnOnEveryTestRow(string name)
    {
        // Same bins, same gradients, same splits and the same leaf values (medians/quantiles of the residuals, or
        // Newton steps clipped to the monotonic bounds): every test prediction agrees to float32 gradient precision.
        var (xtr, ytr, xte, _) = Diabetes();
        foreach (int it in new[] { 1, 2, 3 })
        {
            var p = (Estimator(name) with { MaxIter = it }).Fit(xtr, ytr).Predict(xte);
            var e = Expected(name, it);
            for (int i = 0; i < e.Length; i++)
                Assert.True(Math.Abs(e[i] - p[i]) <= 1e-6 * Math.Max(1, Math.Abs(e[i])), $"{name} iteration {it} row {i}: {p[i]} vs scikit-learn {e[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HundredIterationsReachScikitLearnsTestMetric(string name)
    {
        var (xtr, ytr, xte, yte) = Diabetes();
        var p = Estimator(name).Fit(xtr, ytr).Predict(xte);
        var e = Expected(name, 100);
        // Later trees may pick a different one of two near-tied splits, so predictions are compared by their metric.
        double r2 = RegressionMetrics.R2(yte, p), mae = RegressionMetrics.MeanAbsoluteError(yte, p);
        Assert.InRange(mae, 0, Ref.Value[name]!["mae"]!.GetValue<double>() * 1.005);
        Assert.InRange(r2, Ref.Value[name]!["r2"]!.GetValue<double>() - 0.005, 1);
        double maxDiff = e.Zip(p, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDiff < 10, $"{name}: largest difference to scikit-learn {maxDiff}");
    }

    [Fact]
    public void MonotonicPredictionsAreMonotoneOnAGrid()
    {
        var (xtr, ytr, _, _) = Diabetes();
        var up = new GradientBoostingRegressor { MonotonicCst = "0,0,1,1,0,0,0,0,0,0", MaxIter = 50 }.Fit(xtr, ytr);
        var down = new GradientBoostingRegressor { MonotonicCst = "0,0,-1,-1,0,0,0,0,0,0", MaxIter = 50 }.Fit(xtr, ytr);
        foreach (int feature in new[] { 2, 3 })
        {
            for (int row = 0; row < 20; row++)
            {
                var grid = new Matrix(60, xtr.Columns);
                for (int g = 0; g < 60; g++)
                {
                    xtr.Row(row).CopyTo(grid.Row(g));
                    grid[g, feature] = -0.12 + 0.004 * g;
                }
                var pu = up.Predict(grid);
                var pd = down.Predict(grid);
                for (int g = 1; g < 60; g++)
                {
                    Assert.True(pu[g] >= pu[g - 1] - 1e-9, $"increasing constraint broken on feature {feature}");
                    Assert.True(pd[g] <= pd[g - 1] + 1e-9, $"decreasing constraint broken on feature {feature}");
                }
            }
        }
    }

    [Fact]
    public void MonotonicConstraintsAreValidated()
    {
        var x = Matrix.FromArray(new double[,] { { 1, 2 }, { 2, 1 }, { 3, 0 } });
        var e = Assert.Throws<InvalidHyperparameterException>(() => new GradientBoostingRegressor { MonotonicCst = "1" }.Fit(x, [1, 2, 3]));
        Assert.Equal("monotonic_cst", e.Parameter);
        Assert.Throws<InvalidHyperparameterException>(() => new GradientBoostingRegressor { MonotonicCst = "1,2" }.Fit(x, [1, 2, 3]));
        Assert.Throws<InvalidHyperparameterException>(() => new GradientBoostingClassifier { MonotonicCst = "1,0" }.Fit(x, new[] { "a", "b", "c" }));
    }

    [Fact]
    public void NewLossGradientsAndHessiansMatchFiniteDifferences()
    {
        var losses = new (IBoostingLoss Loss, double Y, bool Smooth)[]
        {
            (new PseudoHuberLoss(1.0), 1.7, true), (new PseudoHuberLoss(0.3), -2.0, true), (new GammaLoss(), 2.5, true),
            (new AbsoluteErrorLoss(), 1.7, false), (new QuantileLoss(0.8), 1.7, false), (new QuantileLoss(0.8), -1.7, false),
        };
        const double eps = 1e-5;
        foreach (var (loss, y0, smooth) in losses)
        {
            double[] y = [y0], raw = [0.3];
            var g = new float[1];
            var h = new float[1];
            loss.GradientHessian(y, raw, null, g, h, 0, 1);
            double L(double d) => loss.Loss(y, [raw[0] + d], null);
            Assert.Equal((L(eps) - L(-eps)) / (2 * eps), g[0], 5);
            if (smooth) Assert.Equal((L(1e-4) - 2 * L(0) + L(-1e-4)) / 1e-8, h[0], 3);
            else Assert.Equal(1.0, h[0]);
        }
    }

    [Fact]
    public void BaselinesAreTheConstantsScikitLearnFits()
    {
        double[] y = [3, 1, 4, 1, 5, 9, 2, 6];
        // numpy: median 3.5, percentile(y, 90) = 6.9 (linear), weighted median: smallest value with cumulative weight ≥ half.
        Assert.Equal(3.5, new AbsoluteErrorLoss().Baseline(y, null)[0], 14);
        Assert.Equal(6.9, new QuantileLoss(0.9).Baseline(y, null)[0], 12);
        Assert.Equal(9.0, new AbsoluteErrorLoss().Baseline(y, [1, 1, 1, 1, 1, 10, 1, 1])[0]); // cdf 1..7 then 17 ≥ 8.5
        Assert.Equal(Math.Log(31 / 8.0), new GammaLoss().Baseline(y, null)[0], 14);
        // Pseudo-Huber: the stationarity condition Σ (c − y)/√(1 + (c − y)²) = 0 holds at the baseline.
        double c = new PseudoHuberLoss(1.0).Baseline(y, null)[0];
        Assert.Equal(0, y.Sum(v => (c - v) / Math.Sqrt(1 + (c - v) * (c - v))), 10);
        Assert.InRange(c, 1, 9);
    }

    [Fact]
    public void WeightedQuantileIsScikitLearnsWeightedPercentile()
    {
        // _weighted_percentile([1, 2, 3, 4], [1, 1, 1, 5], 50): cdf 1, 2, 3, 8; half of 8 = 4 → first cdf ≥ 4 is 4.
        Assert.Equal(4.0, LossMath.Quantile(new double[] { 3, 1, 4, 2 }, new double[] { 1, 1, 5, 1 }, 0.5));
        Assert.Equal(2.0, LossMath.Quantile(new double[] { 3, 1, 4, 2 }, new double[] { 1, 1, 1, 1 }, 0.5));
        Assert.Equal(2.5, LossMath.Quantile(new double[] { 3, 1, 4, 2 }, default, 0.5));
    }

    [Fact]
    public void PseudoHuberAndGammaFitTheirTargets()
    {
        var (xtr, ytr, xte, yte) = Diabetes();
        var huber = new GradientBoostingRegressor { Loss = BoostingLoss.PseudoHuber, HuberDelta = 100, MaxIter = 100 }.Fit(xtr, ytr);
        var squared = new GradientBoostingRegressor { MaxIter = 100 }.Fit(xtr, ytr);
        // With δ above most residuals (target sd ≈ 77), pseudo-Huber lands close to squared error; much smaller δ makes the Newton steps overshoot (hessian 1/s³), as in XGBoost.
        Assert.InRange(RegressionMetrics.R2(yte, huber.Predict(xte)), RegressionMetrics.R2(yte, squared.Predict(xte)) - 0.05, 1);
        var gamma = new GradientBoostingRegressor { Loss = BoostingLoss.Gamma }.Fit(xtr, ytr);
        var pg = gamma.Predict(xte);
        Assert.All(pg, v => Assert.True(v > 0));
        // The test Gamma deviance beats the constant model's.
        var loss = new GammaLoss();
        Assert.True(loss.Loss(yte, pg.Select(v => Math.Log(v)).ToArray(), null) < loss.Loss(yte, Enumerable.Repeat(gamma.Baseline, yte.Length).ToArray(), null));
        Assert.Throws<InvalidInputException>(() => new GradientBoostingRegressor { Loss = BoostingLoss.Gamma }.Fit(xtr, ytr.Select(v => v - 100).ToArray()));
    }

    [Fact]
    public void SamplingIsDeterministicPerSeedWhateverTheThreads()
    {
        var ds = TestDatasets.LoadCsv("breast_cancer.csv", "target");
        var est = new GradientBoostingClassifier { MaxIter = 15, Subsample = 0.7, ColsampleByTree = 0.6, MaxFeatures = 0.5, Seed = 3 };
        var a = est.Fit(ds.X, ds.Target, null, new FitContext { MaxThreads = 1 }).DecisionFunction(ds.X);
        var b = est.Fit(ds.X, ds.Target, null, new FitContext { MaxThreads = 3 }).DecisionFunction(ds.X);
        var c = (est with { Seed = 4 }).Fit(ds.X, ds.Target).DecisionFunction(ds.X);
        var full = (est with { Subsample = 1, ColsampleByTree = 1, MaxFeatures = 1 }).Fit(ds.X, ds.Target).DecisionFunction(ds.X);
        Assert.Equal(a.AsSpan().ToArray(), b.AsSpan().ToArray());
        Assert.NotEqual(a.AsSpan().ToArray(), c.AsSpan().ToArray());
        Assert.NotEqual(a.AsSpan().ToArray(), full.AsSpan().ToArray());
    }

    [Fact]
    public void ColumnSamplingOnlySplitsOnDrawnFeatures()
    {
        var ds = TestDatasets.LoadCsv("breast_cancer.csv", "target");
        // One tree, one feature drawn of 30: every split (hence all the importance) is on that feature.
        var m = new GradientBoostingClassifier { MaxIter = 1, ColsampleByTree = 1.0 / 30, Seed = 1 }.Fit(ds.X, ds.Target);
        Assert.Equal(1, m.FeatureImportances.Count(v => v > 0));
        Assert.Equal(1.0, m.FeatureImportances.Max(), 12);
    }

    [Fact]
    public void ParallelHistogramsAndPartitionsDoNotDependOnTheThreadCount()
    {
        // 40,000 rows × 7 features (a padded last bin block) with missing values: large enough that the histograms,
        // the split search and the partition of the first nodes run in parallel. 1, 2 and 3 threads must give the
        // same raw predictions bit for bit; the classifier and the sampled regressor both.
        var (x, y, _) = Synthetic.Linear(40_000, 7, 11, noise: 0.5);
        for (int i = 0; i < x.Rows; i += 13) x[i, i % 7] = double.NaN;
        var labels = y.Select(v => v > 0 ? 1 : 0).ToArray();
        var clf = new GradientBoostingClassifier { MaxIter = 8, MaxLeafNodes = 15, Seed = 1 };
        var reg = new GradientBoostingRegressor { MaxIter = 6, Subsample = 0.8, ColsampleByTree = 0.72, Seed = 2 };
        double[]? c0 = null, r0 = null;
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var ctx = new FitContext { MaxThreads = threads };
            var c = clf.Fit(x, labels, null, ctx).DecisionFunction(x).AsSpan().ToArray();
            var r = reg.Fit(x, y, null, ctx).Predict(x);
            c0 ??= c;
            r0 ??= r;
            Assert.Equal(c0, c);
            Assert.Equal(r0, r);
        }
        Assert.InRange(ClassificationMetrics.Accuracy(labels, c0!.Select(v => v > 0 ? 1 : 0).ToArray()), 0.8, 1.0);
    }

    [Fact]
    public void VectorBinSearchAgreesWithTheBinarySearch()
    {
        // The binning's two-level vector search against the branch-free binary search, for threshold counts 0–254,
        // on values equal to thresholds, between them, outside them, ±∞ and NaN.
        var r = new RandomSource(9);
        foreach (int count in new[] { 0, 1, 2, 15, 16, 17, 31, 100, 240, 254 })
        {
            var t = Enumerable.Range(0, count).Select(_ => r.NextGaussian()).Order().Distinct().ToArray();
            var padded = Enumerable.Repeat(double.PositiveInfinity, 272).ToArray();
            t.CopyTo(padded, 0);
            var values = t.Concat(t.Select(v => v + 1e-9)).Concat(Enumerable.Range(0, 300).Select(_ => 3 * r.NextGaussian()))
                .Concat([double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.NaN, -5, 5]);
            foreach (double v in values) Assert.Equal(BinMapper.BinOf(v, t, 255), BinMapper.BinOfPadded(v, padded, 255));
        }
    }

    [Fact]
    public void RowsLeftOutOfTheSampleGetTheirLeafValue()
    {
        // The grower adds each training row's leaf value to the raw predictions, for sampled rows from the leaf's row
        // range and for left-out rows by walking the tree on their bins: both must equal the fitted tree's prediction.
        var (xtr, ytr, _, _) = Diabetes();
        int n = xtr.Rows;
        var mapper = BinMapper.Fit(xtr, 255, 0, 1);
        var binned = mapper.Transform(xtr, 1);
        var hasMissing = new bool[xtr.Columns];
        var settings = new GrowerSettings(31, null, 5, 0, 1e-3, 1.0);
        using var team = new WorkerTeam(2);
        var grower = new TreeGrower(binned, n, mapper, hasMissing, settings, team);
        double mean = ytr.Average();
        var g = ytr.Select(v => (float)(mean - v)).ToArray();
        var h = Enumerable.Repeat(1f, n).ToArray();
        var inSample = Enumerable.Range(0, n).Select(i => i % 3 != 0).ToArray();
        var raw = new double[n];
        var tree = grower.Grow(g, h, 0, inSample, Enumerable.Range(0, xtr.Columns).ToArray(), null, raw, null);
        Assert.True(tree.LeafCount > 10);
        for (int i = 0; i < n; i++) Assert.Equal(tree.Predict(xtr.Row(i)), raw[i], 12);
        var m = new GradientBoostingRegressor { Subsample = 0.5, Seed = 2 }.Fit(xtr, ytr);
        Assert.InRange(RegressionMetrics.R2(ytr, m.Predict(xtr)), 0.6, 1);
    }

    [Fact]
    public void RadixSortSortsLikeArraySort()
    {
        var r = new RandomSource(5);
        var values = new double[5000];
        for (int i = 0; i < values.Length; i++)
            values[i] = i % 7 == 0 ? Math.Round(r.NextGaussian() * 3) : i % 11 == 0 ? -r.NextDouble() * 1e-300 : r.NextGaussian() * Math.Exp(r.NextGaussian() * 5);
        values[3] = double.PositiveInfinity;
        values[4] = double.NegativeInfinity;
        values[5] = double.MaxValue;
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        RadixSort.Sort(values, new double[values.Length]);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void FilesWithoutTheNewHyperparametersStillLoad()
    {
        // A file written before quantile, huber_delta, subsample, colsample_by_tree, max_features, monotonic_cst and
        // categorical_features existed: drop them from the manifest; loading fills in the defaults.
        var (xtr, ytr, xte, _) = Diabetes();
        var m = new GradientBoostingRegressor { MaxIter = 5 }.Fit(xtr, ytr);
        string[] added = ["quantile", "huber_delta", "subsample", "colsample_by_tree", "max_features", "monotonic_cst", "categorical_features"];
        var file = Fathom.Tests.Persistence.ModelFileSurgery.WithManifest(Fathom.Persistence.ModelFile.Serialize(m), manifest =>
        {
            var hp = (JsonObject)FindHyperparameters(manifest)!;
            foreach (var k in added) Assert.True(hp.Remove(k), $"{k} was not saved");
        }, fixHash: true);
        var loaded = (GradientBoostingRegressionModel)Fathom.Persistence.ModelFile.Deserialize(file).Model;
        Assert.Equal(m.Predict(xte), loaded.Predict(xte));
        Assert.Equal(1.0, loaded.Parameters.Subsample);
        Assert.Null(loaded.Parameters.MonotonicCst);
    }

    private static JsonNode? FindHyperparameters(JsonNode node)
    {
        if (node is JsonObject o)
        {
            if (o["hyperparameters"] is JsonObject h) return h;
            foreach (var (_, child) in o)
                if (child is not null && FindHyperparameters(child) is JsonNode found) return found;
        }
        return null;
    }
}
