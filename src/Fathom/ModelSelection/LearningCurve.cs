using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Learning curve as scikit-learn 1.2's <c>learning_curve</c> (without shuffling): for each fold and each training
/// size m, the estimator is fitted on the first m rows of the fold's training part (in the splitter's order) and
/// scored on those rows and on the fold's test rows. Sizes in (0, 1] are fractions of the first fold's training
/// size (floored, at least 1); larger values are absolute counts. Cost: folds × sizes fits.
/// </summary>
public static class LearningCurve
{
    /// <summary>scikit-learn's default sizes, linspace(0.1, 1.0, 5).</summary>
    public static IReadOnlyList<double> DefaultSizes { get; } = [0.1, 0.325, 0.55, 0.775, 1.0];

    /// <summary>Learning curve of a classifier.</summary>
    /// <param name="estimator">Estimator to fit.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Labels.</param>
    /// <param name="trainSizes">Fractions in (0, 1] or absolute counts; null means <see cref="DefaultSizes"/>.</param>
    /// <param name="splitter">Fold strategy (default <see cref="StratifiedKFold"/>, 5 folds).</param>
    /// <param name="scoring">Classification scorer name (default accuracy).</param>
    /// <param name="context">Passed to the fits.</param>
    /// <exception cref="InvalidHyperparameterException">A size out of range, or an unknown scorer.</exception>
    public static LearningCurveResult Run(IClassifier estimator, Matrix x, ClassLabels y, IReadOnlyList<double>? trainSizes = null,
        ISplitter? splitter = null, string scoring = "accuracy", FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows) throw new InvalidInputException($"LearningCurve: X has {x.Rows} rows but y has {y.Count} labels.");
        var scorer = Scorers.Get(scoring);
        var folds = (splitter ?? new StratifiedKFold()).Split(x.Rows, y);
        var names = Enumerable.Range(0, y.Count).Select(i => y.Classes[y.Codes[i]]).ToArray();
        return Run(folds, trainSizes, scorer, (rows, test) =>
        {
            var model = estimator.Fit(x.SelectRows(rows), y.Subset(rows), null, context);
            return (scorer.Score(model, x.SelectRows(rows), rows.Select(i => names[i]).ToArray()),
                    scorer.Score(model, x.SelectRows(test), test.Select(i => names[i]).ToArray()));
        });
    }

    /// <summary>Learning curve of a regressor.</summary>
    /// <param name="estimator">Estimator to fit.</param>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets.</param>
    /// <param name="trainSizes">Fractions in (0, 1] or absolute counts; null means <see cref="DefaultSizes"/>.</param>
    /// <param name="splitter">Fold strategy (default <see cref="KFold"/>, 5 folds).</param>
    /// <param name="scoring">Regression scorer name (default r2).</param>
    /// <param name="context">Passed to the fits.</param>
    /// <exception cref="InvalidHyperparameterException">A size out of range, or an unknown scorer.</exception>
    public static LearningCurveResult Run(IRegressor estimator, Matrix x, double[] y, IReadOnlyList<double>? trainSizes = null,
        ISplitter? splitter = null, string scoring = "r2", FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Length != x.Rows) throw new InvalidInputException($"LearningCurve: X has {x.Rows} rows but y has {y.Length} targets.");
        var scorer = Scorers.Get(scoring);
        var folds = (splitter ?? new KFold()).Split(x.Rows);
        return Run(folds, trainSizes, scorer, (rows, test) =>
        {
            var model = estimator.Fit(x.SelectRows(rows), rows.Select(i => y[i]).ToArray(), null, context);
            return (scorer.Score(model, x.SelectRows(rows), rows.Select(i => y[i]).ToArray()),
                    scorer.Score(model, x.SelectRows(test), test.Select(i => y[i]).ToArray()));
        });
    }

    private static LearningCurveResult Run(IReadOnlyList<Fold> folds, IReadOnlyList<double>? trainSizes, Scorer scorer,
        Func<int[], int[], (double Train, double Test)> fitAndScore)
    {
        var sizes = AbsoluteSizes(trainSizes ?? DefaultSizes, folds[0].Train.Length);
        var train = new double[sizes.Length][];
        var test = new double[sizes.Length][];
        for (int s = 0; s < sizes.Length; s++) { train[s] = new double[folds.Count]; test[s] = new double[folds.Count]; }
        for (int f = 0; f < folds.Count; f++)
            for (int s = 0; s < sizes.Length; s++)
            {
                if (sizes[s] > folds[f].Train.Length)
                    throw new InvalidHyperparameterException("train_sizes", $"LearningCurve: size {sizes[s]} exceeds fold {f}'s {folds[f].Train.Length} training rows.");
                (train[s][f], test[s][f]) = fitAndScore(folds[f].Train[..sizes[s]], folds[f].Test);
            }
        return new LearningCurveResult(scorer.Name, sizes, train, test);
    }

    /// <summary>scikit-learn's <c>_translate_train_sizes</c>: fractions floored and clipped to [1, max], counts checked; sorted, distinct.</summary>
    internal static int[] AbsoluteSizes(IReadOnlyList<double> sizes, int max)
    {
        if (sizes.Count == 0) throw new InvalidHyperparameterException("train_sizes", "LearningCurve: give at least one training size.");
        bool fractions = sizes.All(v => v <= 1);
        var result = new List<int>();
        foreach (double v in sizes)
        {
            if (fractions)
            {
                if (!(v > 0)) throw new InvalidHyperparameterException("train_sizes", $"LearningCurve: fraction {v} must be in (0, 1].");
                result.Add(Math.Clamp((int)(v * max), 1, max));
            }
            else
            {
                if (v != Math.Floor(v) || v < 1 || v > max)
                    throw new InvalidHyperparameterException("train_sizes",
                        $"LearningCurve: size {v} must be a whole number in [1, {max}] (the training rows of the first fold), or give all sizes as fractions in (0, 1].");
                result.Add((int)v);
            }
        }
        return result.Distinct().Order().ToArray();
    }
}
