using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Successive halving (Jamieson &amp; Talwalkar 2016), scikit-learn 1.2's HalvingGridSearchCV with rows as the resource:
/// every candidate is first scored on a small subsample of the rows; the best 1/<c>factor</c> go on to a round with
/// <c>factor</c> times more rows, until one round is left. The schedule is scikit-learn's: with c candidates,
/// rounds = min(1 + ⌊log_f c⌋, 1 + ⌊log_f(n / r₀)⌋), round i uses ⌊fⁱ·r₀⌋ rows and keeps ⌈c/f⌉ candidates; the
/// smallest resource r₀ is 2 × folds (× classes for classifiers), raised ("exhaust") so the last round uses as many
/// rows as possible. Each fold's training and test parts are subsampled to the round's share of the rows (without
/// replacement, seeded), as scikit-learn does; the draws use Fathom's generator, so scores differ from
/// scikit-learn's while the schedule is the same.
/// </summary>
public static class SuccessiveHalving
{
    /// <summary>Successive halving over a list of candidates for a classifier.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="candidates">Parameter sets to try (e.g. <see cref="GridSearch.Expand"/> or <see cref="RandomizedSearch.Sample"/>).</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="factor">Elimination factor, ≥ 2 (default 3).</param>
    /// <param name="minResources">Rows of the first round; null for scikit-learn's "exhaust".</param>
    /// <param name="splitter">Folds (default <c>StratifiedKFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default accuracy).</param>
    /// <param name="seed">Seed of the subsampling.</param>
    /// <param name="refit">Refit the best on all rows (default true).</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    public static HalvingResult<T, IClassificationModel> Run<T>(T estimator, IReadOnlyList<IReadOnlyDictionary<string, string>> candidates, Matrix x,
        ClassLabels y, int factor = 3, int? minResources = null, ISplitter? splitter = null, string scoring = "accuracy", long seed = 0,
        bool refit = true, FitContext? context = null) where T : class, IClassifier
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Count) throw new InvalidInputException($"x has {x.Rows} rows but y has {y.Count} labels; give one label per row.");
        var scorer = CrossValidation.Resolve([scoring], ScorerTask.Classification)[0];
        var folds = (splitter ?? new StratifiedKFold()).Split(x.Rows, y);
        int classes = y.ClassCounts().Count(c => c > 0);
        return Search(estimator, candidates, x.Rows, folds, classes, factor, minResources, scorer, seed, context,
            GridSearch.ClassifierFold<T>(x, y, scorer), (e, ctx) => refit ? e.Fit(x, y, null, ctx) : null);
    }

    /// <summary>Successive halving over a list of candidates for a regressor.</summary>
    /// <param name="estimator">Base estimator.</param>
    /// <param name="candidates">Parameter sets to try.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets.</param>
    /// <param name="factor">Elimination factor, ≥ 2 (default 3).</param>
    /// <param name="minResources">Rows of the first round; null for "exhaust".</param>
    /// <param name="splitter">Folds (default <c>KFold</c>, 5 folds).</param>
    /// <param name="scoring">Scorer name (default r2).</param>
    /// <param name="seed">Seed of the subsampling.</param>
    /// <param name="refit">Refit the best on all rows (default true).</param>
    /// <param name="context">Cancellation, progress and threads.</param>
    public static HalvingResult<T, IRegressionModel> Run<T>(T estimator, IReadOnlyList<IReadOnlyDictionary<string, string>> candidates, Matrix x,
        double[] y, int factor = 3, int? minResources = null, ISplitter? splitter = null, string scoring = "r2", long seed = 0,
        bool refit = true, FitContext? context = null) where T : class, IRegressor
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Length) throw new InvalidInputException($"x has {x.Rows} rows but y has {y.Length} values; give one target per row.");
        var scorer = CrossValidation.Resolve([scoring], ScorerTask.Regression)[0];
        var folds = (splitter ?? new KFold()).Split(x.Rows);
        return Search(estimator, candidates, x.Rows, folds, 1, factor, minResources, scorer, seed, context,
            GridSearch.RegressorFold<T>(x, y, scorer), (e, ctx) => refit ? e.Fit(x, y, null, ctx) : null);
    }

    /// <summary>
    /// scikit-learn's schedule: (rows per round, candidates per round) for <paramref name="candidates"/> candidates and
    /// <paramref name="rows"/> rows, given the smallest resource (after "exhaust" when <paramref name="exhaust"/>).
    /// </summary>
    public static IReadOnlyList<(int Resources, int Candidates)> Schedule(int candidates, int rows, int factor, int minResources, bool exhaust)
    {
        if (factor < 2) throw new InvalidHyperparameterException("factor", $"The halving factor must be at least 2; {factor} was given.");
        if (candidates < 1) throw new InvalidHyperparameterException("candidates", "Successive halving needs at least one candidate.");
        if (minResources < 1 || minResources > rows)
            throw new InvalidHyperparameterException("min_resources", $"min_resources must be between 1 and the {rows} rows; {minResources} was given.");
        int required = 1 + FloorLog(candidates, factor);
        int r0 = exhaust ? Math.Max(minResources, rows / Pow(factor, required - 1)) : minResources;
        int possible = 1 + FloorLog(rows / r0, factor);
        int rounds = Math.Min(possible, required);
        var schedule = new List<(int, int)>();
        int c = candidates;
        for (int i = 0; i < rounds; i++)
        {
            schedule.Add((Math.Min((int)((long)Pow(factor, i) * r0), rows), c));
            c = (int)Math.Ceiling((double)c / factor);
        }
        return schedule;
    }

    private static HalvingResult<T, TModel> Search<T, TModel>(T estimator, IReadOnlyList<IReadOnlyDictionary<string, string>> candidates, int rows,
        IReadOnlyList<Fold> folds, int classes, int factor, int? minResources, Scorer scorer, long seed, FitContext? context,
        Func<T, int[], int[], FitContext, double> fitAndScore, Func<T, FitContext, TModel?> refit) where T : class
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(candidates);
        var ctx = context ?? FitContext.Default;
        int smallest = minResources ?? Math.Min(rows, folds.Count * 2 * Math.Max(1, classes));
        var schedule = Schedule(candidates.Count, rows, factor, smallest, exhaust: minResources is null);
        var random = new RandomSource(seed);
        var alive = candidates.ToList();
        var iterations = new List<HalvingIteration>();
        for (int round = 0; round < schedule.Count; round++)
        {
            int resources = schedule[round].Resources;
            double fraction = (double)resources / rows;
            var subFolds = folds.Select(f => new Fold(Subsample(f.Train, fraction, random), Subsample(f.Test, fraction, random))).ToArray();
            var estimators = alive.Select(p => Hyperparameters.With(estimator, p)).ToArray();
            int k = subFolds.Length;
            var scores = CrossValidation.RunFolds(estimators.Length * k, ctx,
                (job, inner) => fitAndScore(estimators[job / k], subFolds[job % k].Train, subFolds[job % k].Test, inner));
            var scored = new GridSearchCandidate[alive.Count];
            for (int c = 0; c < alive.Count; c++)
            {
                var s = scores.AsSpan(c * k, k).ToArray();
                scored[c] = new GridSearchCandidate(alive[c], s.Average(), CrossValidationScore.Std(s), s, 0);
            }
            iterations.Add(new HalvingIteration(resources, scored));
            int keep = round + 1 < schedule.Count ? schedule[round + 1].Candidates : 1;
            // Best first (losses lowest first), NaN last, ties to the earlier candidate.
            double Key(int c) => double.IsNaN(scored[c].MeanScore) ? double.NegativeInfinity : scorer.GreaterIsBetter ? scored[c].MeanScore : -scored[c].MeanScore;
            var order = Enumerable.Range(0, scored.Length).OrderByDescending(Key).ThenBy(c => c).ToArray();
            alive = order.Take(keep).Select(c => alive[c]).ToList();
        }
        ctx.ThrowIfCancellationRequested();
        var last = iterations[^1].Candidates;
        var best = last.First(c => ReferenceEquals(c.Parameters, alive[0]));
        var bestEstimator = Hyperparameters.With(estimator, alive[0]);
        return new HalvingResult<T, TModel>(iterations, alive[0], best.MeanScore, bestEstimator, refit(bestEstimator, ctx));
    }

    private static int[] Subsample(int[] rows, double fraction, RandomSource random)
    {
        int take = Math.Max(1, (int)(fraction * rows.Length));
        if (take >= rows.Length) return rows;
        var copy = (int[])rows.Clone();
        for (int i = 0; i < take; i++)
        {
            int j = i + random.NextInt(copy.Length - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        var chosen = copy[..take];
        Array.Sort(chosen);
        return chosen;
    }

    // ⌊log_f(value)⌋ computed in floating point as scikit-learn does (log(243, 3) rounds below 5 there too).
    private static int FloorLog(int value, int factor) => (int)Math.Floor(Math.Log(value) / Math.Log(factor));

    private static int Pow(int factor, int power)
    {
        long v = 1;
        for (int i = 0; i < power; i++) v = Math.Min(v * factor, int.MaxValue);
        return (int)v;
    }
}
