using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Nested cross-validation: an outer split holds rows out; on each outer training part an inner grid search picks
/// the hyperparameters (and refits), and the tuned model is scored once on the outer held-out rows. The mean outer
/// score estimates the performance of the whole "tune then fit" procedure without the optimism of reporting the
/// best inner score (scikit-learn's <c>cross_val_score(GridSearchCV(...))</c>). Cost: outer × (candidates × inner + 1) fits.
/// </summary>
public static class NestedCrossValidation
{
    /// <summary>Nested cross-validation of a classifier.</summary>
    /// <param name="estimator">Base estimator; grid values override its properties.</param>
    /// <param name="grid">Parameter name to the values to try, as text.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="outer">Outer folds (default <c>StratifiedKFold</c>, 5 folds).</param>
    /// <param name="inner">Inner folds of the search (default <c>StratifiedKFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default accuracy).</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    public static NestedCrossValidationResult Run<T>(T estimator, IReadOnlyDictionary<string, IReadOnlyList<string>> grid, Matrix x, ClassLabels y,
        ISplitter? outer = null, ISplitter? inner = null, string scoring = "accuracy", FitContext? context = null) where T : class, IClassifier
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Count) throw new InvalidInputException($"x has {x.Rows} rows but y has {y.Count} labels; give one label per row.");
        var scorer = CrossValidation.Resolve([scoring], Metrics.ScorerTask.Classification)[0];
        var yText = y.Codes.ToArray().Select(c => y.Classes[c]).ToArray();
        return Run(scoring, (outer ?? new StratifiedKFold()).Split(x.Rows, y), context, (train, test) =>
        {
            var search = GridSearch.Run(estimator, grid, x.SelectRows(train), y.Subset(train), inner, scoring, refit: true, context: context);
            return (scorer.Score(search.BestModel!, x.SelectRows(test), test.Select(i => yText[i]).ToArray()), search.BestParameters);
        });
    }

    /// <summary>Nested cross-validation of a regressor.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="grid">Parameter name to the values to try, as text.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets.</param>
    /// <param name="outer">Outer folds (default <c>KFold</c>, 5 folds).</param>
    /// <param name="inner">Inner folds of the search (default <c>KFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default r2).</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    public static NestedCrossValidationResult Run<T>(T estimator, IReadOnlyDictionary<string, IReadOnlyList<string>> grid, Matrix x, double[] y,
        ISplitter? outer = null, ISplitter? inner = null, string scoring = "r2", FitContext? context = null) where T : class, IRegressor
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Length) throw new InvalidInputException($"x has {x.Rows} rows but y has {y.Length} values; give one target per row.");
        var scorer = CrossValidation.Resolve([scoring], Metrics.ScorerTask.Regression)[0];
        return Run(scoring, (outer ?? new KFold()).Split(x.Rows), context, (train, test) =>
        {
            var search = GridSearch.Run(estimator, grid, x.SelectRows(train), train.Select(i => y[i]).ToArray(), inner, scoring, refit: true, context: context);
            return (scorer.Score(search.BestModel!, x.SelectRows(test), test.Select(i => y[i]).ToArray()), search.BestParameters);
        });
    }

    private static NestedCrossValidationResult Run(string scoring, IReadOnlyList<Fold> folds, FitContext? context,
        Func<int[], int[], (double Score, IReadOnlyDictionary<string, string> Best)> outerFold)
    {
        var ctx = context ?? FitContext.Default;
        var scores = new double[folds.Count];
        var best = new IReadOnlyDictionary<string, string>[folds.Count];
        for (int f = 0; f < folds.Count; f++)
        {
            ctx.ThrowIfCancellationRequested();
            ctx.Report("nested-cv", f, folds.Count);
            (scores[f], best[f]) = outerFold(folds[f].Train, folds[f].Test);
        }
        return new NestedCrossValidationResult(scoring, scores, best);
    }
}
