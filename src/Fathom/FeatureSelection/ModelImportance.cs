using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.FeatureSelection;

/// <summary>
/// Fits the inner estimator of <see cref="SelectFromModel"/> and <see cref="RFE"/> and reads one importance per
/// feature from the model, as scikit-learn's <c>_get_feature_importances</c>: <c>FeatureImportances</c> when
/// the model has them (trees, forests, boosting), else the absolute <c>Coefficients</c> — for a coefficient
/// matrix (one row per class), the L1 norm over the classes.
/// </summary>
internal static class ModelImportance
{
    internal static IModel FitEstimator(IEstimator estimator, Matrix x, double[] y, FitContext? context) => estimator switch
    {
        IRegressor r => r.Fit(x, y, null, context),
        IClassifier c => c.Fit(x, ClassLabels.FromDoubles(y), null, context),
        _ => throw new InvalidHyperparameterException("estimator", $"{estimator.GetType().Name} is neither a classifier nor a regressor; give one that exposes coefficients or feature importances."),
    };

    internal static double[] Of(IModel model, int p, string who)
    {
        if (model is IFeatureImportanceModel fi) return fi.FeatureImportances.ToArray();
        var prop = model.GetType().GetProperty("Coefficients");
        switch (prop?.GetValue(model))
        {
            case IReadOnlyList<double> v when v.Count == p:
                return v.Select(Math.Abs).ToArray();
            case Matrix m when m.Columns == p:
                {
                    var r = new double[p];
                    for (int i = 0; i < m.Rows; i++)
                        for (int j = 0; j < p; j++) r[j] += Math.Abs(m[i, j]);
                    return r;
                }
            case Matrix m when m.Rows == p:
                {
                    var r = new double[p];
                    for (int i = 0; i < p; i++)
                        for (int j = 0; j < m.Columns; j++) r[i] += Math.Abs(m[i, j]);
                    return r;
                }
        }
        throw new InvalidHyperparameterException("estimator",
            $"{who}: the fitted {model.GetType().Name} has neither FeatureImportances nor Coefficients; use a linear model, a tree or an ensemble.");
    }

    internal static Matrix ToMatrix(double[][] cols, IReadOnlyList<int> keep, int n)
    {
        var m = new Matrix(n, keep.Count);
        for (int c = 0; c < keep.Count; c++)
            for (int i = 0; i < n; i++) m[i, c] = cols[keep[c]][i];
        return m;
    }
}
