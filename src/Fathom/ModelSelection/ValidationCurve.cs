using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Validation curve, as scikit-learn's <c>validation_curve</c>: for each value of one hyperparameter (given as
/// text and set through <see cref="Hyperparameters.With{T}"/>), cross-validated training and test scores, to see
/// where a model moves from under- to over-fitting. Values run one after another, folds in parallel.
/// </summary>
public static class ValidationCurve
{
    /// <summary>Validation curve of a classifier.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="parameter">Hyperparameter name, e.g. "C".</param>
    /// <param name="values">Values to try, as text.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="splitter">Fold strategy (default <c>StratifiedKFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default accuracy).</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    /// <returns>Train and test scores per value and fold.</returns>
    public static ValidationCurveResult Run<T>(T estimator, string parameter, IReadOnlyList<string> values, Matrix x, ClassLabels y,
        ISplitter? splitter = null, string scoring = "accuracy", FitContext? context = null) where T : class, IClassifier
    {
        var estimators = Prepare(estimator, parameter, values);
        var results = estimators.Select(e => CrossValidation.Run(e, x, y, splitter ?? new StratifiedKFold(), [scoring], true, context: context)).ToArray();
        return new ValidationCurveResult(Hyperparameters.ToSnakeCase(parameter.Trim()), values.ToArray(), results);
    }

    /// <summary>Validation curve of a regressor.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="parameter">Hyperparameter name, e.g. "alpha".</param>
    /// <param name="values">Values to try, as text.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets.</param>
    /// <param name="splitter">Fold strategy (default <c>KFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default r2).</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    /// <returns>Train and test scores per value and fold.</returns>
    public static ValidationCurveResult Run<T>(T estimator, string parameter, IReadOnlyList<string> values, Matrix x, double[] y,
        ISplitter? splitter = null, string scoring = "r2", FitContext? context = null) where T : class, IRegressor
    {
        var estimators = Prepare(estimator, parameter, values);
        var results = estimators.Select(e => CrossValidation.Run(e, x, y, splitter ?? new KFold(), [scoring], true, context: context)).ToArray();
        return new ValidationCurveResult(Hyperparameters.ToSnakeCase(parameter.Trim()), values.ToArray(), results);
    }

    private static T[] Prepare<T>(T estimator, string parameter, IReadOnlyList<string> values) where T : class
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new InvalidHyperparameterException(parameter, $"Give at least one value of '{parameter}' to try.");
        return values.Select(v => Hyperparameters.With(estimator, [new KeyValuePair<string, string>(parameter, v)])).ToArray();
    }
}
