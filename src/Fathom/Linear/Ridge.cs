using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Ridge regression, as scikit-learn's Ridge: minimizes Σᵢ sᵢ (yᵢ − xᵢ·β − β₀)² + α‖β‖² (the intercept is not
/// penalized). With an intercept X and y are centred on their weighted means; rows are scaled by √sᵢ; the
/// penalized normal equations are solved by Cholesky or by the SVD (<see cref="Solver"/>).
/// </summary>
/// <remarks>Cost O(n · p²) for the Gram matrix (GEMM) plus O(p³); with more features than rows the dual
/// system (XXᵀ + αI) is solved instead, O(n² · p + n³).</remarks>
public sealed record Ridge : IRegressor
{
    /// <summary>Penalty strength α ≥ 0 on ‖β‖². Default 1.0; 0 gives ordinary least squares.</summary>
    [Hyperparameter("strength of the L2 penalty on the coefficients; 0 gives ordinary least squares", Min = 0)]
    public double Alpha { get; init; } = 1.0;

    /// <summary>Whether to fit an (unpenalized) intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Solver: auto (Cholesky, SVD when singular; default), cholesky or svd.</summary>
    [Hyperparameter("linear solver: auto, cholesky or svd")]
    public RidgeSolver Solver { get; init; } = RidgeSolver.Auto;

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, one per row, finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation (checked before the solve).</param>
    /// <exception cref="InvalidHyperparameterException">Alpha is negative.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights.</exception>
    public RidgeModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        TargetChecks.Regression(x, y, sampleWeight, nameof(Ridge));
        context ??= FitContext.Default;
        context.ThrowIfCancellationRequested();
        int n = x.Rows, p = x.Columns;
        if (Solver != RidgeSolver.Svd && p <= CenteredGram.MaxFeatures && n >= 4 * p)
        {
            // Many more rows than features: form XᵀX and Xᵀy block by block, without the centred copy.
            var (xMean, yMean) = CenteredDesign.Means(x, y, sampleWeight, FitIntercept);
            var (gram, xty) = CenteredGram.Compute(x, y, sampleWeight, xMean, yMean, context.ThreadCount);
            for (int j = 0; j < p; j++) gram[j, j] += Alpha;
            if (CholeskyDecomposition.TryDecompose(gram, out var chol))
            {
                var w = chol.Solve(xty);
                return new RidgeModel(this, w, CenteredDesign.Intercept(w, xMean, yMean));
            }
            if (Solver == RidgeSolver.Cholesky && Alpha > 0)
                throw new InvalidInputException("Ridge: the penalized system is not positive definite; use solver=svd.");
        }
        var design = CenteredDesign.Create(x, y, sampleWeight, FitIntercept);
        var coef = Solve(design.A, design.B, Alpha, Solver, context.ThreadCount);
        return new RidgeModel(this, coef, design.Intercept(coef));
    }

    /// <summary>
    /// Fits one ridge model per column of <paramref name="y"/> (scikit-learn's multi-target ridge, whose
    /// <c>coef_</c> rows are the <see cref="RidgeModel.Coefficients"/> of the returned models). The design is
    /// factorized once and all targets are solved against it: O(n·p² + p³ + n·p·t).
    /// </summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets (n × t), finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation (checked before the solve).</param>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, shape mismatch, negative weights.</exception>
    public RidgeModel[] FitTargets(Matrix x, Matrix y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Columns == 0) throw new InvalidInputException("Ridge: the target matrix has no columns.");
        var columns = Enumerable.Range(0, y.Columns).Select(y.Column).ToArray();
        foreach (var column in columns) TargetChecks.Regression(x, column, sampleWeight, nameof(Ridge));
        context ??= FitContext.Default;
        context.ThrowIfCancellationRequested();
        var design = CenteredDesign.Create(x, columns[0], sampleWeight, FitIntercept);
        var targets = new Matrix(x.Rows, y.Columns);
        var yMeans = new double[y.Columns];
        for (int t = 0; t < y.Columns; t++)
        {
            var (_, mean) = CenteredDesign.Means(x, columns[t], sampleWeight, FitIntercept);
            yMeans[t] = mean;
            for (int i = 0; i < x.Rows; i++)
                targets[i, t] = (columns[t][i] - mean) * (sampleWeight is null ? 1.0 : Math.Sqrt(sampleWeight[i]));
        }
        var coef = SolveMany(design.A, targets, Alpha, Solver, context.ThreadCount); // p × t
        var models = new RidgeModel[y.Columns];
        for (int t = 0; t < models.Length; t++)
        {
            var w = coef.Column(t);
            models[t] = new RidgeModel(this, w, CenteredDesign.Intercept(w, design.XMean, yMeans[t]));
        }
        return models;
    }

    private static Matrix SolveMany(Matrix a, Matrix b, double alpha, RidgeSolver solver, int threads)
    {
        int n = a.Rows, p = a.Columns;
        if (solver != RidgeSolver.Svd)
        {
            if (p <= n)
            {
                var gram = MatrixOps.Gram(a, threads);
                for (int j = 0; j < p; j++) gram[j, j] += alpha;
                if (CholeskyDecomposition.TryDecompose(gram, out var chol)) return chol.Solve(MatrixOps.TransposeMultiply(a, b, threads));
            }
            else
            {
                var k = MatrixOps.MultiplyTransposed(a, a, threads);
                for (int i = 0; i < n; i++) k[i, i] += alpha;
                if (CholeskyDecomposition.TryDecompose(k, out var kc)) return MatrixOps.TransposeMultiply(a, kc.Solve(b), threads);
            }
            if (solver == RidgeSolver.Cholesky && alpha > 0)
                throw new InvalidInputException("Ridge: the penalized system is not positive definite; use solver=svd.");
        }
        var svd = SingularValueDecomposition.Decompose(a);
        var s = svd.SingularValues;
        var utb = MatrixOps.TransposeMultiply(svd.U!, b, threads); // k × t
        for (int i = 0; i < s.Length; i++)
        {
            double f = s[i] > 1e-15 ? s[i] / (s[i] * s[i] + alpha) : 0.0;
            var row = utb.Row(i);
            for (int t = 0; t < row.Length; t++) row[t] *= f;
        }
        return MatrixOps.TransposeMultiply(svd.Vt!, utb, threads);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    /// <summary>argmin ‖b − Aβ‖² + α‖β‖² by the chosen solver (inputs already centred and scaled).</summary>
    internal static double[] Solve(Matrix a, double[] b, double alpha, RidgeSolver solver, int threads)
    {
        if (solver != RidgeSolver.Svd)
        {
            var coef = TryCholesky(a, b, alpha, threads);
            if (coef is not null) return coef;
            if (solver == RidgeSolver.Cholesky && alpha > 0)
                throw new InvalidInputException("Ridge: the penalized system is not positive definite; use solver=svd.");
        }
        return SolveSvd(a, b, alpha);
    }

    private static double[]? TryCholesky(Matrix a, double[] b, double alpha, int threads)
    {
        int n = a.Rows, p = a.Columns;
        if (p <= n)
        {
            var gram = MatrixOps.Gram(a, threads);
            for (int j = 0; j < p; j++) gram[j, j] += alpha;
            if (!CholeskyDecomposition.TryDecompose(gram, out var chol)) return null;
            return chol.Solve(MatrixOps.TransposeMultiply(a, b));
        }
        // More features than rows: β = Aᵀ (AAᵀ + αI)⁻¹ b (the kernel form scikit-learn uses then).
        var k = MatrixOps.MultiplyTransposed(a, a, threads);
        for (int i = 0; i < n; i++) k[i, i] += alpha;
        if (!CholeskyDecomposition.TryDecompose(k, out var kc)) return null;
        return MatrixOps.TransposeMultiply(a, kc.Solve(b));
    }

    private static double[] SolveSvd(Matrix a, double[] b, double alpha)
    {
        var svd = SingularValueDecomposition.Decompose(a);
        var s = svd.SingularValues;
        var utb = MatrixOps.TransposeMultiply(svd.U!, b);
        for (int i = 0; i < s.Length; i++) utb[i] = s[i] > 1e-15 ? utb[i] * s[i] / (s[i] * s[i] + alpha) : 0.0;
        return MatrixOps.TransposeMultiply(svd.Vt!, utb);
    }
}
