using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Classification by ridge regression, as scikit-learn's RidgeClassifier: the labels become targets in {−1, +1}
/// (one column for two classes, +1 for <c>Classes[1]</c>; one column per class otherwise, one-vs-all), a
/// <see cref="Ridge"/> is fitted to every column on one factorization, and the class with the largest score wins.
/// </summary>
/// <remarks>O(n·p² + p³ + n·p·k) (the dual form when features outnumber rows).</remarks>
public sealed record RidgeClassifier : IClassifier
{
    /// <summary>Penalty strength α ≥ 0 on ‖w‖². Default 1.0.</summary>
    [Hyperparameter("strength of the L2 penalty on the coefficients", Min = 0)]
    public double Alpha { get; init; } = 1.0;

    /// <summary>Whether to fit an (unpenalized) intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Solver: auto (default), cholesky or svd.</summary>
    [Hyperparameter("linear solver: auto, cholesky or svd")]
    public RidgeSolver Solver { get; init; } = RidgeSolver.Auto;

    /// <summary>Class weighting: none (default) or balanced (multiplies the sample weights).</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels (at least two classes).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation and threads.</param>
    /// <exception cref="InvalidHyperparameterException">Alpha is negative.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights, a single class.</exception>
    public RidgeClassifierModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (classes, codes) = SgdFitting.PresentClasses(x, y, sampleWeight, nameof(RidgeClassifier));
        int k = classes.Length, n = x.Rows;
        double[]? sw = sampleWeight is null ? null : (double[])sampleWeight.Clone();
        if (ClassWeight == ClassWeightMode.Balanced)
        {
            var counts = new int[k];
            foreach (int c in codes) counts[c]++;
            sw ??= Enumerable.Repeat(1.0, n).ToArray();
            for (int i = 0; i < n; i++) sw[i] *= n / (double)(k * counts[codes[i]]);
        }
        int cols = k == 2 ? 1 : k;
        var targets = new Matrix(n, cols);
        for (int i = 0; i < n; i++)
            for (int c = 0; c < cols; c++)
                targets[i, c] = codes[i] == (k == 2 ? 1 : c) ? 1.0 : -1.0;
        var ridge = new Ridge { Alpha = Alpha, FitIntercept = FitIntercept, Solver = Solver };
        var fits = ridge.FitTargets(x, targets, sw, context);
        var coef = new Matrix(cols, x.Columns);
        var intercept = new double[cols];
        for (int c = 0; c < cols; c++)
        {
            for (int j = 0; j < x.Columns; j++) coef[c, j] = fits[c].Coefficients[j];
            intercept[c] = fits[c].Intercept;
        }
        return new RidgeClassifierModel(this, classes, y.Kind, coef, intercept);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
