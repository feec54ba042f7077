using System.Diagnostics;
using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Dummy;
using Fathom.Imbalance;
using Fathom.ModelSelection;

namespace Fathom.Cli.Training;

/// <summary>
/// The work behind <c>fathom train</c>: read the table, drop rows with a missing target, drop identifier
/// columns, infer the task, split, build the default preprocessing, fit, and measure the model beside a
/// baseline (and by cross-validation when asked).
/// </summary>
internal sealed class TabularTrainer(Action<string> warn, FitContext context)
{
    private readonly List<string> _warnings = [];

    public TrainingReport Train(TrainOptions options, DataFrame frame)
    {
        var p = Prepare(options, frame);
        return Finish(options, p, Balanced(Hyperparameters.With(p.Entry.Create(), options.Params), options, p.Task));
    }

    /// <summary>
    /// The estimator wrapped in a <see cref="ResampledClassifier"/> when --balance is given: the sampler then runs
    /// inside every fit (each training fold, the final fit), never on test rows or validation folds.
    /// </summary>
    private static IEstimator Balanced(IEstimator estimator, TrainOptions options, TrainingTask task)
    {
        if (options.Balance is null) return estimator;
        if (task != TrainingTask.Classification)
            throw new InvalidInputException($"--balance {options.Balance} rebalances classes, but '{options.Target}' is a numeric target (regression); drop --balance.");
        ISampler sampler = options.Balance switch
        {
            "smote" => new Smote(),
            "adasyn" => new Adasyn(),
            "borderline" => new BorderlineSmote(),
            "under" => new RandomUnderSampler(),
            _ => new RandomOverSampler(),
        };
        return new ResampledClassifier { Sampler = sampler, Classifier = (IClassifier)estimator, Seed = options.Seed };
    }

    /// <summary>
    /// Cross-validates every candidate (hyperparameter values as text, over the options' <c>--param</c> values) on
    /// the training rows only, refits the best on all training rows and measures it on the held-out rows, so
    /// the test score never took part in the choice.
    /// </summary>
    public (TrainingReport Report, IReadOnlyList<TuningCandidate> Candidates, int Best) Tune(
        TrainOptions options, DataFrame frame, IReadOnlyList<IReadOnlyDictionary<string, string>> candidates, string metric, int folds)
    {
        // Validate every candidate before fitting anything: a bad name or value fails at once.
        var check = Hyperparameters.With(EstimatorCatalog.Find(options.Model!).Create(), options.Params);
        foreach (var c in candidates) Hyperparameters.With(check, c);
        return Tune(options, frame, done => done.Count < candidates.Count ? candidates[done.Count] : null, candidates.Count, metric, folds);
    }

    /// <summary>
    /// As the fixed-list <see cref="Tune(TrainOptions, DataFrame, IReadOnlyList{IReadOnlyDictionary{string, string}}, string, int)"/>,
    /// but each next candidate comes from <paramref name="next"/>, which sees the candidates scored so far (for
    /// Bayesian search) and returns null to stop.
    /// </summary>
    public (TrainingReport Report, IReadOnlyList<TuningCandidate> Candidates, int Best) Tune(TrainOptions options, DataFrame frame,
        Func<IReadOnlyList<TuningCandidate>, IReadOnlyDictionary<string, string>?> next, int total, string metric, int folds)
    {
        var p = Prepare(options, frame);
        var scorer = Metrics.Scorers.Get(metric);
        bool classification = p.Task == TrainingTask.Classification;
        if ((scorer.Task == Metrics.ScorerTask.Classification) != classification)
            throw new InvalidInputException($"--metric {metric} scores {scorer.Task.ToString().ToLowerInvariant()}, but this target needs {(classification ? "classification" : "regression")}; use one of: {string.Join(", ", Metrics.Scorers.Defaults(classification ? Metrics.ScorerTask.Classification : Metrics.ScorerTask.Regression))}.");
        var baseEstimator = Hyperparameters.With(p.Entry.Create(), options.Params);
        var xTrain = p.Features.Take(p.Train);
        var yTrain = p.Target.Take(p.Train);
        var results = new List<TuningCandidate>();
        var estimators = new List<IEstimator>();
        int best = -1;
        while (next(results) is { } point)
        {
            context.ThrowIfCancellationRequested();
            context.Report("tuning", results.Count, total);
            var estimator = Balanced(Hyperparameters.With(baseEstimator, point), options, p.Task);
            var (mean, std) = CrossValidate(estimator, xTrain, yTrain, folds, options.Seed);
            results.Add(new TuningCandidate(point, mean[scorer.Name], std[scorer.Name]));
            estimators.Add(estimator);
            int i = results.Count - 1;
            if (best < 0 || (scorer.GreaterIsBetter ? mean[scorer.Name] > results[best].Mean : mean[scorer.Name] < results[best].Mean)) best = i;
        }
        if (best < 0) throw new InvalidInputException("The search produced no candidate; ask for at least one trial.");
        return (Finish(options, p, estimators[best]), results, best);
    }

    private sealed record Prepared(DataFrame Features, TargetValues Target, TrainingTask Task, EstimatorEntry Entry, int[] Train, int[] Test);

    private Prepared Prepare(TrainOptions options, DataFrame frame)
    {
        if (options.TestSize is < 0 or >= 1 || double.IsNaN(options.TestSize))
            throw new InvalidInputException($"--test-size {options.TestSize} is not valid; give a fraction in [0, 1), e.g. 0.2 (0 trains on all rows).");
        if (options.CvFolds is 1 or < 0)
            throw new InvalidInputException($"--cv {options.CvFolds} is not valid; give 2 or more folds (or leave it out).");

        var targetColumn = frame[options.Target];
        frame = DropMissingTarget(frame, targetColumn);
        targetColumn = frame[options.Target];
        var features = DropIdentifierColumns(frame.Drop(options.Target));
        if (features.ColumnCount == 0)
            throw new InvalidInputException($"No feature columns are left besides the target '{options.Target}'; the file needs at least one more column.");

        EstimatorEntry? entry = options.Model is null ? null : EstimatorCatalog.Find(options.Model);
        var task = TaskInference.Infer(targetColumn, entry);
        entry ??= EstimatorCatalog.Find(task == TrainingTask.Classification ? "logistic-regression" : "linear-regression");
        var target = TargetValues.From(targetColumn, task);
        var (train, test) = Split(frame.RowCount, options, target);
        return new Prepared(features, target, task, entry, train, test);
    }

    private TrainingReport Finish(TrainOptions options, Prepared p, IEstimator estimator)
    {
        var (features, target, task, entry, train, test) = p;
        var xTrain = features.Take(train);
        var yTrain = target.Take(train);
        var sw = Stopwatch.StartNew();
        var model = Fit(estimator, xTrain, yTrain, context);
        double fitSeconds = sw.Elapsed.TotalSeconds;

        var trainMetrics = MetricSet.Compute(model, xTrain, yTrain);
        IReadOnlyDictionary<string, double>? testMetrics = null;
        var baselineEstimator = (IEstimator)(task == TrainingTask.Classification ? new DummyClassifier() : new DummyRegressor());
        var baselineModel = Fit(baselineEstimator, xTrain, yTrain, FitContext.Default);
        IReadOnlyDictionary<string, double> baselineMetrics;
        if (test.Length > 0)
        {
            var xTest = features.Take(test);
            var yTest = target.Take(test);
            testMetrics = MetricSet.Compute(model, xTest, yTest);
            baselineMetrics = MetricSet.Compute(baselineModel, xTest, yTest);
        }
        else baselineMetrics = MetricSet.Compute(baselineModel, xTrain, yTrain);

        IReadOnlyDictionary<string, double>? cvMean = null, cvStd = null;
        if (options.CvFolds >= 2) (cvMean, cvStd) = CrossValidate(estimator, features, target, options.CvFolds, options.Seed);

        return new TrainingReport
        {
            ModelName = entry.Name,
            Task = task,
            TrainRows = train.Length,
            TestRows = test.Length,
            Model = model,
            TrainMetrics = trainMetrics,
            TestMetrics = testMetrics,
            BaselineMetrics = baselineMetrics,
            BaselineName = task == TrainingTask.Classification ? "majority class (prior)" : "mean",
            CvMean = cvMean,
            CvStd = cvStd,
            CvFolds = options.CvFolds,
            FitSeconds = fitSeconds,
            Warnings = _warnings,
        };
    }

    /// <summary>Fits the default preprocessing followed by <paramref name="estimator"/>.</summary>
    internal static PipelineModel Fit(IEstimator estimator, DataFrame x, TargetValues y, FitContext context)
    {
        var pipeline = DefaultPreprocessing.Build(x, estimator);
        return y.Labels is { } labels
            ? pipeline.FitClassifier(x, labels, null, context)
            : pipeline.FitRegressor(x, y.Values!, null, context);
    }

    private (int[] Train, int[] Test) Split(int rows, TrainOptions options, TargetValues target)
    {
        if (options.TestSize == 0) return (Enumerable.Range(0, rows).ToArray(), []);
        int testRows = (int)Math.Ceiling(options.TestSize * rows);
        if (testRows >= rows || rows - testRows < 2)
            throw new InvalidInputException($"--test-size {options.TestSize} leaves {rows - testRows} training rows of {rows}; use a smaller test size or more data.");
        var strata = target.Labels;
        if (strata is not null && strata.ClassCounts().Min() < 2)
        {
            Warn("a class has a single row, so the split is not stratified.");
            strata = null;
        }
        return DataSplit.TrainTestIndices(rows, options.TestSize, options.Seed, strata);
    }

    private (IReadOnlyDictionary<string, double> Mean, IReadOnlyDictionary<string, double> Std) CrossValidate(
        IEstimator estimator, DataFrame features, TargetValues target, int cvFolds, int seed)
    {
        ISplitter splitter = target.Labels is not null
            ? new StratifiedKFold { NSplits = cvFolds, Shuffle = true, Seed = seed }
            : new KFold { NSplits = cvFolds, Shuffle = true, Seed = seed };
        IReadOnlyList<Fold> folds;
        try { folds = splitter.Split(features.RowCount, target.Labels); }
        catch (FathomException e) { throw new InvalidInputException($"--cv {cvFolds}: {e.Message}", e); }
        var perFold = new List<IReadOnlyDictionary<string, double>>();
        for (int f = 0; f < folds.Count; f++)
        {
            context.ThrowIfCancellationRequested();
            context.Report("cross-validation", f, folds.Count);
            var (trainIdx, testIdx) = folds[f];
            var model = Fit(estimator, features.Take(trainIdx), target.Take(trainIdx), context with { Progress = null });
            perFold.Add(MetricSet.Compute(model, features.Take(testIdx), target.Take(testIdx)));
        }
        var names = perFold[0].Keys.ToArray();
        var mean = names.ToDictionary(n => n, n => perFold.Average(m => m[n]));
        var std = names.ToDictionary(n => n, n =>
        {
            double mu = mean[n];
            return Math.Sqrt(perFold.Sum(m => (m[n] - mu) * (m[n] - mu)) / perFold.Count);
        });
        return (mean, std);
    }

    private DataFrame DropMissingTarget(DataFrame frame, DataColumn target)
    {
        var keep = new List<int>(frame.RowCount);
        for (int i = 0; i < frame.RowCount; i++) if (!target.IsMissing(i)) keep.Add(i);
        int dropped = frame.RowCount - keep.Count;
        if (keep.Count == 0)
            throw new InvalidInputException($"The target column '{target.Name}' has no values; every row is missing it.", column: target.Name);
        if (dropped == 0) return frame;
        Warn($"dropped {dropped} row{(dropped == 1 ? "" : "s")} whose target '{target.Name}' is missing.");
        return frame.Take(keep.ToArray());
    }

    private DataFrame DropIdentifierColumns(DataFrame features)
    {
        if (features.RowCount < 10) return features;
        var ids = features.Columns
            .Where(c => c is TextColumn t && t.MissingCount() == 0 && t.Categories().Length == t.Length)
            .Select(c => c.Name).ToArray();
        foreach (var id in ids) Warn($"dropped column '{id}': every value is distinct, so it looks like an identifier.");
        var result = ids.Length == 0 ? features : features.Drop(ids);
        foreach (var c in result.Columns.OfType<TextColumn>())
        {
            int levels = c.Categories().Length;
            if (levels > 50 && levels > result.RowCount / 4)
                Warn($"column '{c.Name}' has {levels} distinct values in {result.RowCount} rows; one-hot encoding it invites overfitting (leave it out with --drop \"{c.Name}\").");
        }
        return result;
    }

    private void Warn(string message)
    {
        _warnings.Add(message);
        warn(message);
    }
}
