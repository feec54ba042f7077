using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Hyperband (Li et al. 2018): several successive-halving brackets that trade the number of candidates against the
/// rows each starts with. With R rows, η = <c>factor</c> and s_max = ⌊log_η(R / r_min)⌋, bracket s = s_max … 0 draws
/// n_s = ⌈(s_max + 1)/(s + 1) · η^s⌉ random candidates from the space and runs <see cref="SuccessiveHalving"/> on them
/// from R·η^(−s) rows; the best final-round candidate over all brackets wins (ties to the earlier bracket) and is
/// refitted on all rows. Bracket s_max explores many cheap candidates, bracket 0 is a plain random search on all rows.
/// Deterministic per seed.
/// </summary>
public static class Hyperband
{
    /// <summary>Hyperband search for a classifier.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="space">Parameter name to distribution.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="factor">η ≥ 2 (default 3).</param>
    /// <param name="minResources">Fewest rows a candidate is scored on; null = 2 × folds × classes, as successive halving.</param>
    /// <param name="splitter">Folds (default <c>StratifiedKFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default accuracy).</param>
    /// <param name="seed">Seed of the draws and subsamples.</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    /// <returns>Every bracket, and the overall best (refitted) as a halving result of the winning bracket.</returns>
    public static (IReadOnlyList<HyperbandBracket> Brackets, HalvingResult<T, IClassificationModel> Best) Run<T>(T estimator,
        IReadOnlyDictionary<string, ParameterDistribution> space, Matrix x, ClassLabels y, int factor = 3, int? minResources = null,
        ISplitter? splitter = null, string scoring = "accuracy", long seed = 0, FitContext? context = null) where T : class, IClassifier
    {
        ArgumentNullException.ThrowIfNull(x);
        int folds = (splitter ?? new StratifiedKFold()).Split(x.Rows, y).Count;
        int rMin = minResources ?? Math.Min(x.Rows, folds * 2 * Math.Max(1, y.ClassCounts().Count(c => c > 0)));
        var scorer = CrossValidation.Resolve([scoring], ScorerTask.Classification)[0];
        return Search(space, x.Rows, rMin, factor, seed, scorer,
            (points, r, s) => SuccessiveHalving.Run(estimator, points, x, y, factor, r, splitter, scoring, s, false, context),
            e => e.Fit(x, y, null, context));
    }

    /// <summary>Hyperband search for a regressor.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="space">Parameter name to distribution.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets.</param>
    /// <param name="factor">η ≥ 2 (default 3).</param>
    /// <param name="minResources">Fewest rows a candidate is scored on; null = 2 × folds.</param>
    /// <param name="splitter">Folds (default <c>KFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default r2).</param>
    /// <param name="seed">Seed of the draws and subsamples.</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    /// <returns>Every bracket, and the overall best (refitted).</returns>
    public static (IReadOnlyList<HyperbandBracket> Brackets, HalvingResult<T, IRegressionModel> Best) Run<T>(T estimator,
        IReadOnlyDictionary<string, ParameterDistribution> space, Matrix x, double[] y, int factor = 3, int? minResources = null,
        ISplitter? splitter = null, string scoring = "r2", long seed = 0, FitContext? context = null) where T : class, IRegressor
    {
        ArgumentNullException.ThrowIfNull(x);
        int folds = (splitter ?? new KFold()).Split(x.Rows).Count;
        int rMin = minResources ?? Math.Min(x.Rows, folds * 2);
        var scorer = CrossValidation.Resolve([scoring], ScorerTask.Regression)[0];
        return Search(space, x.Rows, rMin, factor, seed, scorer,
            (points, r, s) => SuccessiveHalving.Run(estimator, points, x, y, factor, r, splitter, scoring, s, false, context),
            e => e.Fit(x, y, null, context));
    }

    /// <summary>The brackets for <paramref name="rows"/> rows: (candidates, first-round rows) for s = s_max … 0.</summary>
    public static IReadOnlyList<(int Candidates, int MinResources)> Brackets(int rows, int minResources, int factor)
    {
        if (factor < 2) throw new InvalidHyperparameterException("factor", $"The Hyperband factor must be at least 2; {factor} was given.");
        if (minResources < 1 || minResources > rows)
            throw new InvalidHyperparameterException("min_resources", $"min_resources must be between 1 and the {rows} rows; {minResources} was given.");
        int sMax = (int)Math.Floor(Math.Log((double)rows / minResources) / Math.Log(factor) + 1e-12);
        var brackets = new List<(int, int)>();
        for (int s = sMax; s >= 0; s--)
        {
            int n = (int)Math.Ceiling((sMax + 1.0) / (s + 1) * Math.Pow(factor, s));
            int r = Math.Max(1, (int)(rows / Math.Pow(factor, s)));
            brackets.Add((n, r));
        }
        return brackets;
    }

    private static (IReadOnlyList<HyperbandBracket>, HalvingResult<T, TModel>) Search<T, TModel>(
        IReadOnlyDictionary<string, ParameterDistribution> space, int rows, int rMin, int factor, long seed, Scorer scorer,
        Func<IReadOnlyList<IReadOnlyDictionary<string, string>>, int, long, HalvingResult<T, TModel>> halving, Func<T, TModel> refit)
    {
        ArgumentNullException.ThrowIfNull(space);
        var plan = Brackets(rows, rMin, factor);
        var brackets = new List<HyperbandBracket>();
        var results = new List<HalvingResult<T, TModel>>();
        for (int b = 0; b < plan.Count; b++)
        {
            var (n, r) = plan[b];
            var points = RandomizedSearch.Sample(space, n, seed + 7919L * b);
            var result = halving(points, r, seed + 104729L * b);
            results.Add(result);
            brackets.Add(new HyperbandBracket(n, r, result.Iterations, result.BestParameters, result.BestScore));
        }
        int best = 0;
        for (int b = 1; b < results.Count; b++)
        {
            double a = results[b].BestScore, c = results[best].BestScore;
            if (scorer.GreaterIsBetter ? a > c : a < c) best = b;
        }
        var winner = results[best];
        return (brackets, winner with { BestModel = refit(winner.BestEstimator) });
    }
}
