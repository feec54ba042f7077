using Fathom.Core;
using Fathom.ModelSelection;
using Fathom.Numerics;

namespace Fathom.FeatureSelection;

/// <summary>Mean cross-validated score of an estimator on a subset of columns: R² for a regressor, accuracy for a
/// classifier (scikit-learn's default <c>score</c>), with <see cref="KFold"/> / <see cref="StratifiedKFold"/>
/// (unshuffled, as scikit-learn's <c>cv = k</c>).</summary>
internal static class CvScoring
{
    internal static double Score(IEstimator estimator, double[][] cols, IReadOnlyList<int> subset, double[] y, int folds, FitContext? context)
    {
        var x = ModelImportance.ToMatrix(cols, subset, y.Length);
        return estimator switch
        {
            IRegressor r => CrossValidation.Run(r, x, y, new KFold { NSplits = folds }, context: context).Scores[0].TestMean,
            IClassifier c => CrossValidation.Run(c, x, ClassLabels.FromDoubles(y), new StratifiedKFold { NSplits = folds }, context: context).Scores[0].TestMean,
            _ => throw new InvalidHyperparameterException("estimator", $"{estimator.GetType().Name} is neither a classifier nor a regressor."),
        };
    }

    /// <summary>Score of a model fitted on <paramref name="train"/> rows and scored on <paramref name="test"/> rows.</summary>
    internal static double Holdout(IEstimator estimator, Matrix x, double[] y, int[] train, int[] test, FitContext? context)
    {
        var model = ModelImportance.FitEstimator(estimator, x.SelectRows(train), train.Select(i => y[i]).ToArray(), context);
        var xt = x.SelectRows(test);
        if (model is IRegressionModel rm)
            return Metrics.RegressionMetrics.R2(test.Select(i => y[i]).ToArray(), rm.Predict(xt));
        var cm = (IClassificationModel)model;
        var pred = cm.PredictIndex(xt);
        var classes = cm.Classes;
        int hits = 0;
        for (int r = 0; r < test.Length; r++)
            if (classes[pred[r]] == y[test[r]].ToString("R", System.Globalization.CultureInfo.InvariantCulture)) hits++;
        return hits / (double)test.Length;
    }
}
