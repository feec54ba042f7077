using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>The fit shared by <see cref="Lasso"/>, <see cref="ElasticNet"/> and the regularization paths.</summary>
internal static class ElasticNetFitter
{
    /// <summary>Result of one fit.</summary>
    public readonly record struct Result(double[] Coefficients, double Intercept, int Iterations, double DualGap, bool Converged);

    /// <summary>
    /// Centres (weights rescaled to sum to n, as scikit-learn), builds the coordinate-descent problem
    /// (Gram when <paramref name="precompute"/> says so, or by default when n &gt; p) and solves it.
    /// </summary>
    public static (CenteredDesign Design, CoordinateDescent Solver) Prepare(Matrix x, double[] y, double[]? sampleWeight,
        bool fitIntercept, bool? precompute, int threads)
    {
        double scale = 1.0;
        if (sampleWeight is not null)
        {
            double sum = 0;
            foreach (double v in sampleWeight) sum += v;
            scale = x.Rows / sum;
        }
        var design = CenteredDesign.Create(x, y, sampleWeight, fitIntercept, scale);
        bool gram = precompute ?? x.Rows > x.Columns;
        return (design, new CoordinateDescent(design.A, design.B, gram, threads));
    }

    /// <summary>Fits at one penalty, starting from <paramref name="start"/> (zeros when null).</summary>
    public static Result Fit(CenteredDesign design, CoordinateDescent solver, int rows, double alpha, double l1Ratio,
        int maxIter, double tol, bool positive, IReadOnlyList<double>? start, FitContext context, string name)
    {
        var w = new double[solver.Features];
        if (start is not null)
        {
            if (start.Count != w.Length)
                throw new InvalidInputException($"{name}: the warm start has {start.Count} coefficients but the data has {w.Length} features.");
            for (int j = 0; j < w.Length; j++)
            {
                if (!double.IsFinite(start[j]))
                    throw new InvalidInputException($"{name}: warm-start coefficient {j} is not finite.");
                w[j] = positive ? Math.Max(0, start[j]) : start[j];
            }
        }
        double l1 = alpha * l1Ratio * rows, l2 = alpha * (1 - l1Ratio) * rows;
        var (iter, gap, converged) = solver.Solve(l1, l2, w, maxIter, tol, positive, context.CancellationToken);
        if (!converged)
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"{name}: coordinate descent did not converge in {iter} iterations (duality gap {gap:G4}); increase max_iter, scale the features or regularize more."));
        return new Result(w, design.Intercept(w), iter, gap, converged);
    }

    /// <summary>Checks inputs and runs one fit (the estimators' Fit).</summary>
    public static Result FitOnce(Matrix x, double[] y, double[]? sampleWeight, bool fitIntercept, bool? precompute, double alpha,
        double l1Ratio, int maxIter, double tol, bool positive, IReadOnlyList<double>? start, FitContext? context, string name)
    {
        TargetChecks.Regression(x, y, sampleWeight, name);
        context ??= FitContext.Default;
        context.ThrowIfCancellationRequested();
        var (design, solver) = Prepare(x, y, sampleWeight, fitIntercept, precompute, context.ThreadCount);
        return Fit(design, solver, x.Rows, alpha, l1Ratio, maxIter, tol, positive, start, context, name);
    }
}
