using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Bayesian hyperparameter search with a <see cref="TpeSampler"/>: each trial is cross-validated and its mean score
/// told to the sampler before the next is proposed, so later trials concentrate where earlier ones scored well.
/// Deterministic per seed. The result has the same shape as a grid or randomized search (every trial in order, the
/// best, the refitted best model).
/// </summary>
public static class BayesianSearch
{
    /// <summary>Bayesian search for a classifier.</summary>
    /// <param name="estimator">Base estimator; each trial changes the parameters of <paramref name="space"/>.</param>
    /// <param name="space">Parameter name to distribution.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="nIter">Number of trials (default 30).</param>
    /// <param name="seed">Seed of the sampler (default 0).</param>
    /// <param name="splitter">Fold strategy (default <c>StratifiedKFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default accuracy).</param>
    /// <param name="refit">Refit the best on all rows (default true).</param>
    /// <param name="startupTrials">Random trials before the model proposes (default 10).</param>
    /// <param name="groups">Group of each row, for group splitters.</param>
    /// <param name="context">Cancellation, progress ("search", one step per trial) and threads.</param>
    /// <returns>All trials in order, the best one and the refitted model.</returns>
    public static GridSearchResult<T, IClassificationModel> Run<T>(T estimator, IReadOnlyDictionary<string, ParameterDistribution> space,
        Matrix x, ClassLabels y, int nIter = 30, long seed = 0, ISplitter? splitter = null, string scoring = "accuracy",
        bool refit = true, int startupTrials = 10, ClassLabels? groups = null, FitContext? context = null) where T : class, IClassifier
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Count) throw new InvalidInputException($"x has {x.Rows} rows but y has {y.Count} labels; give one label per row.");
        var scorer = CrossValidation.Resolve([scoring], ScorerTask.Classification)[0];
        return GridSearch.SearchSequential(estimator, Proposer(space, nIter, seed, startupTrials, scorer, context), x.Rows, y, groups,
            splitter ?? new StratifiedKFold(), scorer, context, GridSearch.ClassifierFold<T>(x, y, scorer),
            (e, ctx) => refit ? e.Fit(x, y, null, ctx) : null);
    }

    /// <summary>Bayesian search for a regressor.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="space">Parameter name to distribution.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets.</param>
    /// <param name="nIter">Number of trials (default 30).</param>
    /// <param name="seed">Seed of the sampler (default 0).</param>
    /// <param name="splitter">Fold strategy (default <c>KFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default r2).</param>
    /// <param name="refit">Refit the best on all rows (default true).</param>
    /// <param name="startupTrials">Random trials before the model proposes (default 10).</param>
    /// <param name="groups">Group of each row, for group splitters.</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    /// <returns>All trials in order, the best one and the refitted model.</returns>
    public static GridSearchResult<T, IRegressionModel> Run<T>(T estimator, IReadOnlyDictionary<string, ParameterDistribution> space,
        Matrix x, double[] y, int nIter = 30, long seed = 0, ISplitter? splitter = null, string scoring = "r2",
        bool refit = true, int startupTrials = 10, ClassLabels? groups = null, FitContext? context = null) where T : class, IRegressor
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Length) throw new InvalidInputException($"x has {x.Rows} rows but y has {y.Length} values; give one target per row.");
        var scorer = CrossValidation.Resolve([scoring], ScorerTask.Regression)[0];
        return GridSearch.SearchSequential(estimator, Proposer(space, nIter, seed, startupTrials, scorer, context), x.Rows, null, groups,
            splitter ?? new KFold(), scorer, context, GridSearch.RegressorFold<T>(x, y, scorer),
            (e, ctx) => refit ? e.Fit(x, y, null, ctx) : null);
    }

    /// <summary>
    /// A proposer for a sequential search: tells the sampler the newest result (as a loss: −score when greater is
    /// better), then asks it for the next point, until <paramref name="nIter"/> trials are done.
    /// </summary>
    internal static Func<IReadOnlyList<GridSearchCandidate>, IReadOnlyDictionary<string, string>?> Proposer(
        IReadOnlyDictionary<string, ParameterDistribution> space, int nIter, long seed, int startupTrials, Scorer scorer, FitContext? context)
    {
        if (nIter < 1) throw new InvalidHyperparameterException("n_iter", $"A Bayesian search needs at least one trial; {nIter} was given.");
        var sampler = new TpeSampler(space, seed, startupTrials);
        return done =>
        {
            if (done.Count > 0)
            {
                var last = done[^1];
                sampler.Tell(last.Parameters, scorer.GreaterIsBetter ? -last.MeanScore : last.MeanScore);
            }
            context?.Report("search", done.Count, nIter);
            return done.Count < nIter ? sampler.Next() : null;
        };
    }
}
