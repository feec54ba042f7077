using System.Diagnostics;
using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Dummy;

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
        var estimator = Hyperparameters.With(entry.Create(), options.Params);
        var target = TargetValues.From(targetColumn, task);

        var (train, test) = Split(frame.RowCount, options, target);
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
        if (options.CvFolds >= 2) (cvMean, cvStd) = CrossValidate(estimator, features, target, options, task);

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
        IEstimator estimator, DataFrame features, TargetValues target, TrainOptions options, TrainingTask task)
    {
        var folds = FoldAssignment.Assign(features.RowCount, options.CvFolds, options.Seed, target.Labels);
        var perFold = new List<IReadOnlyDictionary<string, double>>();
        for (int f = 0; f < options.CvFolds; f++)
        {
            context.ThrowIfCancellationRequested();
            context.Report("cross-validation", f, options.CvFolds);
            var trainIdx = Enumerable.Range(0, folds.Length).Where(i => folds[i] != f).ToArray();
            var testIdx = Enumerable.Range(0, folds.Length).Where(i => folds[i] == f).ToArray();
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
        _ = task;
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
