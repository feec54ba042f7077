using System.Globalization;
using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.LinearAlgebra;

/// <summary>
/// The largest eigenpairs of a symmetric operator given only as products (as ARPACK's <c>eigsh(which="LA")</c>):
/// thick-restart Lanczos (Wu &amp; Simon 2000; the symmetric case of Stewart's Krylov–Schur method) with full
/// re-orthogonalization (classical Gram–Schmidt applied twice). A basis of <c>m</c> vectors is grown by one
/// operator product per step; at a restart the Rayleigh–Ritz projection is diagonalized, the best Ritz vectors and
/// the residual vector are kept, and the basis is grown again. A Ritz pair (θ, y) has converged when its residual
/// ‖A·y − θ·y‖ ≤ tolerance · |θ_max|. Memory (m + 1)·n doubles; cost per restart ≈ (m − kept) operator products
/// plus O(m²·n) for orthogonalization.
/// </summary>
public static class LanczosEigen
{
    /// <summary>The default relative residual tolerance (a few hundred machine epsilons, the level at which the
    /// re-orthogonalized recurrence stops improving).</summary>
    public const double DefaultTolerance = 1e-13;

    /// <summary>
    /// The <paramref name="count"/> largest (algebraic) eigenvalues, descending, and their unit eigenvectors as the
    /// rows of a count × n matrix. When n ≤ basis size + 1 the matrix is formed column by column (n products) and
    /// decomposed densely.
    /// </summary>
    /// <param name="dimension">n, the size of the operator.</param>
    /// <param name="apply">y = A·x for the symmetric operator A.</param>
    /// <param name="count">Eigenpairs wanted, 1 ≤ count ≤ n.</param>
    /// <param name="start">Starting vector (length n, not all zeros), e.g. random; it fixes the result bit for bit.</param>
    /// <param name="basisSize">Lanczos basis size m; null = min(n, max(2·count + 1, 20)) as SciPy's <c>eigsh</c>.</param>
    /// <param name="tolerance">Relative residual at which a pair is converged; ≤ 0 means <see cref="DefaultTolerance"/>.</param>
    /// <param name="maxRestarts">Restarts before giving up (the best current approximations are returned and
    /// <paramref name="converged"/> is false).</param>
    /// <param name="converged">Whether all wanted pairs met the tolerance.</param>
    /// <param name="cancellation">Checked once per restart.</param>
    /// <exception cref="ArgumentException">count or the start vector is invalid.</exception>
    public static (double[] Values, Matrix Vectors) Largest(int dimension, SymmetricOperator apply, int count, ReadOnlySpan<double> start,
        out bool converged, int? basisSize = null, double tolerance = 0, int maxRestarts = 1000, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        int n = dimension;
        if (count < 1 || count > n) throw new ArgumentException($"count = {count} must be in 1..{n}.", nameof(count));
        if (start.Length != n) throw new ArgumentException($"The start vector has length {start.Length}, the operator {n}.", nameof(start));
        int m = basisSize ?? Math.Min(n, Math.Max(2 * count + 1, 20));
        m = Math.Clamp(m, Math.Min(n, count + 1), n);
        double tol = tolerance > 0 ? tolerance : DefaultTolerance;
        if (n <= m + 1) { converged = true; return Dense(n, apply, count); }

        var v = new Matrix(m + 1, n);       // basis vectors as rows
        var h = new Matrix(m + 1, m);       // projected operator (column j filled by step j)
        double norm0 = Math.Sqrt(TensorPrimitives.Dot(start, start));
        if (!(norm0 > 0) || !double.IsFinite(norm0)) throw new ArgumentException("The start vector must be finite and not all zeros.", nameof(start));
        TensorPrimitives.Multiply(start, 1.0 / norm0, v.Row(0));
        var w = new double[n];
        var coef = new double[m + 1];
        var fallback = new RandomSource(unchecked((int)0x5EED1A5C));
        int kept = 0;
        int keep = Math.Min(m - 1, count + (m - count) / 2);
        double[] theta = [];
        Matrix y = new(0, 0);
        for (int restart = 0; ; restart++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (int j = kept; j < m; j++)
            {
                apply(v.Row(j), w);
                double beta = Orthogonalize(v, j + 1, w, coef);
                for (int i = 0; i <= j; i++) h[i, j] = coef[i];
                double scale = Math.Abs(h[j, j]) + (j > 0 ? Math.Abs(h[j, j - 1]) : 0);
                if (beta <= 1e-12 * Math.Max(scale, double.Epsilon))
                {
                    // Invariant subspace found: continue with a fresh direction orthogonal to the basis.
                    for (int t = 0; t < n; t++) w[t] = fallback.NextGaussian();
                    double b2 = Orthogonalize(v, j + 1, w, coef);
                    TensorPrimitives.Multiply(w, 1.0 / b2, v.Row(j + 1));
                    h[j + 1, j] = 0;
                }
                else
                {
                    TensorPrimitives.Multiply(w, 1.0 / beta, v.Row(j + 1));
                    h[j + 1, j] = beta;
                }
            }
            // Rayleigh–Ritz on the symmetric part of the projected operator.
            var proj = new Matrix(m, m);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++) proj[i, j] = 0.5 * (h[i, j] + h[j, i]);
            var eig = SymmetricEigenDecomposition.Decompose(proj);
            theta = new double[m];
            y = new Matrix(m, m);            // column c = Ritz coefficients of the c-th largest
            for (int c = 0; c < m; c++)
            {
                theta[c] = eig.Eigenvalues[m - 1 - c];
                for (int i = 0; i < m; i++) y[i, c] = eig.Eigenvectors[i, m - 1 - c];
            }
            double betaM = h[m, m - 1];
            double thetaMax = Math.Max(Math.Abs(theta[0]), Math.Abs(theta[m - 1]));
            bool done = true;
            for (int c = 0; c < count && done; c++)
                done = Math.Abs(betaM * y[m - 1, c]) <= tol * Math.Max(thetaMax, double.Epsilon);
            if (done || restart >= maxRestarts)
            {
                converged = done;
                return (theta[..count], Combine(v, y, m, count, n));
            }
            // Thick restart: keep the best Ritz vectors and the residual direction.
            var ritz = Combine(v, y, m, keep, n);
            for (int i = 0; i < keep; i++) ritz.Row(i).CopyTo(v.Row(i));
            v.Row(m).CopyTo(v.Row(keep));
            h.AsSpan().Clear();
            for (int i = 0; i < keep; i++)
            {
                h[i, i] = theta[i];
                h[keep, i] = betaM * y[m - 1, i];
            }
            kept = keep;
        }
    }

    /// <summary>w ← w − V₀..ⱼ₋₁ᵀ·coef with coef = V·w, twice (DGKS); coef holds the summed coefficients; returns ‖w‖.</summary>
    private static double Orthogonalize(Matrix v, int rows, Span<double> w, Span<double> coef)
    {
        coef[..rows].Clear();
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < rows; i++)
            {
                double c = TensorPrimitives.Dot(v.Row(i), w);
                coef[i] += c;
                TensorPrimitives.MultiplyAdd(v.Row(i), -c, w, w);
            }
        }
        return Math.Sqrt(TensorPrimitives.Dot(w, w));
    }

    /// <summary>Rows r of the result = Σᵢ y[i, r]·V[i] for the first <paramref name="count"/> Ritz vectors.</summary>
    private static Matrix Combine(Matrix v, Matrix y, int m, int count, int n)
    {
        var coeffs = new Matrix(count, m);
        for (int r = 0; r < count; r++)
            for (int i = 0; i < m; i++) coeffs[r, i] = y[i, r];
        var result = new Matrix(count, n);
        Blas.Gemm(false, false, count, n, m, 1.0, coeffs.Storage, m, v.Storage, n, 0.0, result.Storage, n, 1);
        return result;
    }

    private static (double[] Values, Matrix Vectors) Dense(int n, SymmetricOperator apply, int count)
    {
        var a = new Matrix(n, n);
        var e = new double[n];
        var col = new double[n];
        for (int j = 0; j < n; j++)
        {
            e[j] = 1;
            apply(e, col);
            e[j] = 0;
            for (int i = 0; i < n; i++) a[i, j] = col[i];
        }
        var eig = SymmetricEigenDecomposition.Decompose(a);
        var values = new double[count];
        var vectors = new Matrix(count, n);
        for (int c = 0; c < count; c++)
        {
            values[c] = eig.Eigenvalues[n - 1 - c];
            for (int i = 0; i < n; i++) vectors[c, i] = eig.Eigenvectors[i, n - 1 - c];
        }
        if (!values.All(double.IsFinite)) throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"The operator produced non-finite values."));
        return (values, vectors);
    }
}
