using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>The uncalibrated scores a calibrator sees, as scikit-learn's <c>_compute_predictions</c>: the model's
/// decision function when it has one, else its probabilities; one column (the second class) for two classes,
/// one per class otherwise.</summary>
internal static class CalibrationScores
{
    /// <summary>n × 1 for binary models, n × classes otherwise.</summary>
    public static Matrix Compute(IClassificationModel model, Matrix x)
    {
        int k = model.Classes.Count;
        Matrix? decision = model switch
        {
            Linear.LogisticRegressionModel m => m.DecisionFunction(x),
            Svm.LinearSVCModel m => m.DecisionFunction(x),
            Svm.SVCModel m => m.DecisionFunction(x),
            Discriminant.LinearDiscriminantAnalysisModel m => m.DecisionFunction(x),
            Discriminant.QuadraticDiscriminantAnalysisModel m => m.DecisionFunction(x),
            Boosting.GradientBoostingClassificationModel m => m.DecisionFunction(x),
            _ => null,
        };
        int want = k == 2 ? 1 : k;
        if (decision is not null)
        {
            if (decision.Columns != want)
                throw new InvalidHyperparameterException("estimator",
                    $"CalibratedClassifier: the base model's decision function has {decision.Columns} columns for {k} classes; " +
                    "calibration needs one column per class (for SVC use the one-vs-rest decision shape).");
            return decision;
        }
        var proba = model.PredictProba(x);
        if (k != 2) return proba;
        var col = new Matrix(x.Rows, 1);
        for (int i = 0; i < x.Rows; i++) col[i, 0] = proba[i, 1];
        return col;
    }
}
