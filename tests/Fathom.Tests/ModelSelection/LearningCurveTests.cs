using Fathom.Core;
using Fathom.Discriminant;
using Fathom.ModelSelection;
using Fathom.NaiveBayes;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

public class LearningCurveTests
{
    [Theory]
    [InlineData("learning_curve", "gaussian_nb", "accuracy")]
    [InlineData("learning_curve_auc", "lda", "roc_auc")]
    public void MatchesSklearnLearningCurve(string key, string baseName, string scoring)
    {
        var r = CalibrationTests.Ref[key]!;
        var (x, y) = LinearTestData.LoadSample("breast_cancer.csv");
        IClassifier est = baseName == "lda" ? new LinearDiscriminantAnalysis() : new GaussianNB();
        var result = LearningCurve.Run(est, x, y, LinearTestData.Doubles(r["sizes"]), new KFold { NSplits = 5 }, scoring);
        Assert.Equal(LinearTestData.Doubles(r["train_sizes_abs"]).Select(v => (int)v).ToArray(), result.TrainSizes);
        var train = LinearTestData.Rows(r["train"]);
        var test = LinearTestData.Rows(r["test"]);
        for (int s = 0; s < train.Length; s++)
            for (int f = 0; f < 5; f++)
            {
                Assert.True(Math.Abs(train[s][f] - result.TrainScores[s][f]) < 1e-10, $"train [{s}][{f}] {result.TrainScores[s][f]} vs {train[s][f]}");
                Assert.True(Math.Abs(test[s][f] - result.TestScores[s][f]) < 1e-10, $"test [{s}][{f}] {result.TestScores[s][f]} vs {test[s][f]}");
            }
    }

    [Fact]
    public void SizesFollowSklearnTranslation()
    {
        Assert.Equal([45, 147, 250, 352, 455], LearningCurve.AbsoluteSizes(LearningCurve.DefaultSizes, 455));
        Assert.Equal([1, 2], LearningCurve.AbsoluteSizes([0.001, 0.5, 0.0001], 4));
        Assert.Throws<InvalidHyperparameterException>(() => LearningCurve.AbsoluteSizes([10, 500], 455));
        Assert.Throws<InvalidHyperparameterException>(() => LearningCurve.AbsoluteSizes([0, 0.5], 455));
    }
}
