using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Optimization;

namespace Fathom.Linear;

/// <summary>
/// Logistic regression fitted by L-BFGS, with scikit-learn 1.2's semantics for <c>solver="lbfgs"</c>:
/// two classes give a binary model (one coefficient row, for the second class), three or more a multinomial
/// (softmax) model with one row per class. The minimized objective is
/// Σᵢ sᵢ ℓᵢ + ‖W‖²/(2C), with sᵢ the sample weight (times the class weight), ℓᵢ the log-loss of row i
/// and the intercept not penalized. Features should be standardized for fast convergence.
/// </summary>
/// <remarks>Cost: O(n · p · k) per function evaluation (usually 1–2 per iteration), spread over row chunks on
/// up to <see cref="FitContext.ThreadCount"/> threads; the result does not depend on the thread count.</remarks>
public sealed record LogisticRegression : IClassifier
{
    /// <summary>Penalty on the coefficients: <c>l2</c> (default) or <c>none</c>.</summary>
    [Hyperparameter("penalty on the coefficients: l2 or none")]
    public LogisticPenalty Penalty { get; init; } = LogisticPenalty.L2;

    /// <summary>Inverse regularization strength (smaller = stronger penalty). Default 1.0; must be &gt; 0.</summary>
    [Hyperparameter("inverse of the regularization strength; smaller values regularize more", Min = 0, MinExclusive = true)]
    public double C { get; init; } = 1.0;

    /// <summary>Whether to fit an (unpenalized) intercept per class. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Largest number of L-BFGS iterations. Default 100.</summary>
    [Hyperparameter("largest number of L-BFGS iterations", Min = 1)]
    public int MaxIter { get; init; } = 100;

    /// <summary>Stop when the largest absolute gradient component is at most this. Default 1e-4.</summary>
    [Hyperparameter("stop when the largest absolute gradient component is at most this", Min = 0)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>Class weighting: <c>none</c> (default) or <c>balanced</c>.</summary>
    [Hyperparameter("class weighting: none or balanced (n / (classes * class count))")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>
    /// Validates, then fits a new model.
    /// </summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels; classes without a row are dropped (as scikit-learn's <c>classes_</c>).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation, progress (stage "lbfgs") and threads.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights, a single class.</exception>
    public LogisticRegressionModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string name = nameof(LogisticRegression);
        InputChecks.Features(x, name);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
            throw new InvalidInputException($"{name}: {y.Count} labels were given for {x.Rows} rows; give one label per row.");
        InputChecks.Weights(sampleWeight, x.Rows, name);
        context ??= FitContext.Default;

        // Keep the classes that occur, in their sorted order.
        var counts = y.ClassCounts();
        var remap = new int[counts.Length];
        var classes = new List<string>();
        var present = new List<int>();
        for (int c = 0; c < counts.Length; c++)
        {
            remap[c] = counts[c] > 0 ? classes.Count : -1;
            if (counts[c] > 0) { classes.Add(y.Classes[c]); present.Add(counts[c]); }
        }
        if (classes.Count < 2)
            throw new InvalidInputException(
                $"{name}: the labels hold only one class ('{classes[0]}'); a classifier needs rows of at least two classes.");
        int k = classes.Count;
        var codes = new int[x.Rows];
        var src = y.Codes;
        for (int i = 0; i < codes.Length; i++) codes[i] = remap[src[i]];

        double[]? sw = sampleWeight is null ? null : (double[])sampleWeight.Clone();
        if (ClassWeight == ClassWeightMode.Balanced)
        {
            sw ??= Enumerable.Repeat(1.0, x.Rows).ToArray();
            var cw = new double[k];
            for (int c = 0; c < k; c++) cw[c] = x.Rows / (double)(k * present[c]);
            for (int i = 0; i < sw.Length; i++) sw[i] *= cw[codes[i]];
        }

        int kw = k == 2 ? 1 : k; // binary: one row of coefficients, for class 1 (y ∈ {0, 1})
        double l2 = Penalty == LogisticPenalty.L2 ? 1.0 / C : 0.0;
        var objective = new LogisticObjective(x, codes, sw, kw, FitIntercept, l2, context.ThreadCount);
        var optimizer = new Lbfgs { MaxIterations = MaxIter, GradientTolerance = Tol };
        var result = optimizer.Minimize(objective, new double[objective.Dimension], context);
        if (!result.Converged)
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"{name}: L-BFGS did not converge in {result.Iterations} iterations ({result.Status}); increase max_iter or scale the features."));

        int p = x.Columns;
        var coef = new Matrix(kw, p);
        result.Solution.AsSpan(0, kw * p).CopyTo(coef.AsSpan());
        var intercept = FitIntercept ? result.Solution.AsSpan(kw * p, kw).ToArray() : new double[kw];
        return new LogisticRegressionModel(this, classes.ToArray(), y.Kind, coef, intercept, result.Iterations, result.Converged);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
