using Fathom.Core;
using Fathom.ModelSelection;
using Fathom.NaiveBayes;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

/// <summary>A fixed "classifier" whose P(class "1") is column 0 of X, so threshold scores are known in closed form.</summary>
public sealed record ColumnProbabilityClassifier : IClassifier
{
    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) => new Model(y.Classes.ToArray());

    private sealed class Model(string[] classes) : IClassificationModel
    {
        public IReadOnlyList<string> Classes => classes;
        public LabelKind LabelKind => LabelKind.Text;
        public int FeatureCount => 1;
        public string ModelKind => "test-column-probability";
        public void WriteTo(ModelWriter writer) { }
        public Matrix PredictProba(Matrix x)
        {
            var p = new Matrix(x.Rows, 2);
            for (int i = 0; i < x.Rows; i++) { p[i, 1] = x[i, 0]; p[i, 0] = 1 - x[i, 0]; }
            return p;
        }
        public int[] PredictIndex(Matrix x) => Enumerable.Range(0, x.Rows).Select(i => x[i, 0] >= 0.5 ? 1 : 0).ToArray();
    }
}

public class ThresholdTunerTests
{
    [Fact]
    public void FindsTheSeparatingThresholdInClosedForm()
    {
        // negatives have P = 0.05..0.75, positives P = 0.81..0.99: any t in (0.75, 0.81] separates perfectly;
        // at 0.5 the negatives with P >= 0.5 are false positives
        var neg = Enumerable.Range(0, 15).Select(i => 0.05 + 0.05 * i).ToArray();
        var pos = Enumerable.Range(0, 10).Select(i => 0.81 + 0.02 * i).ToArray();
        var p = neg.Concat(pos).ToArray();
        var x = new Matrix(p.Length, 1);
        for (int i = 0; i < p.Length; i++) x[i, 0] = p[i];
        var y = neg.Select(_ => "0").Concat(pos.Select(_ => "1")).ToArray();
        var model = new ThresholdTuner { Estimator = new ColumnProbabilityClassifier(), Scoring = "f1", ThresholdCount = 400 }.Fit(x, y);
        Assert.InRange(model.Threshold, 0.75 + 1e-12, 0.81);
        Assert.Equal(1.0, model.BestScore, 12);
        Assert.Equal(y, ((IClassificationModel)model).Predict(x));
        // the 0.5 rule gets the negatives with P in [0.5, 0.75] wrong: f1 = 2·10 / (2·10 + FP)
        var half = new ColumnProbabilityClassifier();
        var plain = ((IClassifier)half).Fit(x, y);
        var pred = plain.Predict(x);
        int tp = pred.Where((v, i) => v == "1" && y[i] == "1").Count(), fp = pred.Where((v, i) => v == "1" && y[i] == "0").Count();
        int falsePositives = neg.Count(v => v >= 0.5);
        Assert.True(falsePositives >= 5);
        Assert.Equal(20.0 / (20 + falsePositives), 2.0 * tp / (2 * tp + fp + (10 - tp)), 12);

        // recall constraint: precision subject to recall >= 1 is also perfect here, at a threshold <= 0.81
        var constrained = new ThresholdTuner { Estimator = new ColumnProbabilityClassifier(), Scoring = "precision", MinRecall = 1, ThresholdCount = 400 }.Fit(x, y);
        Assert.Equal(1.0, constrained.BestScore, 12);
        Assert.True(constrained.Threshold <= 0.81);
    }

    [Fact]
    public void TunedF1BeatsHalfThresholdOnHeldOutImbalancedRows()
    {
        // breast cancer with malignant ("0") rows thinned to every 6th: about 10% positives; two weak features
        var (xAll, yAll) = LinearTestData.LoadSample("breast_cancer.csv");
        int malignantSeen = 0;
        var keep = new List<int>();
        for (int i = 0; i < yAll.Length; i++)
            if (yAll[i] == "1" || malignantSeen++ % 6 == 0) keep.Add(i);
        var x = xAll.SelectRows(keep.ToArray()).SelectColumns([1, 4, 9]);
        var y = keep.Select(i => yAll[i] == "0" ? "malignant" : "benign").ToArray();
        var train = Enumerable.Range(0, y.Length).Where(i => i % 2 == 0).ToArray();
        var test = Enumerable.Range(0, y.Length).Where(i => i % 2 == 1).ToArray();
        var xTr = x.SelectRows(train);
        var yTr = train.Select(i => y[i]).ToArray();
        var xTe = x.SelectRows(test);
        var yTe = test.Select(i => y[i]).ToArray();
        var f1 = new Func<IClassificationModel, double>(m =>
        {
            var pred = m.Predict(xTe);
            double tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < pred.Length; i++)
            {
                if (pred[i] == "malignant" && yTe[i] == "malignant") tp++;
                else if (pred[i] == "malignant") fp++;
                else if (yTe[i] == "malignant") fn++;
            }
            return 2 * tp / (2 * tp + fp + fn);
        });
        var tuned = new ThresholdTuner { Estimator = new GaussianNB(), Scoring = "f1", PositiveClass = "malignant" }.Fit(xTr, yTr);
        var plain = new GaussianNB().Fit(xTr, yTr);
        double tunedF1 = f1(tuned), plainF1 = f1(plain);
        Assert.True(tunedF1 >= plainF1, $"tuned {tunedF1} (t = {tuned.Threshold}) vs 0.5-threshold {plainF1}");
        Assert.Equal("malignant", tuned.Classes[tuned.PositiveIndex]);

        var loaded = (ThresholdClassificationModel)ModelFile.Deserialize(ModelFile.Serialize(tuned)).Model;
        Assert.Equal(tuned.Threshold, loaded.Threshold);
        Assert.Equal(((IClassificationModel)tuned).Predict(xTe), ((IClassificationModel)loaded).Predict(xTe));
    }

    [Fact]
    public void RejectsProbabilityScorerAndMulticlass()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var e = Assert.Throws<InvalidHyperparameterException>(() => new ThresholdTuner { Estimator = new GaussianNB(), Scoring = "roc_auc" }.Fit(x, y));
        Assert.Contains("roc_auc", e.Message);
        Assert.Throws<InvalidInputException>(() => new ThresholdTuner { Estimator = new GaussianNB() }.Fit(x, y));
    }
}
