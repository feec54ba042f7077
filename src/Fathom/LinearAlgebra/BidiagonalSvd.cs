using System.Numerics.Tensors;

namespace Fathom.LinearAlgebra;

/// <summary>
/// Golub–Kahan SVD of an m × n matrix with m ≥ n: Householder bidiagonalization (≈ 4mn² − 4n³/3 flops,
/// on the transposed copy so every reflector works on contiguous rows), then implicit-shift QR sweeps on
/// the bidiagonal (Golub &amp; Van Loan, Alg. 8.6.2) whose Givens rotations act on contiguous rows of Uᵀ and Vᵀ.
/// Replaces MathNet.Numerics' SVD, which was ≈ 5× slower than LAPACK for a 500 × 500 matrix (1.5 s vs 0.3 s).
/// </summary>
internal static class BidiagonalSvd
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>Returns Uᵀ (n × m, rows = left vectors), S (n, descending, ≥ 0), Vᵀ (n × n) for row-major a (m × n, m ≥ n).</summary>
    public static (double[]? Ut, double[] S, double[]? Vt) Decompose(Fathom.Numerics.Matrix a, bool vectors)
    {
        int m = a.Rows, n = a.Columns;
        var at = new double[(long)n * m];
        for (int i = 0; i < m; i++)
        {
            var row = a.Row(i);
            for (int j = 0; j < n; j++) at[j * m + i] = row[j];
        }
        var d = new double[n];
        var e = new double[Math.Max(n - 1, 0)];
        var tauL = new double[n];
        var tauR = new double[Math.Max(n - 1, 0)];
        var vR = new double[n][];
        var x = new double[n];
        var w = new double[m];
        for (int k = 0; k < n; k++)
        {
            // Left reflector: column k of A, rows k.. (row k of Aᵀ).
            var col = at.AsSpan(k * m + k, m - k);
            tauL[k] = Householder.Make(col);
            d[k] = col[0];
            var vl = col[1..];
            for (int j = k + 1; j < n; j++) Householder.Apply(tauL[k], vl, at.AsSpan(j * m + k, m - k));
            if (k >= n - 1) continue;
            // Right reflector: row k of A, columns k+1.. (strided in Aᵀ; gathered).
            int r = n - k - 1;
            var xr = x.AsSpan(0, r);
            for (int j = 0; j < r; j++) xr[j] = at[(k + 1 + j) * m + k];
            double t = Householder.Make(xr);
            tauR[k] = t;
            e[k] = xr[0];
            vR[k] = xr[1..].ToArray();
            if (t == 0 || k + 1 >= m) continue;
            // Rows i > k of A: A[i, k+1..] −= τ (A[i, k+1..]·v) vᵀ, done over rows of Aᵀ.
            var ws = w.AsSpan(k + 1, m - k - 1);
            at.AsSpan((k + 1) * m + k + 1, m - k - 1).CopyTo(ws);
            for (int j = 1; j < r; j++) TensorPrimitives.MultiplyAdd(at.AsSpan((k + 1 + j) * m + k + 1, m - k - 1), xr[j], ws, ws);
            for (int j = 0; j < r; j++)
            {
                var seg = at.AsSpan((k + 1 + j) * m + k + 1, m - k - 1);
                TensorPrimitives.MultiplyAdd(ws, -t * (j == 0 ? 1.0 : xr[j]), seg, seg);
            }
        }
        double[]? ut = null, vt = null;
        if (vectors)
        {
            // Columns of U = H₀···H_{n−1} e_c, stored as rows of Uᵀ.
            ut = new double[(long)n * m];
            for (int c = 0; c < n; c++)
            {
                var u = ut.AsSpan(c * m, m);
                u[c] = 1.0;
                for (int j = c; j >= 0; j--) Householder.Apply(tauL[j], at.AsSpan(j * m + j + 1, m - j - 1), u[j..]);
            }
            // Columns of V = G₀···G_{n−2} e_c (G_k acts on indices k+1..), stored as rows of Vᵀ.
            vt = new double[n * n];
            for (int c = 0; c < n; c++)
            {
                var v = vt.AsSpan(c * n, n);
                v[c] = 1.0;
                for (int j = Math.Min(c - 1, n - 2); j >= 0; j--) Householder.Apply(tauR[j], vR[j], v[(j + 1)..]);
            }
        }
        BidiagonalQR(d, e, ut, m, vt, n);
        // Signs and descending order.
        for (int i = 0; i < n; i++)
            if (d[i] < 0)
            {
                d[i] = -d[i];
                if (vt is not null) TensorPrimitives.Negate<double>(vt.AsSpan(i * n, n), vt.AsSpan(i * n, n));
            }
        var order = Enumerable.Range(0, n).OrderByDescending(i => d[i]).ToArray();
        var s = order.Select(i => d[i]).ToArray();
        if (!vectors) return (null, s, null);
        var ut2 = new double[ut!.Length];
        var vt2 = new double[vt!.Length];
        for (int i = 0; i < n; i++)
        {
            ut.AsSpan(order[i] * m, m).CopyTo(ut2.AsSpan(i * m, m));
            vt.AsSpan(order[i] * n, n).CopyTo(vt2.AsSpan(i * n, n));
        }
        return (ut2, s, vt2);
    }

    /// <summary>Diagonalizes the upper bidiagonal (d, e); left rotations act on rows of ut (n × m), right ones on rows of vt (n × n).</summary>
    private static void BidiagonalQR(double[] d, double[] e, double[]? ut, int m, double[]? vt, int n)
    {
        if (n == 0) return;
        double scale = 0;
        foreach (double v in d) scale = Math.Max(scale, Math.Abs(v));
        foreach (double v in e) scale = Math.Max(scale, Math.Abs(v));
        if (scale == 0) return;
        for (int i = 0; i < n; i++) d[i] /= scale;
        for (int i = 0; i < e.Length; i++) e[i] /= scale;
        double tiny = Eps; // relative to the (now unit) norm of B
        int hi = n - 1, iterations = 0, maxIterations = 75 * n;
        while (hi > 0)
        {
            if (Math.Abs(e[hi - 1]) <= Eps * (Math.Abs(d[hi - 1]) + Math.Abs(d[hi])) || Math.Abs(e[hi - 1]) <= tiny * Eps)
            {
                e[hi - 1] = 0;
                hi--;
                continue;
            }
            int lo = hi - 1;
            while (lo > 0)
            {
                if (Math.Abs(e[lo - 1]) <= Eps * (Math.Abs(d[lo - 1]) + Math.Abs(d[lo])))
                {
                    e[lo - 1] = 0;
                    break;
                }
                lo--;
            }
            if (++iterations > maxIterations)
                throw new Fathom.Core.InvalidInputException("The SVD iteration did not converge; check the matrix for extreme values.");
            // A (numerically) zero diagonal entry splits the problem: chase its row's superdiagonal away.
            int zi = -1;
            for (int i = lo; i < hi; i++) if (Math.Abs(d[i]) <= tiny) { zi = i; break; }
            if (zi >= 0)
            {
                d[zi] = 0;
                double f = e[zi];
                e[zi] = 0;
                for (int j = zi + 1; j <= hi && f != 0; j++)
                {
                    double r = double.Hypot(d[j], f), c = d[j] / r, s = f / r;
                    d[j] = r;
                    if (j < hi)
                    {
                        f = -s * e[j];
                        e[j] = c * e[j];
                    }
                    if (ut is not null) Householder.Rotate(ut.AsSpan(zi * m, m), ut.AsSpan(j * m, m), c, s);
                }
                continue;
            }
            if (Math.Abs(d[hi]) <= tiny)
            {
                d[hi] = 0;
                double f = e[hi - 1];
                e[hi - 1] = 0;
                for (int j = hi - 1; j >= lo && f != 0; j--)
                {
                    double r = double.Hypot(d[j], f), c = d[j] / r, s = f / r;
                    d[j] = r;
                    if (j > lo)
                    {
                        f = -s * e[j - 1];
                        e[j - 1] = c * e[j - 1];
                    }
                    if (vt is not null) Householder.Rotate(vt.AsSpan(j * n, n), vt.AsSpan(hi * n, n), c, -s);
                }
                continue;
            }
            // Wilkinson-type shift from the trailing 2 × 2 block of BᵀB.
            double t11 = d[hi - 1] * d[hi - 1] + (hi - 1 > lo ? e[hi - 2] * e[hi - 2] : 0);
            double t12 = d[hi - 1] * e[hi - 1];
            double t22 = d[hi] * d[hi] + e[hi - 1] * e[hi - 1];
            double delta = 0.5 * (t11 - t22);
            double mu = t12 == 0 ? t22 : t22 - t12 * t12 / (delta + (delta >= 0 ? 1.0 : -1.0) * double.Hypot(delta, t12));
            double y = d[lo] * d[lo] - mu, z = d[lo] * e[lo];
            for (int k = lo; k < hi; k++)
            {
                // Right rotation on columns k, k+1.
                double r = double.Hypot(y, z);
                double c = r == 0 ? 1 : y / r, s = r == 0 ? 0 : -z / r;
                if (k > lo) e[k - 1] = r;
                double a0 = d[k], b0 = e[k];
                d[k] = c * a0 - s * b0;
                e[k] = s * a0 + c * b0;
                double bulge = -s * d[k + 1];
                d[k + 1] = c * d[k + 1];
                if (vt is not null) Householder.Rotate(vt.AsSpan(k * n, n), vt.AsSpan((k + 1) * n, n), c, s);
                // Left rotation on rows k, k+1.
                y = d[k];
                z = bulge;
                r = double.Hypot(y, z);
                c = r == 0 ? 1 : y / r;
                s = r == 0 ? 0 : -z / r;
                d[k] = r;
                double ek = e[k], dk1 = d[k + 1];
                e[k] = c * ek - s * dk1;
                d[k + 1] = s * ek + c * dk1;
                if (ut is not null) Householder.Rotate(ut.AsSpan(k * m, m), ut.AsSpan((k + 1) * m, m), c, s);
                if (k + 1 < hi)
                {
                    y = e[k];
                    z = -s * e[k + 1];
                    e[k + 1] = c * e[k + 1];
                }
            }
        }
        for (int i = 0; i < n; i++) d[i] *= scale;
    }
}
