using System.Globalization;
using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Discriminant;

/// <summary>
/// Linear discriminant analysis, as scikit-learn's LinearDiscriminantAnalysis: every class is a normal density
/// with its own mean μ_c and a shared covariance Σ (the prior-weighted average of the class covariances), so the
/// decision function δ_c(x) = xᵀΣ⁻¹μ_c − ½μ_cᵀΣ⁻¹μ_c + log π_c is linear; probabilities are its softmax (the
/// logistic of the difference for two classes). The fitted <see cref="LinearDiscriminantAnalysisModel"/> also
/// projects data onto the at most min(classes − 1, p) most discriminative directions
/// (<see cref="LinearDiscriminantAnalysisModel.Transform"/>), a supervised dimensionality reduction.
/// </summary>
/// <remarks>
/// Sample weights are not supported (as in scikit-learn); they are ignored with a warning. Fit costs
/// O(n·p·min(n, p)) with the SVD solver, O(n·p² + p³) with the others.
/// </remarks>
public sealed record LinearDiscriminantAnalysis : IClassifier
{
    /// <summary>Solver: svd (default), lsqr or eigen.</summary>
    [Hyperparameter("solver: svd, lsqr or eigen")]
    public LdaSolver Solver { get; init; } = LdaSolver.Svd;

    /// <summary>
    /// Fixed shrinkage s in [0, 1] of the class covariances towards (tr Σ / p)·I, or null (default) for none.
    /// Only with the lsqr and eigen solvers.
    /// </summary>
    [Hyperparameter("shrinkage of the covariance towards a multiple of the identity (lsqr and eigen solvers)", Min = 0, Max = 1, NullMeans = "no shrinkage")]
    public double? Shrinkage { get; init; }

    /// <summary>
    /// True to choose the shrinkage by the Ledoit–Wolf lemma on standardized features (scikit-learn's
    /// <c>shrinkage="auto"</c>); overrides <see cref="Shrinkage"/>. Only with the lsqr and eigen solvers. Default false.
    /// </summary>
    [Hyperparameter("choose the shrinkage automatically by the Ledoit-Wolf lemma (lsqr and eigen solvers)")]
    public bool AutoShrinkage { get; init; }

    /// <summary>
    /// Number of components kept by <see cref="LinearDiscriminantAnalysisModel.Transform"/>, at most
    /// min(classes − 1, features); null (default) keeps that many. Does not affect prediction.
    /// </summary>
    [Hyperparameter("number of discriminant components kept by transform", Min = 1, NullMeans = "min(classes - 1, features)")]
    public int? NComponents { get; init; }

    /// <summary>True to keep the within-class covariance (always kept by lsqr and eigen). Default false.</summary>
    [Hyperparameter("store the within-class covariance matrix (svd solver)")]
    public bool StoreCovariance { get; init; }

    /// <summary>Singular values below tol (svd solver; relative to the largest in the second SVD) count as zero. Default 1e-4.</summary>
    [Hyperparameter("threshold below which singular values count as zero (svd solver)", Min = 0)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>
    /// Class priors in the order of the sorted classes, or null (default) for the class frequencies. Priors that
    /// do not sum to 1 are renormalized with a warning. Not a command-line parameter (it is a list).
    /// </summary>
    public IReadOnlyList<double>? Priors { get; init; }

    /// <summary>Tags: sample weights are not supported.</summary>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels; at least two classes, more rows than classes.</param>
    /// <param name="sampleWeight">Ignored with a warning (not supported, as in scikit-learn).</param>
    /// <param name="context">Cancellation and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">Bad priors, shrinkage with the svd solver, or too many components.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, one class, no more rows than classes, or a
    /// singular within-class covariance with the eigen solver.</exception>
    public LinearDiscriminantAnalysisModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        const string name = nameof(LinearDiscriminantAnalysis);
        Hyperparameters.Validate(this);
        bool shrink = Shrinkage is not null || AutoShrinkage;
        if (shrink && Solver == LdaSolver.Svd)
            throw new InvalidHyperparameterException("shrinkage", $"{name}: shrinkage is not supported by the svd solver; use solver lsqr or eigen, or no shrinkage.");
        var (classes, rows) = DiscriminantFit.Group(x, y, sampleWeight, context, name);
        int n = x.Rows, p = x.Columns, k = classes.Length;
        if (n == k)
            throw new InvalidInputException($"{name}: there are {n} rows for {k} classes; the number of rows must be larger than the number of classes.");
        var priors = DiscriminantFit.Priors(Priors, rows, n, context, name);
        int maxComponents = Math.Min(k - 1, p);
        if (NComponents is { } nc)
        {
            if (nc > maxComponents)
                throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                    $"{name}: n_components is {nc} but cannot be larger than min(features, classes - 1) = {maxComponents}."));
            maxComponents = nc;
        }
        var means = DiscriminantFit.ClassMeans(x, rows);
        var fit = Solver switch
        {
            LdaSolver.Svd => SolveSvd(x, rows, means, priors, name),
            LdaSolver.Lsqr => SolveLsqr(x, rows, means, priors),
            _ => SolveEigen(x, rows, means, priors, name),
        };
        var coef = fit.Coef;
        var intercept = fit.Intercept;
        if (k == 2)
        {
            var b = new Matrix(1, p);
            for (int j = 0; j < p; j++) b[0, j] = coef[1, j] - coef[0, j];
            coef = b;
            intercept = [intercept[1] - intercept[0]];
        }
        return new LinearDiscriminantAnalysisModel(this, classes, y.Kind, coef, intercept, means, priors, fit.Xbar,
            fit.Scalings, fit.Ratio is null ? null : fit.Ratio.Take(maxComponents).ToArray(), fit.Covariance, maxComponents);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    private sealed record Solution(Matrix Coef, double[] Intercept, Matrix? Scalings, double[]? Ratio, double[]? Xbar, Matrix? Covariance);

    private Matrix WithinCovariance(Matrix x, int[][] rows, double[] priors)
    {
        var cov = new Matrix(x.Columns, x.Columns);
        var s = cov.AsSpan();
        for (int c = 0; c < rows.Length; c++)
        {
            var cc = DiscriminantFit.Covariance(x.SelectRows(rows[c]), Shrinkage, AutoShrinkage).AsSpan();
            for (int i = 0; i < s.Length; i++) s[i] += priors[c] * cc[i];
        }
        return cov;
    }

    /// <summary>intercept_c = −½ μ_c·β_c + log π_c.</summary>
    private static double[] Intercepts(Matrix means, Matrix coef, double[] priors)
    {
        var b = new double[means.Rows];
        for (int c = 0; c < b.Length; c++)
        {
            double d = 0;
            var m = means.Row(c);
            var w = coef.Row(c);
            for (int j = 0; j < m.Length; j++) d += m[j] * w[j];
            b[c] = -0.5 * d + Math.Log(priors[c]);
        }
        return b;
    }

    private Solution SolveLsqr(Matrix x, int[][] rows, Matrix means, double[] priors)
    {
        var cov = WithinCovariance(x, rows, priors);
        var coef = LeastSquares.Solve(cov, means.Transpose()).Solution.Transpose();
        return new Solution(coef, Intercepts(means, coef, priors), null, null, null, cov);
    }

    private Solution SolveEigen(Matrix x, int[][] rows, Matrix means, double[] priors, string name)
    {
        var sw = WithinCovariance(x, rows, priors);
        var st = DiscriminantFit.Covariance(x, Shrinkage, AutoShrinkage);
        int p = x.Columns;
        var sb = st.Clone();
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) sb[i, j] -= sw[i, j];
        if (!CholeskyDecomposition.TryDecompose(sw, out var chol))
            throw new InvalidInputException(
                $"{name}: the within-class covariance is singular (collinear or constant features), so the eigen solver cannot be used; use the svd solver, or shrinkage.");
        // S_b v = λ S_w v with S_w = L Lᵀ: C = L⁻¹ S_b L⁻ᵀ = W Λ Wᵀ, v = L⁻ᵀ W (so vᵀ S_w v = I, as scipy's eigh).
        var l = chol.GetL();
        var linvSb = LowerSolve(l, sb);
        var c = LowerSolve(l, linvSb.Transpose());
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++) c[i, j] = c[j, i] = 0.5 * (c[i, j] + c[j, i]);
        var eig = SymmetricEigenDecomposition.Decompose(c);
        var order = Enumerable.Range(0, p).OrderByDescending(i => eig.Eigenvalues[i]).ToArray();
        double sum = eig.Eigenvalues.Sum();
        var ratio = order.Select(i => eig.Eigenvalues[i] / sum).ToArray();
        var w = eig.Eigenvectors.SelectColumns(order);
        var evecs = UpperSolveTransposed(l, w);
        var coef = MatrixOps.MultiplyTransposed(MatrixOps.Multiply(means, evecs), evecs);
        return new Solution(coef, Intercepts(means, coef, priors), evecs, ratio, null, sw);
    }

    /// <summary>L⁻¹·B for lower-triangular L by forward substitution.</summary>
    private static Matrix LowerSolve(Matrix l, Matrix b)
    {
        int p = l.Rows;
        var r = b.Clone();
        for (int col = 0; col < r.Columns; col++)
            for (int i = 0; i < p; i++)
            {
                double s = r[i, col];
                for (int j = 0; j < i; j++) s -= l[i, j] * r[j, col];
                r[i, col] = s / l[i, i];
            }
        return r;
    }

    /// <summary>L⁻ᵀ·B by back substitution with Lᵀ.</summary>
    private static Matrix UpperSolveTransposed(Matrix l, Matrix b)
    {
        int p = l.Rows;
        var r = b.Clone();
        for (int col = 0; col < r.Columns; col++)
            for (int i = p - 1; i >= 0; i--)
            {
                double s = r[i, col];
                for (int j = i + 1; j < p; j++) s -= l[j, i] * r[j, col];
                r[i, col] = s / l[i, i];
            }
        return r;
    }

    private Solution SolveSvd(Matrix x, int[][] rows, Matrix means, double[] priors, string name)
    {
        int n = x.Rows, p = x.Columns, k = rows.Length;
        var cov = StoreCovariance ? WithinCovariance(x, rows, priors) : null;
        var xbar = new double[p];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < p; j++) xbar[j] += priors[c] * means[c, j];
        // Within-class centred data, grouped by class.
        var xc = new Matrix(n, p);
        int at = 0;
        for (int c = 0; c < k; c++)
            foreach (int i in rows[c])
            {
                var src = x.Row(i);
                var dst = xc.Row(at++);
                for (int j = 0; j < p; j++) dst[j] = src[j] - means[c, j];
            }
        var std = Reductions.ColumnVariances(xc).Select(v => Math.Sqrt(v)).ToArray();
        for (int j = 0; j < p; j++) if (std[j] == 0) std[j] = 1.0;
        double fac = Math.Sqrt(1.0 / (n - k));
        for (int i = 0; i < n; i++)
        {
            var r = xc.Row(i);
            for (int j = 0; j < p; j++) r[j] = fac * (r[j] / std[j]);
        }
        var svd = SingularValueDecomposition.Decompose(xc);
        var s = svd.SingularValues;
        int rank = s.Count(v => v > Tol);
        if (rank == 0)
            throw new InvalidInputException($"{name}: every feature is constant within the classes; there is nothing to discriminate on.");
        // scalings = (Vt[:rank] / std)ᵀ / S[:rank], p × rank.
        var scalings = new Matrix(p, rank);
        for (int r = 0; r < rank; r++)
            for (int j = 0; j < p; j++) scalings[j, r] = svd.Vt![r, j] / std[j] / s[r];
        double fac2 = k == 1 ? 1.0 : 1.0 / (k - 1);
        var centres = new Matrix(k, p);
        for (int c = 0; c < k; c++)
        {
            double w = Math.Sqrt(n * priors[c] * fac2);
            for (int j = 0; j < p; j++) centres[c, j] = w * (means[c, j] - xbar[j]);
        }
        var between = MatrixOps.Multiply(centres, scalings);
        var svd2 = SingularValueDecomposition.Decompose(between);
        var s2 = svd2.SingularValues;
        double total = s2.Sum(v => v * v);
        var ratio = s2.Select(v => v * v / total).ToArray();
        int rank2 = s2.Count(v => v > Tol * s2[0]);
        var vt2 = svd2.Vt!.RowRange(0, rank2);
        var finalScalings = MatrixOps.MultiplyTransposed(scalings, vt2);
        var mc = means.Clone();
        for (int c = 0; c < k; c++)
            for (int j = 0; j < p; j++) mc[c, j] -= xbar[j];
        var coefLow = MatrixOps.Multiply(mc, finalScalings);
        var intercept = new double[k];
        for (int c = 0; c < k; c++)
        {
            double q = 0;
            foreach (double v in coefLow.Row(c)) q += v * v;
            intercept[c] = -0.5 * q + Math.Log(priors[c]);
        }
        var coef = MatrixOps.MultiplyTransposed(coefLow, finalScalings);
        for (int c = 0; c < k; c++)
        {
            double d = 0;
            for (int j = 0; j < p; j++) d += xbar[j] * coef[c, j];
            intercept[c] -= d;
        }
        return new Solution(coef, intercept, finalScalings, ratio, xbar, cov);
    }
}
