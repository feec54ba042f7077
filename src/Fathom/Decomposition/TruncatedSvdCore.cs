using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>The learned state of a truncated SVD fit.</summary>
internal sealed record TruncatedSvdFit(Matrix Components, double[] SingularValues, double[] ExplainedVariance, double[] ExplainedVarianceRatio, bool Converged);

/// <summary>
/// Truncated SVD maths without validation, on any <see cref="SvdOperand"/> (dense or sparse), following scikit-learn
/// 1.2.1's <c>TruncatedSVD.fit_transform</c> step by step: the SVD (randomized or exact), <c>svd_flip</c> on U, the
/// transformed data (X·Vᵀ for randomized, U·S for exact), its column variances, and the total column variance of X.
/// </summary>
internal static class TruncatedSvdCore
{
    internal static TruncatedSvdFit Fit(SvdOperand x, TruncatedSVD o, FitContext ctx)
    {
        int k = o.NComponents;
        var rng = new RandomSource(o.Seed);
        Matrix u, vt, transformed;
        double[] s;
        bool converged = true;
        if (o.Algorithm == TruncatedSvdAlgorithm.Randomized)
        {
            (u, s, vt) = Randomized(x, k, o.NIter, o.NOversamples, o.PowerIterationNormalizer, rng, ctx);
            transformed = x.Multiply(vt.Transpose());
        }
        else
        {
            (u, s, vt, converged) = Exact(x, k, o.Tol, rng, ctx);
            transformed = u;
            for (int i = 0; i < u.Rows; i++) TensorPrimitives.Multiply(u.Row(i), s, transformed.Row(i));
        }
        var ev = Reductions.ColumnVariances(transformed, ddof: 0);
        double total = x.TotalColumnVariance();
        var ratio = ev.Select(v => total > 0 ? v / total : 0).ToArray();
        return new TruncatedSvdFit(vt, s, ev, ratio, converged);
    }

    /// <summary>scikit-learn's <c>randomized_svd(M, k, n_oversamples, n_iter, power_iteration_normalizer,
    /// transpose="auto", flip_sign=True)</c>: works on Xᵀ when X is wide. Returns U (n × k), S, Vᵀ (k × p) of X.</summary>
    internal static (Matrix U, double[] S, Matrix Vt) Randomized(SvdOperand x, int k, int iterations, int oversamples,
        PowerIterationNormalizer normalizer, RandomSource rng, FitContext ctx)
    {
        bool transpose = x.Rows < x.Columns;
        var m = transpose ? x.T : x;
        int l = Math.Min(k + oversamples, Math.Min(m.Rows, m.Columns));
        if (normalizer == PowerIterationNormalizer.Auto) normalizer = iterations <= 2 ? PowerIterationNormalizer.None : PowerIterationNormalizer.LU;
        var q = new Matrix(m.Columns, l);
        var qs = q.AsSpan();
        for (int i = 0; i < qs.Length; i++) qs[i] = rng.NextGaussian();
        for (int it = 0; it < iterations; it++)
        {
            q = Normalize(m.Multiply(q), normalizer);
            q = Normalize(m.TransposeMultiply(q), normalizer);
            ctx.ThrowIfCancellationRequested();
        }
        q = QRDecomposition.Decompose(m.Multiply(q), pivoting: false).GetQ();     // rows(M) × l
        var b = m.TransposeMultiply(q).Transpose();                                 // l × cols(M) = Qᵀ·M
        var svd = SingularValueDecomposition.Decompose(b);
        var um = MatrixOps.Multiply(q, svd.U!);                                     // rows(M) × l
        var vtm = svd.Vt!;
        Matrix ux = transpose ? vtm.Transpose() : um, vtx = transpose ? um.Transpose() : vtm;
        PcaCore.Flip(ux, vtx, l);
        return (ux.Slice(0, 0, ux.Rows, k).Clone(), svd.SingularValues[..k], vtx.Slice(0, 0, k, vtx.Columns).Clone());
    }

    /// <summary>SciPy's <c>svds(X, k, tol, solver="arpack")</c> then scikit-learn's reversal and <c>svd_flip</c>: the k
    /// largest eigenvectors E of the smaller Gram matrix (applied as two products, never formed), orthonormalized,
    /// then the SVD of X·E gives S and rotates E into the singular vectors.</summary>
    internal static (Matrix U, double[] S, Matrix Vt, bool Converged) Exact(SvdOperand x, int k, double tol, RandomSource rng, FitContext ctx)
    {
        bool transpose = x.Rows < x.Columns;
        var m = transpose ? x.T : x;          // rows(M) ≥ cols(M); Gram = MᵀM
        int d = m.Columns;
        var tmp = new double[m.Rows];
        void Apply(ReadOnlySpan<double> v, Span<double> y)
        {
            m.Multiply(v, tmp);
            m.TransposeMultiply(tmp, y);
        }
        var start = new double[d];
        for (int i = 0; i < d; i++) start[i] = 2 * rng.NextDouble() - 1;    // as scikit-learn's _init_arpack_v0
        var (_, vectors) = LanczosEigen.Largest(d, Apply, k, start, out bool converged,
            tolerance: tol > 0 ? tol * tol : 0, cancellation: ctx.CancellationToken);
        if (!converged) ctx.Warn($"TruncatedSVD (arpack): Lanczos did not reach the tolerance; the result is the best approximation found.");
        var e = QRDecomposition.Decompose(vectors.Transpose(), pivoting: false).GetQ();   // d × k, orthonormal
        var av = m.Multiply(e);                                                            // rows(M) × k
        var svd = SingularValueDecomposition.Decompose(av);
        Matrix ux, vtx;
        if (!transpose)
        {
            ux = svd.U!;
            vtx = MatrixOps.MultiplyTransposed(svd.Vt!, e);          // k × p
        }
        else
        {
            ux = MatrixOps.MultiplyTransposed(e, svd.Vt!);           // n × k
            vtx = svd.U!.Transpose();                                // k × p
        }
        PcaCore.Flip(ux, vtx, k);
        return (ux, svd.SingularValues, vtx, converged);
    }

    /// <summary>P·L of an LU factorization with partial pivoting (SciPy's <c>lu(a, permute_l=True)</c>), Q of a QR, or
    /// the matrix itself, for a tall rows × l matrix (rows ≥ l). O(rows·l²).</summary>
    internal static Matrix Normalize(Matrix a, PowerIterationNormalizer how) => how switch
    {
        PowerIterationNormalizer.QR => QRDecomposition.Decompose(a, pivoting: false).GetQ(),
        PowerIterationNormalizer.LU => PermutedLower(a),
        _ => a,
    };

    private static Matrix PermutedLower(Matrix a)
    {
        int n = a.Rows, l = Math.Min(a.Rows, a.Columns);
        var w = a.Clone();
        var perm = Enumerable.Range(0, n).ToArray();   // perm[i] = original row now at position i
        var tmpRow = new double[w.Columns];
        for (int c = 0; c < l; c++)
        {
            int piv = c;
            double best = Math.Abs(w[c, c]);
            for (int i = c + 1; i < n; i++)
            {
                double v = Math.Abs(w[i, c]);
                if (v > best) { best = v; piv = i; }
            }
            if (piv != c)
            {
                w.Row(c).CopyTo(tmpRow);
                w.Row(piv).CopyTo(w.Row(c));
                tmpRow.CopyTo(w.Row(piv));
                (perm[c], perm[piv]) = (perm[piv], perm[c]);
            }
            double p = w[c, c];
            if (p == 0) continue;
            var pivotTail = w.Row(c)[(c + 1)..];
            for (int i = c + 1; i < n; i++)
            {
                var row = w.Row(i);
                double f = row[c] / p;
                row[c] = f;
                if (f != 0) TensorPrimitives.MultiplyAdd(pivotTail, -f, row[(c + 1)..], row[(c + 1)..]);
            }
        }
        var pl = new Matrix(n, l);
        for (int i = 0; i < n; i++)
        {
            var src = w.Row(i);
            var dst = pl.Row(perm[i]);
            int lower = Math.Min(i, l);
            src[..lower].CopyTo(dst);
            if (i < l) dst[i] = 1.0;
        }
        return pl;
    }
}
