using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Randomized hyperparameter search, as scikit-learn's <c>RandomizedSearchCV</c>: draws <c>nIter</c> candidates
/// from a search space (see <see cref="ParseSpace"/>), scores each by cross-validation and refits the best.
/// Deterministic per seed (draws are made up front, in sorted-key order, from one <see cref="RandomSource"/>);
/// candidates × folds fits run in parallel. Results use the same types as <see cref="GridSearch"/>.
/// </summary>
public static class RandomizedSearch
{
    /// <summary>Parses a search space such as <c>"max_depth=2..10, learning_rate=log(0.01..0.3), penalty=l2|none"</c>.</summary>
    /// <param name="space">Comma-separated <c>name=distribution</c> entries (see <see cref="ParameterDistribution.Parse"/>).</param>
    /// <returns>Parameter name (snake_case) to distribution.</returns>
    /// <exception cref="InvalidHyperparameterException">Malformed entry, repeated name or empty range.</exception>
    public static IReadOnlyDictionary<string, ParameterDistribution> ParseSpace(string space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var result = new SortedDictionary<string, ParameterDistribution>(StringComparer.Ordinal);
        foreach (var entry in SplitEntries(space))
        {
            int eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new InvalidHyperparameterException("space", $"Search space entry '{entry}' should look like name=values, e.g. max_depth=2..10.");
            string name = Hyperparameters.ToSnakeCase(entry[..eq].Trim());
            if (result.ContainsKey(name)) throw new InvalidHyperparameterException(name, $"The search space names '{name}' twice; give it once.");
            result[name] = ParameterDistribution.Parse(name, entry[(eq + 1)..]);
        }
        if (result.Count == 0) throw new InvalidHyperparameterException("space", "The search space is empty; give at least one name=values entry.");
        return result;
    }

    /// <summary>Draws <paramref name="count"/> candidates from a space, keys in sorted order, deterministically per seed.</summary>
    /// <param name="space">Parameter name to distribution.</param>
    /// <param name="count">Number of candidates, at least 1.</param>
    /// <param name="seed">Seed.</param>
    /// <returns>The candidates.</returns>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Sample(IReadOnlyDictionary<string, ParameterDistribution> space, int count, long seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (count < 1) throw new InvalidHyperparameterException("n_iter", $"n_iter must be at least 1, got {count}.");
        if (space.Count == 0) throw new InvalidHyperparameterException("space", "The search space is empty; give at least one parameter.");
        var keys = space.Keys.Select(k => (Key: Hyperparameters.ToSnakeCase(k.Trim()), Dist: space[k]))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var random = new RandomSource(seed);
        var points = new List<IReadOnlyDictionary<string, string>>(count);
        for (int i = 0; i < count; i++)
        {
            var p = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, dist) in keys) p[key] = dist.Sample(random);
            points.Add(p);
        }
        return points;
    }

    /// <summary>Randomized search for a classifier.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="space">Parameter name to distribution (e.g. from <see cref="ParseSpace"/>).</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="nIter">Number of candidates (default 10).</param>
    /// <param name="seed">Seed for the draws (default 0).</param>
    /// <param name="splitter">Fold strategy (default <c>StratifiedKFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default accuracy).</param>
    /// <param name="refit">Refit the best on all rows (default true).</param>
    /// <param name="groups">Group of each row, for group splitters.</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    /// <returns>All candidates in draw order, the best one and the refitted model.</returns>
    public static GridSearchResult<T, IClassificationModel> Run<T>(T estimator, IReadOnlyDictionary<string, ParameterDistribution> space,
        Matrix x, ClassLabels y, int nIter = 10, long seed = 0, ISplitter? splitter = null, string scoring = "accuracy",
        bool refit = true, ClassLabels? groups = null, FitContext? context = null) where T : class, IClassifier =>
        GridSearch.Classify(estimator, Sample(space, nIter, seed), x, y, splitter, scoring, refit, groups, context);

    /// <summary>Randomized search for a regressor.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="space">Parameter name to distribution.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets.</param>
    /// <param name="nIter">Number of candidates (default 10).</param>
    /// <param name="seed">Seed for the draws (default 0).</param>
    /// <param name="splitter">Fold strategy (default <c>KFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default r2).</param>
    /// <param name="refit">Refit the best on all rows (default true).</param>
    /// <param name="groups">Group of each row, for group splitters.</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    /// <returns>All candidates in draw order, the best one and the refitted model.</returns>
    public static GridSearchResult<T, IRegressionModel> Run<T>(T estimator, IReadOnlyDictionary<string, ParameterDistribution> space,
        Matrix x, double[] y, int nIter = 10, long seed = 0, ISplitter? splitter = null, string scoring = "r2",
        bool refit = true, ClassLabels? groups = null, FitContext? context = null) where T : class, IRegressor =>
        GridSearch.Regress(estimator, Sample(space, nIter, seed), x, y, splitter, scoring, refit, groups, context);

    /// <summary>Splits on commas that are not inside parentheses.</summary>
    private static IEnumerable<string> SplitEntries(string space)
    {
        int depth = 0, start = 0;
        for (int i = 0; i <= space.Length; i++)
        {
            if (i == space.Length || (space[i] == ',' && depth == 0))
            {
                string e = space[start..i].Trim();
                if (e.Length > 0) yield return e;
                start = i + 1;
            }
            else if (space[i] == '(') depth++;
            else if (space[i] == ')') depth--;
        }
    }
}
