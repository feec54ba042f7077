using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Discriminant;
using Fathom.ModelSelection;
using Fathom.NaiveBayes;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

/// <summary>Folds given explicitly, for comparing with scikit-learn runs that pass the same list as cv.</summary>
internal sealed record ExplicitFolds(Fold[] Folds) : ISplitter
{
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null) => Folds;

    /// <summary>Fold f tests rows r with r % k == f.</summary>
    public static ExplicitFolds Interleaved(int n, int k) => new(Enumerable.Range(0, k).Select(f =>
        new Fold(Enumerable.Range(0, n).Where(r => r % k != f).ToArray(), Enumerable.Range(0, n).Where(r => r % k == f).ToArray())).ToArray());
}

public class CalibrationTests
{
    internal static readonly JsonNode Ref = LinearTestData.Reference("ModelSelection", "calibration.json");

    private static double[] Doubles(JsonNode? node) => LinearTestData.Doubles(node);

    public static TheoryData<string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var d in new[] { "breast_cancer", "iris" })
            foreach (var b in new[] { "gaussian_nb", "lda" })
                foreach (var m in new[] { "sigmoid", "isotonic" })
                    foreach (var e in new[] { true, false })
                        data.Add(d, b, m, e);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesSklearnCalibratedClassifierCV(string dataset, string baseName, string method, bool ensemble)
    {
        var (x, y) = LinearTestData.LoadSample(dataset + ".csv");
        ISplitter cv = dataset == "iris" ? ExplicitFolds.Interleaved(x.Rows, 5) : new KFold { NSplits = 5 };
        IClassifier base_ = baseName == "lda" ? new LinearDiscriminantAnalysis() : new GaussianNB();
        var model = new CalibratedClassifier
        {
            Estimator = base_, Cv = cv, Ensemble = ensemble,
            Method = method == "sigmoid" ? CalibrationMethod.Sigmoid : CalibrationMethod.Isotonic,
        }.Fit(x, y);
        var expected = (JsonArray)Ref["calibration"]![$"{dataset}/{baseName}/{method}/{(ensemble ? "ensemble" : "single")}"]!;
        var p = model.PredictProba(x);
        double worst = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            var row = Doubles(expected[i]);
            for (int c = 0; c < row.Length; c++) worst = Math.Max(worst, Math.Abs(p[i, c] - row[c]));
        }
        Assert.True(worst < 1e-6, $"max |p - sklearn| = {worst}");
        Assert.Equal(ensemble ? 5 : 1, model.BaseModels.Count);

        var loaded = (CalibratedClassificationModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        var q = loaded.PredictProba(x);
        Assert.Equal(p.AsSpan().ToArray(), q.AsSpan().ToArray());
        Assert.Equal(model.Classes, loaded.Classes);
        Assert.Equal(((IClassificationModel)model).Predict(x), ((IClassificationModel)loaded).Predict(x));
    }

    [Fact]
    public void RejectsSingleClassAndBadWeights()
    {
        var x = new Matrix(10, 1);
        var one = Enumerable.Repeat("a", 10).ToArray();
        Assert.Throws<InvalidInputException>(() => new CalibratedClassifier { Estimator = new GaussianNB() }.Fit(x, one));
        var two = Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? "a" : "b").ToArray();
        var w = new double[10]; w[3] = -1;
        var e = Assert.Throws<InvalidInputException>(() => new CalibratedClassifier { Estimator = new GaussianNB() }.Fit(x, two, w));
        Assert.Contains("row 3", e.Message);
    }

    [Fact]
    public void PlattScalingReachesZeroGradient()
    {
        // independent check of the optimum: the smoothed-target log-loss gradient vanishes at (A, B)
        var f = new double[] { -2, -1.5, -1, -0.2, 0, 0.3, 0.8, 1.1, 2, 2.5 };
        var pos = new[] { false, false, true, false, false, true, false, true, true, true };
        var (a, b) = PlattScaling.Fit(f, pos);
        double tPos = 6.0 / 7, tNeg = 1.0 / 7, ga = 0, gb = 0;
        for (int i = 0; i < f.Length; i++)
        {
            double p = 1 / (1 + Math.Exp(a * f[i] + b));
            double t = pos[i] ? tPos : tNeg;
            ga += (t - p) * f[i]; gb += t - p;
        }
        Assert.True(Math.Abs(ga) < 1e-10 && Math.Abs(gb) < 1e-10, $"gradient ({ga}, {gb})");
        Assert.True(a < 0);
    }
}

public class CalibrationCatalogTests
{
    [Fact]
    public void CatalogBuildsACalibratedLinearSvcThatLearns()
    {
        var est = Assert.IsType<CalibratedClassifier>(Fathom.Core.EstimatorCatalog.Find("calibrated-classifier").Create());
        Assert.IsType<Fathom.Svm.LinearSVC>(est.Estimator);
        var iso = Hyperparameters.With(est, [new KeyValuePair<string, string>("method", "isotonic"), new KeyValuePair<string, string>("ensemble", "false")]);
        Assert.Equal(CalibrationMethod.Isotonic, iso.Method);
        Assert.False(iso.Ensemble);
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var model = ((IClassifier)est).Fit(x, y);
        var p = model.PredictProba(x);
        for (int i = 0; i < x.Rows; i++) Assert.Equal(1.0, p[i, 0] + p[i, 1] + p[i, 2], 12);
        double acc = model.Predict(x).Where((v, i) => v == y[i]).Count() / (double)x.Rows;
        Assert.True(acc > 0.85, $"accuracy {acc}");
    }
}

public class CalibrationPrefitTests
{
    [Theory]
    [InlineData("gaussian_nb", "sigmoid")]
    [InlineData("gaussian_nb", "isotonic")]
    [InlineData("lda", "sigmoid")]
    [InlineData("lda", "isotonic")]
    public void MatchesSklearnPrefit(string baseName, string method)
    {
        var (x, y) = LinearTestData.LoadSample("breast_cancer.csv");
        var first = Enumerable.Range(0, 300).ToArray();
        var rest = Enumerable.Range(300, x.Rows - 300).ToArray();
        IClassifier base_ = baseName == "lda" ? new LinearDiscriminantAnalysis() : new GaussianNB();
        var fitted = base_.Fit(x.SelectRows(first), first.Select(i => y[i]).ToArray());
        var model = new CalibratedClassifier { Method = method == "sigmoid" ? CalibrationMethod.Sigmoid : CalibrationMethod.Isotonic }
            .FitPrefit(fitted, x.SelectRows(rest), rest.Select(i => y[i]).ToArray());
        var expected = (JsonArray)CalibrationTests.Ref["calibration"]![$"prefit/{baseName}/{method}"]!;
        var p = model.PredictProba(x);
        double worst = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            var row = LinearTestData.Doubles(expected[i]);
            for (int c = 0; c < row.Length; c++) worst = Math.Max(worst, Math.Abs(p[i, c] - row[c]));
        }
        Assert.True(worst < 1e-6, $"max |p - sklearn| = {worst}");
    }
}
