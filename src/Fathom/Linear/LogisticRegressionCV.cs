using Fathom.Core;
using Fathom.ModelSelection;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Logistic regression with C chosen by stratified K-fold cross-validation on accuracy, as scikit-learn's
/// LogisticRegressionCV (scoring = accuracy, refit = true): for every C of the grid (default 10 values log-spaced
/// from 1e-4 to 1e4) a <see cref="LogisticRegression"/> is fitted on the training rows of each fold and scored on the
/// held-out rows; the C with the largest summed accuracy wins (ties to the smaller C, the first in the grid) and the
/// model is refitted on all rows with it. With one-vs-rest each class gets its own C (scored on its binary
/// problem). Balanced class weights are computed once on all rows, as scikit-learn does.
/// </summary>
/// <remarks>Cost: folds × grid size logistic fits plus the refit. The refit starts from zero (scikit-learn starts from
/// the mean of the fold solutions); both converge to the same optimum.</remarks>
public sealed record LogisticRegressionCV : IClassifier
{
    /// <summary>Number of C values, log-spaced from 1e-4 to 1e4 (numpy.logspace(−4, 4, Cs)). Default 10.</summary>
    [Hyperparameter("number of C values, log-spaced from 1e-4 to 1e4", Min = 1)]
    public int Cs { get; init; } = 10;

    /// <summary>An explicit C grid (each &gt; 0) used instead of <see cref="Cs"/> when not null. Default null.</summary>
    public IReadOnlyList<double>? CGrid { get; init; }

    /// <summary>Number of stratified folds. Default 5.</summary>
    [Hyperparameter("number of stratified cross-validation folds", Min = 2)]
    public int Cv { get; init; } = 5;

    /// <summary>Penalty (see <see cref="LogisticRegression.Penalty"/>). Default l2.</summary>
    [Hyperparameter("penalty on the coefficients: l2, l1, elastic_net or none")]
    public LogisticPenalty Penalty { get; init; } = LogisticPenalty.L2;

    /// <summary>L1 share for the elastic-net penalty (required with it). Default null.</summary>
    [Hyperparameter("share of the L1 part of the elastic-net penalty", Min = 0, Max = 1, NullMeans = "not set; required by penalty=elastic_net")]
    public double? L1Ratio { get; init; }

    /// <summary>Multi-class scheme (see <see cref="LogisticRegression.MultiClass"/>). Default auto.</summary>
    [Hyperparameter("multi-class scheme: auto, ovr (one-vs-rest) or multinomial (softmax)")]
    public LogisticMultiClass MultiClass { get; init; } = LogisticMultiClass.Auto;

    /// <summary>Whether to fit an intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Largest number of solver iterations per fit. Default 100.</summary>
    [Hyperparameter("largest number of solver iterations", Min = 1)]
    public int MaxIter { get; init; } = 100;

    /// <summary>Gradient tolerance of every fit. Default 1e-4.</summary>
    [Hyperparameter("stop when the largest absolute gradient component is at most this", Min = 0)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>Class weighting: none (default) or balanced (computed once on all rows).</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>The C grid: <see cref="CGrid"/>, or numpy.logspace(−4, 4, <see cref="Cs"/>).</summary>
    public double[] Grid()
    {
        if (CGrid is not null) return CvFolds.Grid(CGrid, "c_grid", nameof(LogisticRegressionCV));
        var grid = new double[Cs];
        for (int i = 0; i < Cs; i++) grid[i] = Math.Pow(10, Cs == 1 ? -4 : -4 + 8.0 * i / (Cs - 1));
        return grid;
    }

    /// <summary>Validates, chooses C by cross-validation, then refits on all rows.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels (every class needs at least <see cref="Cv"/> rows).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation and progress (stage "cv").</param>
    /// <exception cref="InvalidHyperparameterException">Out-of-range settings, a C ≤ 0, too few rows of a class for the folds.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights, a single class.</exception>
    public LogisticRegressionCVModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var grid = Grid();
        var (classes, codes) = SgdFitting.PresentClasses(x, y, sampleWeight, nameof(LogisticRegressionCV));
        context ??= FitContext.Default;
        var baseEstimator = new LogisticRegression
        {
            Penalty = Penalty, L1Ratio = L1Ratio, MultiClass = MultiClass, FitIntercept = FitIntercept, MaxIter = MaxIter, Tol = Tol,
        };
        Hyperparameters.Validate(baseEstimator with { C = grid[0] });
        int k = classes.Length, n = x.Rows;
        double[]? sw = sampleWeight is null ? null : (double[])sampleWeight.Clone();
        if (ClassWeight == ClassWeightMode.Balanced)
        {
            var counts = new int[k];
            foreach (int c in codes) counts[c]++;
            sw ??= Enumerable.Repeat(1.0, n).ToArray();
            for (int i = 0; i < n; i++) sw[i] *= n / (double)(k * counts[codes[i]]);
        }
        var labels = ClassLabels.FromCodes(classes, codes, y.Kind);
        var folds = new StratifiedKFold { NSplits = Cv }.Split(n, labels);
        bool ovr = k > 2 && MultiClass == LogisticMultiClass.Ovr;
        int problems = ovr ? k : 1;
        var scores = new Matrix(problems, grid.Length); // summed accuracy over folds
        var quiet = context with { Log = null };
        for (int f = 0; f < folds.Count; f++)
        {
            var (train, test) = (folds[f].Train, folds[f].Test);
            var xTrain = x.SelectRows(train);
            var xTest = x.SelectRows(test);
            var swTrain = CvFolds.Take(sw, train);
            for (int q = 0; q < problems; q++)
            {
                // One-vs-rest: class q against the rest, as a binary problem.
                var trainLabels = ovr ? ClassLabels.FromInts(train.Select(i => codes[i] == q ? 1 : 0).ToArray()) : labels.Subset(train);
                var truth = test.Select(i => ovr ? (codes[i] == q ? 1 : 0) : codes[i]).ToArray();
                LogisticRegressionModel? previous = null;
                foreach (int c in Enumerable.Range(0, grid.Length).OrderBy(i => grid[i]))
                {
                    context.ThrowIfCancellationRequested();
                    // Warm start from the next smaller C, as scikit-learn's path (the optimum does not depend on it).
                    var model = (baseEstimator with { C = grid[c] }).FitFrom(xTrain, trainLabels, swTrain, quiet, previous);
                    previous = model;
                    var pred = model.PredictIndex(xTest);
                    // Map the fold model's class indices back (a fold may lack a class only when a class is rarer than the folds).
                    double correct = 0;
                    for (int i = 0; i < pred.Length; i++)
                    {
                        string name = model.Classes[pred[i]];
                        int code = ovr ? int.Parse(name, System.Globalization.CultureInfo.InvariantCulture) : Array.IndexOf(classes, name);
                        if (code == truth[i]) correct++;
                    }
                    scores[q, c] += correct / pred.Length;
                }
            }
            context.Report("cv", f + 1, folds.Count);
        }
        var best = new double[problems];
        for (int q = 0; q < problems; q++)
        {
            int b = 0;
            for (int c = 1; c < grid.Length; c++) if (scores[q, c] > scores[q, b]) b = c;
            best[q] = grid[b];
        }
        LogisticRegressionModel final;
        if (!ovr) final = (baseEstimator with { C = best[0] }).Fit(x, labels, sw, context);
        else
        {
            // One C per class: fit each class's binary problem at its C and assemble the one-vs-rest model.
            var coef = new Matrix(k, x.Columns);
            var intercept = new double[k];
            int iterations = 0;
            bool converged = true;
            for (int q = 0; q < k; q++)
            {
                var bin = ClassLabels.FromInts(codes.Select(v => v == q ? 1 : 0).ToArray());
                var m = (baseEstimator with { C = best[q], MultiClass = LogisticMultiClass.Auto }).Fit(x, bin, sw, context);
                m.Coefficients.Row(0).CopyTo(coef.Row(q));
                intercept[q] = m.Intercept[0];
                iterations = Math.Max(iterations, m.Iterations);
                converged &= m.Converged;
            }
            final = new LogisticRegressionModel(baseEstimator, classes, y.Kind, LogisticMultiClass.Ovr, coef, intercept, iterations, converged);
        }
        for (int q = 0; q < problems; q++)
            for (int c = 0; c < grid.Length; c++) scores[q, c] /= folds.Count;
        return new LogisticRegressionCVModel(this with { CGrid = grid }, final, best, scores);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
