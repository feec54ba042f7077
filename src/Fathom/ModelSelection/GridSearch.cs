using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Exhaustive search over a grid of hyperparameter values given as text (as on the command line), scored by
/// cross-validation, as scikit-learn's <c>GridSearchCV</c>. Every combination is parsed and validated through
/// <see cref="Hyperparameters.With{T}"/> before any fitting, so an unknown name or a bad value fails at once
/// with that method's message. All candidate × fold fits run in parallel on up to
/// <see cref="FitContext.MaxThreads"/> threads; results do not depend on timing. Cost: candidates × folds fits
/// plus one refit.
/// </summary>
public static class GridSearch
{
    /// <summary>Grid search for a classifier.</summary>
    /// <param name="estimator">Base estimator; grid values override its properties.</param>
    /// <param name="grid">Parameter name (any case, e.g. "C", "max_iter") to the values to try, as text.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="splitter">Fold strategy (default: <c>StratifiedKFold</c> with 5 folds).</param>
    /// <param name="scoring">Scorer name (default accuracy); losses are minimized.</param>
    /// <param name="refit">Refit the best estimator on all rows (default true).</param>
    /// <param name="groups">Group of each row, for group splitters.</param>
    /// <param name="context">Cancellation, progress (stage "cv", one step per fit) and thread limit.</param>
    /// <returns>All candidates, the best one and the refitted model.</returns>
    public static GridSearchResult<T, IClassificationModel> Run<T>(T estimator, IReadOnlyDictionary<string, IReadOnlyList<string>> grid,
        Matrix x, ClassLabels y, ISplitter? splitter = null, string scoring = "accuracy", bool refit = true,
        ClassLabels? groups = null, FitContext? context = null) where T : class, IClassifier
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Classify(estimator, Expand(grid), x, y, splitter, scoring, refit, groups, context);
    }

    /// <summary>Grid search for a regressor.</summary>
    /// <param name="estimator">Base estimator; grid values override its properties.</param>
    /// <param name="grid">Parameter name to the values to try, as text.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets.</param>
    /// <param name="splitter">Fold strategy (default: <c>KFold</c> with 5 folds).</param>
    /// <param name="scoring">Scorer name (default r2); losses are minimized.</param>
    /// <param name="refit">Refit the best estimator on all rows (default true).</param>
    /// <param name="groups">Group of each row, for group splitters.</param>
    /// <param name="context">Cancellation, progress (stage "cv", one step per fit) and thread limit.</param>
    /// <returns>All candidates, the best one and the refitted model.</returns>
    public static GridSearchResult<T, IRegressionModel> Run<T>(T estimator, IReadOnlyDictionary<string, IReadOnlyList<string>> grid,
        Matrix x, double[] y, ISplitter? splitter = null, string scoring = "r2", bool refit = true,
        ClassLabels? groups = null, FitContext? context = null) where T : class, IRegressor
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Regress(estimator, Expand(grid), x, y, splitter, scoring, refit, groups, context);
    }

    /// <summary>All combinations of the grid in scikit-learn's ParameterGrid order: keys sorted (snake_case,
    /// ordinal), the last key varying fastest.</summary>
    /// <param name="grid">Parameter name to values.</param>
    /// <returns>One dictionary per combination.</returns>
    /// <exception cref="InvalidHyperparameterException">An empty grid, an empty value list or a name given twice.</exception>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Expand(IReadOnlyDictionary<string, IReadOnlyList<string>> grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count == 0) throw new InvalidHyperparameterException("grid", "The grid is empty; give at least one parameter with values.");
        var keys = new List<(string Key, IReadOnlyList<string> Values)>();
        foreach (var (key, values) in grid)
        {
            string k = Hyperparameters.ToSnakeCase(key.Trim());
            if (values is null || values.Count == 0)
                throw new InvalidHyperparameterException(k, $"The grid gives no values for '{key}'; list at least one.");
            if (keys.Any(p => p.Key == k))
                throw new InvalidHyperparameterException(k, $"The grid names '{k}' twice; give it once.");
            keys.Add((k, values));
        }
        keys.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var result = new List<IReadOnlyDictionary<string, string>> { new SortedDictionary<string, string>(StringComparer.Ordinal) };
        foreach (var (key, values) in keys)
            result = result.SelectMany(partial => values.Select(v =>
                (IReadOnlyDictionary<string, string>)new SortedDictionary<string, string>(
                    partial.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal) { [key] = v.Trim() })).ToList();
        return result;
    }

    internal static GridSearchResult<T, IClassificationModel> Classify<T>(T estimator, IReadOnlyList<IReadOnlyDictionary<string, string>> points,
        Matrix x, ClassLabels y, ISplitter? splitter, string scoring, bool refit, ClassLabels? groups, FitContext? context)
        where T : class, IClassifier
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Count) throw new InvalidInputException($"x has {x.Rows} rows but y has {y.Count} labels; give one label per row.");
        var scorer = CrossValidation.Resolve([scoring], ScorerTask.Classification)[0];
        return Search(estimator, points, x.Rows, y, groups, splitter ?? new StratifiedKFold(), scorer, context,
            ClassifierFold<T>(x, y, scorer), (e, ctx) => refit ? e.Fit(x, y, null, ctx) : null);
    }

    /// <summary>Fits a classifier on the training rows of a fold and scores it on the test rows.</summary>
    internal static Func<T, int[], int[], FitContext, double> ClassifierFold<T>(Matrix x, ClassLabels y, Scorer scorer) where T : IClassifier
    {
        var yText = y.Codes.ToArray().Select(c => y.Classes[c]).ToArray();
        return (e, train, test, inner) =>
        {
            var model = e.Fit(x.SelectRows(train), y.Subset(train), null, inner);
            return scorer.Score(model, x.SelectRows(test), test.Select(i => yText[i]).ToArray());
        };
    }

    internal static GridSearchResult<T, IRegressionModel> Regress<T>(T estimator, IReadOnlyList<IReadOnlyDictionary<string, string>> points,
        Matrix x, double[] y, ISplitter? splitter, string scoring, bool refit, ClassLabels? groups, FitContext? context)
        where T : class, IRegressor
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Length) throw new InvalidInputException($"x has {x.Rows} rows but y has {y.Length} values; give one target per row.");
        var scorer = CrossValidation.Resolve([scoring], ScorerTask.Regression)[0];
        return Search(estimator, points, x.Rows, null, groups, splitter ?? new KFold(), scorer, context,
            RegressorFold<T>(x, y, scorer), (e, ctx) => refit ? e.Fit(x, y, null, ctx) : null);
    }

    /// <summary>Fits a regressor on the training rows of a fold and scores it on the test rows.</summary>
    internal static Func<T, int[], int[], FitContext, double> RegressorFold<T>(Matrix x, double[] y, Scorer scorer) where T : IRegressor
    {
        return (e, train, test, inner) =>
        {
            var model = e.Fit(x.SelectRows(train), train.Select(i => y[i]).ToArray(), null, inner);
            return scorer.Score(model, x.SelectRows(test), test.Select(i => y[i]).ToArray());
        };
    }

    internal static GridSearchResult<T, TModel> Search<T, TModel>(T estimator, IReadOnlyList<IReadOnlyDictionary<string, string>> points,
        int rows, ClassLabels? labels, ClassLabels? groups, ISplitter splitter, Scorer scorer, FitContext? context,
        Func<T, int[], int[], FitContext, double> fitAndScore, Func<T, FitContext, TModel?> refit) where T : class
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var ctx = context ?? FitContext.Default;
        var estimators = points.Select(p => Hyperparameters.With(estimator, p)).ToArray();
        var folds = splitter.Split(rows, labels, groups);
        int k = folds.Count;
        var scores = CrossValidation.RunFolds(estimators.Length * k, ctx,
            (job, inner) => fitAndScore(estimators[job / k], folds[job % k].Train, folds[job % k].Test, inner));
        var candidates = new GridSearchCandidate[points.Count];
        for (int c = 0; c < points.Count; c++)
        {
            var s = scores.AsSpan(c * k, k).ToArray();
            candidates[c] = new GridSearchCandidate(points[c], s.Average(), CrossValidationScore.Std(s), s, 0);
        }
        return Finish(estimator, candidates, scorer, ctx, refit);
    }

    /// <summary>
    /// A search whose next point depends on the results so far (Bayesian optimization): <paramref name="propose"/> gets
    /// the candidates scored so far and returns the next point, or null to stop; each point is cross-validated (folds
    /// in parallel) before the next is proposed.
    /// </summary>
    internal static GridSearchResult<T, TModel> SearchSequential<T, TModel>(T estimator,
        Func<IReadOnlyList<GridSearchCandidate>, IReadOnlyDictionary<string, string>?> propose,
        int rows, ClassLabels? labels, ClassLabels? groups, ISplitter splitter, Scorer scorer, FitContext? context,
        Func<T, int[], int[], FitContext, double> fitAndScore, Func<T, FitContext, TModel?> refit) where T : class
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var ctx = context ?? FitContext.Default;
        var folds = splitter.Split(rows, labels, groups);
        int k = folds.Count;
        var candidates = new List<GridSearchCandidate>();
        while (propose(candidates) is { } point)
        {
            ctx.ThrowIfCancellationRequested();
            var e = Hyperparameters.With(estimator, point);
            var s = CrossValidation.RunFolds(k, ctx, (job, inner) => fitAndScore(e, folds[job].Train, folds[job].Test, inner));
            candidates.Add(new GridSearchCandidate(point, s.Average(), CrossValidationScore.Std(s), s, 0));
        }
        if (candidates.Count == 0) throw new InvalidHyperparameterException("n_iter", "The search tried no candidate; ask for at least one trial.");
        return Finish(estimator, candidates.ToArray(), scorer, ctx, refit);
    }

    // Ranks like scipy's rankdata(method="min") on the (possibly negated) mean, NaN last; refits the best.
    private static GridSearchResult<T, TModel> Finish<T, TModel>(T estimator, GridSearchCandidate[] candidates, Scorer scorer, FitContext ctx,
        Func<T, FitContext, TModel?> refit) where T : class
    {
        int n = candidates.Length;
        double Key(int c) => double.IsNaN(candidates[c].MeanScore) ? double.NegativeInfinity : scorer.GreaterIsBetter ? candidates[c].MeanScore : -candidates[c].MeanScore;
        var keys = Enumerable.Range(0, n).Select(Key).ToArray();
        for (int c = 0; c < n; c++)
            candidates[c] = candidates[c] with { Rank = 1 + keys.Count(o => o > keys[c]) };
        int best = Enumerable.Range(0, n).First(c => candidates[c].Rank == 1);
        ctx.ThrowIfCancellationRequested();
        var bestEstimator = Hyperparameters.With(estimator, candidates[best].Parameters);
        var model = refit(bestEstimator, ctx);
        return new GridSearchResult<T, TModel>(scorer.Name, candidates, best, bestEstimator, model);
    }
}
