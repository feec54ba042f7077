using System.Globalization;
using Fathom.Core;

namespace Fathom.Optimization;

/// <summary>
/// Limited-memory BFGS for smooth unconstrained minimization: the two-loop recursion over the last
/// <see cref="History"/> correction pairs (initial Hessian scaled by sᵀy/yᵀy), steps chosen by a strong
/// Wolfe line search (c₁ = 1e-4, c₂ = 0.9; bracketing and cubic zoom). Stopping follows SciPy's L-BFGS-B:
/// converged when max|∇f| ≤ <see cref="GradientTolerance"/> (pgtol) or when
/// (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ <see cref="FunctionTolerance"/> (factr·ε).
/// </summary>
/// <remarks>Cost per iteration: one or a few function evaluations plus O(<see cref="History"/> · n).
/// Memory: O(<see cref="History"/> · n). Deterministic.</remarks>
public sealed record Lbfgs
{
    /// <summary>Number of correction pairs kept (m). Default 10, as SciPy.</summary>
    public int History { get; init; } = 10;

    /// <summary>Largest number of iterations. Default 15000, as SciPy.</summary>
    public int MaxIterations { get; init; } = 15000;

    /// <summary>Stop when the largest absolute gradient component is at most this (SciPy's gtol/pgtol). Default 1e-5.</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Stop when the relative decrease of f in one iteration is at most this (SciPy's ftol = factr·ε).
    /// Default 2.220446049250313e-9 (factr = 1e7), as SciPy.</summary>
    public double FunctionTolerance { get; init; } = 2.220446049250313e-9;

    /// <summary>Largest number of function evaluations per line search. Default 20, as SciPy's maxls.</summary>
    public int MaxLineSearchEvaluations { get; init; } = 20;

    /// <summary>Minimizes <paramref name="function"/> starting from <paramref name="start"/>.</summary>
    /// <param name="function">The objective.</param>
    /// <param name="start">Starting point (length <see cref="IDifferentiableFunction.Dimension"/>); not modified.</param>
    /// <param name="context">Cancellation (checked every iteration) and progress (stage "lbfgs", one report per
    /// iteration with the function value); null for none.</param>
    /// <exception cref="InvalidHyperparameterException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The start point has the wrong length.</exception>
    /// <exception cref="OperationCanceledException">The context was cancelled.</exception>
    public OptimizationResult Minimize(IDifferentiableFunction function, ReadOnlySpan<double> start, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        Validate();
        int n = function.Dimension;
        if (start.Length != n)
            throw new ArgumentException($"The start point has {start.Length} values but the function has {n} variables.", nameof(start));
        context ??= FitContext.Default;
        int m = History;

        var x = start.ToArray();
        var g = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var xTry = new double[n];
        var gTry = new double[n];
        var d = new double[n];
        var s = new double[m][];
        var y = new double[m][];
        for (int i = 0; i < m; i++) { s[i] = new double[n]; y[i] = new double[n]; }
        var rho = new double[m];
        var alpha = new double[m];
        int stored = 0, newest = -1;
        double gamma = 1.0;

        int evals = 1;
        double fx = function.Evaluate(x, g);
        if (!double.IsFinite(fx))
            throw new ArgumentException($"The function is not finite at the start point (f = {fx.ToString(CultureInfo.InvariantCulture)}).", nameof(start));
        if (MaxAbs(g) <= GradientTolerance)
            return new OptimizationResult(x, fx, g, 0, evals, OptimizationStatus.GradientTolerance);

        int iter = 0;
        var status = OptimizationStatus.MaxIterations;
        while (iter < MaxIterations)
        {
            context.ThrowIfCancellationRequested();
            TwoLoop(g, d, s, y, rho, alpha, stored, newest, gamma);
            double slope = WolfeLineSearch.Dot(g, d);
            if (!(slope < 0))
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                stored = 0; newest = -1; gamma = 1.0;
                for (int i = 0; i < n; i++) d[i] = -g[i];
                slope = WolfeLineSearch.Dot(g, d);
            }
            double step0 = stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(-slope)) : 1.0;
            var ls = WolfeLineSearch.Search(function, x, fx, g, d, step0, MaxLineSearchEvaluations, xNew, gNew, xTry, gTry);
            evals += ls.Evaluations;
            if (!ls.Decrease)
            {
                if (stored > 0)
                {
                    // As L-BFGS-B: forget the curvature pairs and retry once along the steepest descent.
                    stored = 0; newest = -1; gamma = 1.0;
                    continue;
                }
                status = OptimizationStatus.LineSearchFailed;
                break;
            }

            // Update the memory with s = x_new − x, y = g_new − g when the curvature is positive.
            int slot = (newest + 1) % m;
            var sk = s[slot];
            var yk = y[slot];
            for (int i = 0; i < n; i++) { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i]; }
            double sy = WolfeLineSearch.Dot(sk, yk), yy = WolfeLineSearch.Dot(yk, yk);
            if (sy > 2.220446049250313e-16 * yy && yy > 0)
            {
                rho[slot] = 1.0 / sy;
                gamma = sy / yy;
                newest = slot;
                if (stored < m) stored++;
            }

            double fOld = fx;
            fx = ls.Value;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            iter++;
            context.Report("lbfgs", iter, MaxIterations, "f = " + fx.ToString("G10", CultureInfo.InvariantCulture));

            if (MaxAbs(g) <= GradientTolerance) { status = OptimizationStatus.GradientTolerance; break; }
            if ((fOld - fx) / Math.Max(Math.Max(Math.Abs(fOld), Math.Abs(fx)), 1.0) <= FunctionTolerance)
            {
                status = OptimizationStatus.FunctionTolerance;
                break;
            }
        }
        return new OptimizationResult(x, fx, g, iter, evals, status);
    }

    private void Validate()
    {
        if (History < 1) throw Bad(nameof(History), History, "at least 1");
        if (MaxIterations < 0) throw Bad(nameof(MaxIterations), MaxIterations, "at least 0");
        if (!(GradientTolerance >= 0)) throw Bad(nameof(GradientTolerance), GradientTolerance, "at least 0");
        if (!(FunctionTolerance >= 0)) throw Bad(nameof(FunctionTolerance), FunctionTolerance, "at least 0");
        if (MaxLineSearchEvaluations < 1) throw Bad(nameof(MaxLineSearchEvaluations), MaxLineSearchEvaluations, "at least 1");
    }

    private static InvalidHyperparameterException Bad(string name, object value, string range)
    {
        string key = Hyperparameters.ToSnakeCase(name);
        return new InvalidHyperparameterException(key,
            $"Lbfgs: {key} = {Convert.ToString(value, CultureInfo.InvariantCulture)} is not valid; it must be {range}.");
    }

    /// <summary>d = −H g by the two-loop recursion (Nocedal &amp; Wright, algorithm 7.4).</summary>
    private static void TwoLoop(double[] g, double[] d, double[][] s, double[][] y, double[] rho, double[] alpha,
        int stored, int newest, double gamma)
    {
        int m = s.Length;
        for (int i = 0; i < d.Length; i++) d[i] = -g[i];
        int k = newest;
        for (int j = 0; j < stored; j++)
        {
            double a = rho[k] * WolfeLineSearch.Dot(s[k], d);
            alpha[k] = a;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(y[k], -a, d, d);
            k = (k - 1 + m) % m;
        }
        System.Numerics.Tensors.TensorPrimitives.Multiply(d, gamma, d);
        k = (newest - stored + 1 + m) % m;
        for (int j = 0; j < stored; j++)
        {
            double b = rho[k] * WolfeLineSearch.Dot(y[k], d);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(s[k], alpha[k] - b, d, d);
            k = (k + 1) % m;
        }
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        double mx = 0;
        foreach (double t in v) mx = Math.Max(mx, Math.Abs(t));
        return mx;
    }
}
