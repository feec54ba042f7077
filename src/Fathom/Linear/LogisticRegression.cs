using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Optimization;

namespace Fathom.Linear;

/// <summary>
/// Logistic regression with scikit-learn 1.2's semantics. The minimized objective is
/// Σᵢ sᵢ ℓᵢ + penalty(W), with sᵢ the sample weight (times the class weight), ℓᵢ the log-loss of row i and the
/// intercept not penalized; the penalty is ‖W‖²/(2C) (<c>l2</c>, solved by L-BFGS), ‖W‖₁/C (<c>l1</c>) or
/// ρ‖W‖₁/C + (1 − ρ)‖W‖²/(2C) (<c>elastic_net</c>), the last two solved to the exact optimum by proximal Newton
/// with coordinate descent (<see cref="LogisticProximalNewton"/>). Two classes give a binary model (one
/// coefficient row, for the second class); three or more a multinomial (softmax) model with one row per class
/// or, with <see cref="MultiClass"/> = ovr, one binary model per class. Features should be standardized.
/// </summary>
/// <remarks>Cost: O(n · p · k) per function evaluation or outer iteration (plus O(n · p) per coordinate-descent
/// sweep for the L1 penalties); L-BFGS evaluations are spread over row chunks on up to
/// <see cref="FitContext.ThreadCount"/> threads; the result does not depend on the thread count.</remarks>
public sealed record LogisticRegression : IClassifier
{
    /// <summary>Penalty on the coefficients: <c>l2</c> (default), <c>l1</c>, <c>elastic_net</c> or <c>none</c>.</summary>
    [Hyperparameter("penalty on the coefficients: l2, l1, elastic_net or none")]
    public LogisticPenalty Penalty { get; init; } = LogisticPenalty.L2;

    /// <summary>Inverse regularization strength (smaller = stronger penalty). Default 1.0; must be &gt; 0.</summary>
    [Hyperparameter("inverse of the regularization strength; smaller values regularize more", Min = 0, MinExclusive = true)]
    public double C { get; init; } = 1.0;

    /// <summary>Share ρ ∈ [0, 1] of the L1 part of the elastic-net penalty (1 = L1, 0 = L2). Default null: must be
    /// given with penalty = elastic_net, ignored otherwise (scikit-learn's <c>l1_ratio</c>).</summary>
    [Hyperparameter("share of the L1 part of the elastic-net penalty", Min = 0, Max = 1, NullMeans = "not set; required by penalty=elastic_net")]
    public double? L1Ratio { get; init; }

    /// <summary>Multi-class scheme: <c>auto</c> (default: binary or multinomial), <c>ovr</c> or <c>multinomial</c>.</summary>
    [Hyperparameter("multi-class scheme: auto, ovr (one-vs-rest) or multinomial (softmax)")]
    public LogisticMultiClass MultiClass { get; init; } = LogisticMultiClass.Auto;

    /// <summary>Whether to fit an (unpenalized) intercept per class. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Largest number of L-BFGS iterations (proximal-Newton outer iterations for the L1 penalties). Default 100.</summary>
    [Hyperparameter("largest number of solver iterations", Min = 1)]
    public int MaxIter { get; init; } = 100;

    /// <summary>Stop when the largest absolute (sub)gradient component of the objective is at most this. Default 1e-4.</summary>
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
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range, or elastic_net without l1_ratio.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights, a single class.</exception>
    public LogisticRegressionModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null) =>
        FitFrom(x, y, sampleWeight, context, null);

    /// <summary>Fit starting from the coefficients of <paramref name="start"/> (a model of the same classes and scheme,
    /// e.g. fitted at a nearby C) for the L-BFGS penalties; zeros otherwise. Used along C grids.</summary>
    internal LogisticRegressionModel FitFrom(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context, LogisticRegressionModel? start)
    {
        Hyperparameters.Validate(this);
        const string name = nameof(LogisticRegression);
        if (Penalty == LogisticPenalty.ElasticNet && L1Ratio is null)
            throw new InvalidHyperparameterException("l1_ratio",
                $"{name}: penalty = elastic_net needs l1_ratio, a number in [0, 1] (the share of the L1 part); set l1_ratio.");
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

        var mode = MultiClass == LogisticMultiClass.Multinomial ? LogisticMultiClass.Multinomial
            : k == 2 || MultiClass == LogisticMultiClass.Ovr ? LogisticMultiClass.Ovr
            : LogisticMultiClass.Multinomial;
        int p = x.Columns;
        if (mode == LogisticMultiClass.Multinomial)
        {
            var sw = Balanced(sampleWeight, codes, present.ToArray(), k);
            var (w, b, iter, converged) = FitCore(x, codes, sw, k, context,
                k > 2 && start is not null && start.Scheme == mode && start.Classes.Count == k ? Start(start, 0, k) : null);
            if (k == 2)
            {
                // The symmetric two-row softmax is stored as its second row (scikit-learn's binary multinomial).
                var half = new Matrix(1, p);
                for (int j = 0; j < p; j++) half[0, j] = 0.5 * (w[1, j] - w[0, j]);
                w = half;
                b = [0.5 * (b[1] - b[0])];
            }
            return new LogisticRegressionModel(this, classes.ToArray(), y.Kind, mode, w, b, iter, converged);
        }

        // One-vs-rest (two classes: the single problem "class 1 against class 0").
        int rows = k == 2 ? 1 : k;
        var coef = new Matrix(rows, p);
        var intercept = new double[rows];
        int maxIter = 0;
        bool allConverged = true;
        var binary = new int[x.Rows];
        for (int c = 0; c < rows; c++)
        {
            int positive = k == 2 ? 1 : c;
            int nPos = 0;
            for (int i = 0; i < binary.Length; i++) { binary[i] = codes[i] == positive ? 1 : 0; nPos += binary[i]; }
            var sw = Balanced(sampleWeight, binary, [x.Rows - nPos, nPos], 2);
            var (w, b, iter, converged) = FitCore(x, binary, sw, 1, context,
                start is not null && start.Scheme == mode && start.Classes.Count == k ? Start(start, c, 1) : null);
            w.Row(0).CopyTo(coef.Row(c));
            intercept[c] = b[0];
            maxIter = Math.Max(maxIter, iter);
            allConverged &= converged;
        }
        return new LogisticRegressionModel(this, classes.ToArray(), y.Kind, mode, coef, intercept, maxIter, allConverged);
    }

    /// <summary>Sample weights times the balanced class weights n / (classes · n_c) when asked for (a copy, or null).</summary>
    private double[]? Balanced(double[]? sampleWeight, int[] codes, int[] counts, int k)
    {
        double[]? sw = sampleWeight is null ? null : (double[])sampleWeight.Clone();
        if (ClassWeight != ClassWeightMode.Balanced) return sw;
        sw ??= Enumerable.Repeat(1.0, codes.Length).ToArray();
        var cw = new double[k];
        for (int c = 0; c < k; c++) cw[c] = counts[c] > 0 ? codes.Length / (double)(k * counts[c]) : 0;
        for (int i = 0; i < sw.Length; i++) sw[i] *= cw[codes[i]];
        return sw;
    }

    /// <summary>θ = [rows r0..r0+k of W, their intercepts] of a fitted model, as the L-BFGS start.</summary>
    private double[] Start(LogisticRegressionModel model, int r0, int k)
    {
        var coef = model.Coefficients;
        int p = coef.Columns;
        var theta = new double[k * p + (FitIntercept ? k : 0)];
        for (int r = 0; r < k; r++)
        {
            coef.Row(r0 + r).CopyTo(theta.AsSpan(r * p, p));
            if (FitIntercept) theta[k * p + r] = model.Intercept[r0 + r];
        }
        return theta;
    }

    /// <summary>Minimizes the objective for one problem: k = 1 binary (codes ∈ {0, 1}), k ≥ 2 softmax, from
    /// <paramref name="start"/> (zeros when null; used by L-BFGS only).</summary>
    private (Matrix W, double[] B, int Iterations, bool Converged) FitCore(Matrix x, int[] codes, double[]? sw, int k, FitContext context,
        double[]? start)
    {
        const string name = nameof(LogisticRegression);
        int p = x.Columns;
        if (Penalty is LogisticPenalty.L1 or LogisticPenalty.ElasticNet)
        {
            double ratio = Penalty == LogisticPenalty.L1 ? 1.0 : L1Ratio!.Value;
            var solver = new LogisticProximalNewton(x, sw, FitIntercept, ratio / C, (1 - ratio) / C);
            var (w, b, iter, converged) = solver.Solve(codes, k, MaxIter, Tol, context.CancellationToken);
            if (!converged)
                context.Warn(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: proximal Newton did not converge in {iter} iterations; increase max_iter or scale the features."));
            return (w, b, iter, converged);
        }
        double l2 = Penalty == LogisticPenalty.L2 ? 1.0 / C : 0.0;
        var objective = new LogisticObjective(x, codes, sw, k, FitIntercept, l2, context.ThreadCount);
        var optimizer = new Lbfgs { MaxIterations = MaxIter, GradientTolerance = Tol };
        var x0 = start is not null && start.Length == objective.Dimension ? start : new double[objective.Dimension];
        var result = optimizer.Minimize(objective, x0, context);
        if (!result.Converged)
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"{name}: L-BFGS did not converge in {result.Iterations} iterations ({result.Status}); increase max_iter or scale the features."));
        var coef = new Matrix(k, p);
        result.Solution.AsSpan(0, k * p).CopyTo(coef.AsSpan());
        var intercept = FitIntercept ? result.Solution.AsSpan(k * p, k).ToArray() : new double[k];
        return (coef, intercept, result.Iterations, result.Converged);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
