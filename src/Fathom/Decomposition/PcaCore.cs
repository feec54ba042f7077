using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>The learned state of a PCA fit.</summary>
internal sealed record PcaFit(double[] Mean, Matrix Components, double[] ExplainedVariance, double[] ExplainedVarianceRatio,
    double[] SingularValues, double NoiseVariance, int Rows);

/// <summary>PCA maths without validation: centring, the SVDs, scikit-learn's sign flip and component selection.</summary>
internal static class PcaCore
{
    /// <summary>Exact SVD of the centred data, as scikit-learn's <c>_fit_full</c>.</summary>
    internal static PcaFit FitFull(Matrix x, int? k, double? fraction, int threads)
    {
        int n = x.Rows, p = x.Columns, r = Math.Min(n, p);
        var (mean, xc) = Centre(x);
        // U is never formed: the sign rule needs only the kept columns, and uⱼ = Xc·vⱼ/σⱼ has its largest
        // entry where Xc·vⱼ has.
        var svd = SingularValueDecomposition.DecomposeRight(xc);
        var vt = svd.Vt!;
        var s = svd.SingularValues;
        var ev = new double[r];
        for (int i = 0; i < r; i++) ev[i] = s[i] * s[i] / (n - 1);
        double total = ev.Sum();
        var ratio = ev.Select(v => v / total).ToArray();
        int keep = k ?? r;
        if (fraction is double f)
        {
            // numpy.searchsorted(cumsum(ratio), f, side="right") + 1
            double cum = 0;
            keep = 0;
            while (keep < r && (cum += ratio[keep]) <= f) keep++;
            keep = Math.Min(keep + 1, r);
        }
        double noise = keep < r ? ev.Skip(keep).Average() : 0.0;
        var components = vt.Slice(0, 0, keep, p).Clone();
        Flip(MatrixOps.MultiplyTransposed(xc, components, threads), components, keep);
        return new PcaFit(mean, components, ev[..keep], ratio[..keep], s[..keep], noise, n);
    }

    /// <summary>Randomized SVD of the centred data (Halko et al. 2011, algorithm 4.4 with Cholesky-QR re-orthonormalization
    /// between power iterations; scikit-learn uses LU there, which spans the same subspace), as scikit-learn's
    /// <c>_fit_truncated</c>: 10 oversamples, Gaussian start, sign flip on U.</summary>
    internal static PcaFit FitRandomized(Matrix x, int k, int iterations, RandomSource rng, int threads)
    {
        int n = x.Rows, p = x.Columns, r = Math.Min(n, p);
        var (mean, xc) = Centre(x);
        int l = Math.Min(k + 10, r);
        var omega = new Matrix(p, l);
        var os = omega.AsSpan();
        for (int i = 0; i < os.Length; i++) os[i] = rng.NextGaussian();
        var y = MatrixOps.Multiply(xc, omega, threads);                  // n × l
        for (int it = 0; it < iterations; it++)
        {
            // One Cholesky-QR pass only rescales the basis between power iterations (scikit-learn uses LU here,
            // which is not orthonormal at all); the final basis gets two.
            var q = Orthonormalize(y, threads, passes: 1);
            var z = MatrixOps.TransposeMultiply(xc, q, threads);         // p × l
            y = MatrixOps.Multiply(xc, Orthonormalize(z, threads, passes: 1), threads);      // n × l
        }
        var qf = Orthonormalize(y, threads);                                     // n × l
        var b = MatrixOps.TransposeMultiply(qf, xc, threads);            // l × p
        var svd = SingularValueDecomposition.Decompose(b);
        var u = MatrixOps.Multiply(qf, svd.U!, threads);                 // n × l
        var vt = svd.Vt!;
        Flip(u, vt, l);
        var s = svd.SingularValues;
        var ev = new double[k];
        for (int i = 0; i < k; i++) ev[i] = s[i] * s[i] / (n - 1);
        double totalVar = Reductions.ColumnVariances(x, ddof: 1).Sum();
        var ratio = ev.Select(v => v / totalVar).ToArray();
        double noise = k < r ? (totalVar - ev.Sum()) / (r - k) : 0.0;
        return new PcaFit(mean, vt.Slice(0, 0, k, p).Clone(), ev, ratio, s[..k], noise, n);
    }

    private static (double[] Mean, Matrix Centred) Centre(Matrix x)
    {
        var mean = Reductions.ColumnMeans(x);
        var xc = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++) TensorPrimitives.Subtract(x.Row(i), mean, xc.Row(i));
        return (mean, xc);
    }

    /// <summary>An orthonormal basis of the columns of a tall n × l matrix: Cholesky QR applied twice
    /// (Q = A·L⁻ᵀ with L·Lᵀ = AᵀA; two GEMMs per pass, stable in two passes for the well-conditioned ranges of
    /// the power iteration), falling back to Householder QR when the Gram matrix is not positive definite.</summary>
    private static Matrix Orthonormalize(Matrix a, int threads, int passes = 2)
    {
        var q = a;
        for (int pass = 0; pass < passes; pass++)
        {
            var gram = MatrixOps.TransposeMultiply(q, q, threads);
            if (!CholeskyDecomposition.TryDecompose(gram, out var chol))
                return QRDecomposition.Decompose(a, pivoting: false).GetQ();
            q = MatrixOps.Multiply(q, InverseTranspose(chol.GetL()), threads);
        }
        return q;
    }

    /// <summary>L⁻ᵀ of a small lower-triangular L (forward substitution on the identity). O(l³).</summary>
    private static Matrix InverseTranspose(Matrix l)
    {
        int m = l.Rows;
        var inv = new Matrix(m, m); // L⁻¹, lower triangular
        for (int c = 0; c < m; c++)
        {
            for (int i = c; i < m; i++)
            {
                double s = i == c ? 1.0 : 0.0;
                for (int t = c; t < i; t++) s -= l[i, t] * inv[t, c];
                inv[i, c] = s / l[i, i];
            }
        }
        return inv.Transpose();
    }

    /// <summary>scikit-learn's <c>svd_flip(u, v, u_based_decision=True)</c> on the first <paramref name="count"/>
    /// singular pairs: column c of U and row c of Vᵀ are negated when the largest-magnitude entry (first on ties) of
    /// column c of U is negative. O(rows of U · count), row-major passes.</summary>
    internal static void Flip(Matrix u, Matrix vt, int count)
    {
        // One row-major pass over U: the first row holding each column's largest magnitude.
        var bestAbs = new double[count];
        var bestValue = new double[count];
        Array.Fill(bestAbs, -1.0);
        for (int i = 0; i < u.Rows; i++)
        {
            var row = u.Row(i);
            for (int c = 0; c < count; c++)
            {
                double a = Math.Abs(row[c]);
                if (a > bestAbs[c]) { bestAbs[c] = a; bestValue[c] = row[c]; }
            }
        }
        bool any = false;
        for (int c = 0; c < count; c++)
        {
            if (bestValue[c] >= 0) continue;
            any = true;
            TensorPrimitives.Negate(vt.Row(c), vt.Row(c));
        }
        if (!any) return;
        for (int i = 0; i < u.Rows; i++)
        {
            var row = u.Row(i);
            for (int c = 0; c < count; c++)
                if (bestValue[c] < 0) row[c] = -row[c];
        }
    }
}
