using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The elastic-net regularization path: fits at each alpha of a descending grid, each fit warm-started from the
/// previous one, on one shared problem (the Gram matrix or the column-major copy is built once). The automatic
/// grid is scikit-learn's: α_max = max|Xᵀ(y − ȳ)| / (n·ρ) (the smallest α giving all-zero coefficients; weights
/// rescaled to sum to n), then <c>count</c> values evenly spaced in log scale from α_max down to eps·α_max.
/// </summary>
public static class ElasticNetPath
{
    /// <summary>Computes the path with the settings of <paramref name="settings"/> (its <see cref="ElasticNet.Alpha"/> is
    /// ignored; default hyperparameters when null).</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, finite.</param>
    /// <param name="settings">L1 ratio, intercept, tolerance, iterations, positivity, precompute.</param>
    /// <param name="alphaCount">Grid size for the automatic grid. Default 100.</param>
    /// <param name="eps">Ratio α_min/α_max of the automatic grid. Default 1e-3.</param>
    /// <param name="alphas">An explicit grid (used in descending order), instead of the automatic one.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation.</param>
    /// <exception cref="InvalidHyperparameterException">Bad settings, alphaCount &lt; 1, eps outside (0, 1], or
    /// L1Ratio = 0 with the automatic grid.</exception>
    public static RegularizationPath Compute(Matrix x, double[] y, ElasticNet? settings = null, int alphaCount = 100, double eps = 1e-3,
        IReadOnlyList<double>? alphas = null, double[]? sampleWeight = null, FitContext? context = null)
    {
        settings ??= new ElasticNet();
        Hyperparameters.Validate(settings);
        return Run(x, y, settings.L1Ratio, settings.FitIntercept, settings.Precompute, settings.MaxIter, settings.Tol, settings.Positive,
            alphaCount, eps, alphas, sampleWeight, context, nameof(ElasticNetPath));
    }

    internal static RegularizationPath Run(Matrix x, double[] y, double l1Ratio, bool fitIntercept, bool? precompute, int maxIter,
        double tol, bool positive, int alphaCount, double eps, IReadOnlyList<double>? alphas, double[]? sampleWeight,
        FitContext? context, string name)
    {
        if (alphas is null)
        {
            if (alphaCount < 1) throw new InvalidHyperparameterException("alpha_count", $"{name}: alpha_count is {alphaCount}; give at least 1.");
            if (!(eps > 0 && eps <= 1)) throw new InvalidHyperparameterException("eps", $"{name}: eps must be in (0, 1].");
            if (l1Ratio <= 0)
                throw new InvalidHyperparameterException("l1_ratio", $"{name}: the automatic alpha grid needs l1_ratio > 0; give the alphas explicitly.");
        }
        else if (alphas.Count == 0 || alphas.Any(a => !(a >= 0) || double.IsInfinity(a)))
            throw new InvalidHyperparameterException("alphas", $"{name}: the alphas must be a non-empty list of finite values ≥ 0.");
        TargetChecks.Regression(x, y, sampleWeight, name);
        context ??= FitContext.Default;
        var (design, solver) = ElasticNetFitter.Prepare(x, y, sampleWeight, fitIntercept, precompute, context.ThreadCount);
        int n = x.Rows, p = x.Columns;
        double[] grid;
        if (alphas is null)
        {
            double max = 0;
            foreach (double v in solver.Correlations) max = Math.Max(max, Math.Abs(v));
            grid = Grid(max / (n * l1Ratio), eps, alphaCount);
        }
        else grid = alphas.OrderDescending().ToArray();

        var coef = new Matrix(grid.Length, p);
        var intercepts = new double[grid.Length];
        var gaps = new double[grid.Length];
        var iterations = new int[grid.Length];
        double[]? previous = null;
        for (int k = 0; k < grid.Length; k++)
        {
            var r = ElasticNetFitter.Fit(design, solver, n, grid[k], l1Ratio, maxIter, tol, positive, previous, context, name);
            r.Coefficients.CopyTo(coef.Row(k));
            intercepts[k] = r.Intercept;
            gaps[k] = r.DualGap;
            iterations[k] = r.Iterations;
            previous = r.Coefficients;
            context.Report("path", k + 1, grid.Length);
        }
        return new RegularizationPath(grid, coef, intercepts, gaps, iterations);
    }

    /// <summary>numpy.logspace(log10(eps·max), log10(max), count) reversed; all equal to eps·max… when max is 0.</summary>
    internal static double[] Grid(double alphaMax, double eps, int count)
    {
        var grid = new double[count];
        if (alphaMax <= double.Epsilon)
        {
            Array.Fill(grid, double.Epsilon);
            return grid;
        }
        double lo = Math.Log10(alphaMax * eps), hi = Math.Log10(alphaMax);
        double step = count > 1 ? (hi - lo) / (count - 1) : 0;
        for (int i = 0; i < count; i++)
        {
            double e = i == count - 1 ? hi : lo + i * step;
            grid[count - 1 - i] = Math.Pow(10, e);
        }
        return grid;
    }
}
