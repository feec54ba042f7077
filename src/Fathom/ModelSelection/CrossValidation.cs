using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Cross-validation: fits a fresh model on each fold's training rows and scores it on the fold's test rows
/// (and optionally its training rows) with named scorers from <see cref="Scorers"/>. Folds run in parallel on
/// up to <see cref="FitContext.MaxThreads"/> threads; results are stored by fold index, so they do not depend
/// on thread timing. Cost: one fit and one or two predictions per fold.
/// </summary>
public static class CrossValidation
{
    /// <summary>Cross-validates a classifier.</summary>
    /// <param name="estimator">Classifier; it is fitted once per fold and never mutated.</param>
    /// <param name="x">Features, one row per sample.</param>
    /// <param name="y">Class labels (also handed to the splitter, for stratification).</param>
    /// <param name="splitter">Fold strategy, e.g. <c>new StratifiedKFold()</c>.</param>
    /// <param name="scoring">Scorer names (default: accuracy).</param>
    /// <param name="returnTrainScores">Also score each model on its own training rows (default false).</param>
    /// <param name="groups">Group of each row, for group splitters.</param>
    /// <param name="sampleWeight">Per-row weights, passed to fitting and scoring.</param>
    /// <param name="context">Cancellation, progress (stage "cv", one step per fold) and thread limit.</param>
    /// <returns>Per-fold scores, means and standard deviations.</returns>
    public static CrossValidationResult Run(IClassifier estimator, Matrix x, ClassLabels y, ISplitter splitter,
        IReadOnlyList<string>? scoring = null, bool returnTrainScores = false, ClassLabels? groups = null,
        double[]? sampleWeight = null, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        CheckRows(x, y.Count, sampleWeight);
        var scorers = Resolve(scoring ?? ["accuracy"], ScorerTask.Classification);
        var names = y.Classes;
        var yText = new string[y.Count];
        for (int i = 0; i < yText.Length; i++) yText[i] = names[y.Codes[i]];
        return Execute(splitter, x.Rows, y, groups, scorers, returnTrainScores, context, (train, test, inner) =>
        {
            var model = estimator.Fit(x.SelectRows(train), y.Subset(train), Pick(sampleWeight, train), inner);
            return Score(scorers, returnTrainScores, rows =>
                (IReadOnlyList<string>)rows.Select(i => yText[i]).ToArray(), (s, rows, truth) =>
                s.Score(model, x.SelectRows(rows), truth, Pick(sampleWeight, rows)), train, test);
        });
    }

    /// <summary>Cross-validates a regressor.</summary>
    /// <param name="estimator">Regressor; it is fitted once per fold and never mutated.</param>
    /// <param name="x">Features, one row per sample.</param>
    /// <param name="y">Targets.</param>
    /// <param name="splitter">Fold strategy, e.g. <c>new KFold()</c>.</param>
    /// <param name="scoring">Scorer names (default: r2).</param>
    /// <param name="returnTrainScores">Also score each model on its own training rows (default false).</param>
    /// <param name="groups">Group of each row, for group splitters.</param>
    /// <param name="sampleWeight">Per-row weights, passed to fitting and scoring.</param>
    /// <param name="context">Cancellation, progress (stage "cv", one step per fold) and thread limit.</param>
    /// <returns>Per-fold scores, means and standard deviations.</returns>
    public static CrossValidationResult Run(IRegressor estimator, Matrix x, double[] y, ISplitter splitter,
        IReadOnlyList<string>? scoring = null, bool returnTrainScores = false, ClassLabels? groups = null,
        double[]? sampleWeight = null, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        CheckRows(x, y.Length, sampleWeight);
        var scorers = Resolve(scoring ?? ["r2"], ScorerTask.Regression);
        return Execute(splitter, x.Rows, null, groups, scorers, returnTrainScores, context, (train, test, inner) =>
        {
            var model = estimator.Fit(x.SelectRows(train), Pick(y, train)!, Pick(sampleWeight, train), inner);
            return Score(scorers, returnTrainScores, rows => (IReadOnlyList<double>)Pick(y, rows)!, (s, rows, truth) =>
                s.Score(model, x.SelectRows(rows), truth, Pick(sampleWeight, rows)), train, test);
        });
    }

    internal static Scorer[] Resolve(IReadOnlyList<string> scoring, ScorerTask task)
    {
        if (scoring.Count == 0)
            throw new InvalidHyperparameterException("scoring", "Give at least one scorer name, e.g. " + string.Join(", ", Scorers.Defaults(task)) + ".");
        var scorers = scoring.Select(Scorers.Get).ToArray();
        foreach (var s in scorers)
            if (s.Task != task)
                throw new InvalidHyperparameterException("scoring",
                    $"Scorer '{s.Name}' is for {s.Task.ToString().ToLowerInvariant()}; use one of: {string.Join(", ", Scorers.For(task).Select(t => t.Name))}.");
        if (scorers.Select(s => s.Name).Distinct().Count() != scorers.Length)
            throw new InvalidHyperparameterException("scoring", $"Scorer names repeat: {string.Join(", ", scoring)}; give each once.");
        return scorers;
    }

    private static void CheckRows(Matrix x, int yCount, double[]? sampleWeight)
    {
        if (x.Rows != yCount)
            throw new InvalidInputException($"x has {x.Rows} rows but y has {yCount} values; give one target per row.");
        if (sampleWeight is not null && sampleWeight.Length != x.Rows)
            throw new InvalidInputException($"sampleWeight has {sampleWeight.Length} values for {x.Rows} rows; give one weight per row.");
    }

    private static double[]? Pick(double[]? values, int[] rows)
    {
        if (values is null) return null;
        var r = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++) r[i] = values[rows[i]];
        return r;
    }

    private static (double[] Test, double[]? Train) Score<TTruth>(Scorer[] scorers, bool train,
        Func<int[], TTruth> truth, Func<Scorer, int[], TTruth, double> score, int[] trainRows, int[] testRows)
    {
        var test = new double[scorers.Length];
        var testTruth = truth(testRows);
        for (int s = 0; s < scorers.Length; s++) test[s] = score(scorers[s], testRows, testTruth);
        if (!train) return (test, null);
        var tr = new double[scorers.Length];
        var trainTruth = truth(trainRows);
        for (int s = 0; s < scorers.Length; s++) tr[s] = score(scorers[s], trainRows, trainTruth);
        return (test, tr);
    }

    private static CrossValidationResult Execute(ISplitter splitter, int rows, ClassLabels? labels, ClassLabels? groups,
        Scorer[] scorers, bool train, FitContext? context, Func<int[], int[], FitContext, (double[] Test, double[]? Train)> runFold)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        var ctx = context ?? FitContext.Default;
        var folds = splitter.Split(rows, labels, groups);
        if (folds.Count == 0) throw new InvalidHyperparameterException("splitter", "The splitter produced no folds.");
        var results = RunFolds(folds.Count, ctx, (f, inner) => runFold(folds[f].Train, folds[f].Test, inner));
        var scores = new CrossValidationScore[scorers.Length];
        for (int s = 0; s < scorers.Length; s++)
            scores[s] = new CrossValidationScore(scorers[s].Name, scorers[s].GreaterIsBetter,
                results.Select(r => r.Test[s]).ToArray(), train ? results.Select(r => r.Train![s]).ToArray() : null);
        return new CrossValidationResult(scores, folds.Count);
    }

    /// <summary>Runs <paramref name="count"/> independent jobs on up to <see cref="FitContext.ThreadCount"/> threads,
    /// results by index; each job gets a context with the same cancellation and a share of the threads.</summary>
    internal static T[] RunFolds<T>(int count, FitContext ctx, Func<int, FitContext, T> job)
    {
        ctx.ThrowIfCancellationRequested();
        int workers = Math.Max(1, Math.Min(ctx.ThreadCount, count));
        var inner = ctx with { Progress = null, MaxThreads = Math.Max(1, ctx.ThreadCount / workers) };
        var results = new T[count];
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ctx.CancellationToken };
        try
        {
            Parallel.For(0, count, options, f =>
            {
                results[f] = job(f, inner);
                ctx.Report("cv", Interlocked.Increment(ref done), count);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            var first = e.InnerExceptions.FirstOrDefault(x => x is FathomException) ?? e.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
        return results;
    }
}
