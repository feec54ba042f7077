using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Cyclic coordinate descent for the elastic-net problem in scikit-learn's scaled form (its
/// <c>enet_coordinate_descent</c> and <c>enet_coordinate_descent_gram</c>):
/// minimize ½‖b − Aw‖² + l1·‖w‖₁ + ½·l2·‖w‖², one coordinate at a time in feature order with the soft-threshold
/// update wⱼ = S(Aⱼ·rⱼ, l1) / (‖Aⱼ‖² + l2). A sweep whose largest change relative to the largest coefficient is
/// below <c>tol</c> (or the last sweep) triggers the duality-gap check; the solve stops when the gap is below
/// tol·‖b‖². Either keeps the residual r = b − Aw (column-major copy of A, O(n) per coordinate) or, when
/// n ≫ p, works on the precomputed Gram matrix AᵀA and Aᵀb (O(p) per coordinate, O(n·p²) once by GEMM).
/// The problem data are built once and reused for many penalties (regularization paths, warm starts).
/// </summary>
internal sealed class CoordinateDescent
{
    private readonly Matrix? _at;     // p × n: row j is column j of A (non-Gram variant)
    private readonly Matrix? _gram;   // p × p AᵀA (Gram variant)
    private readonly double[] _q;     // Aᵀb
    private readonly double[] _b;
    private readonly double[] _diag;  // ‖Aⱼ‖²
    private readonly double _bNorm2;

    public CoordinateDescent(Matrix a, double[] b, bool useGram, int threads)
    {
        _b = b;
        _bNorm2 = Blas.Dot(b, b);
        _q = MatrixOps.TransposeMultiply(a, b);
        int p = a.Columns;
        _diag = new double[p];
        if (useGram)
        {
            _gram = MatrixOps.Gram(a, threads);
            for (int j = 0; j < p; j++) _diag[j] = _gram[j, j];
        }
        else
        {
            _at = a.Transpose();
            for (int j = 0; j < p; j++) _diag[j] = Blas.Dot(_at.Row(j), _at.Row(j));
        }
    }

    /// <summary>Number of features.</summary>
    public int Features => _diag.Length;

    /// <summary>Aᵀb, for the alpha grid.</summary>
    public ReadOnlySpan<double> Correlations => _q;

    /// <summary>Updates <paramref name="w"/> in place (its values are the warm start).</summary>
    /// <returns>Sweeps run, final duality gap (scaled objective) and whether the gap met the tolerance.</returns>
    public (int Iterations, double Gap, bool Converged) Solve(double l1, double l2, double[] w, int maxIter, double tol,
        bool positive, CancellationToken cancel)
    {
        double gapTol = tol * _bNorm2;
        return _gram is null ? SolveResidual(l1, l2, w, maxIter, tol, gapTol, positive, cancel)
            : SolveGram(l1, l2, w, maxIter, tol, gapTol, positive, cancel);
    }

    private static double Update(double tmp, double l1, double denominator, bool positive)
    {
        if (positive && tmp < 0) return 0.0;
        double m = Math.Abs(tmp) - l1;
        return m > 0 ? Math.CopySign(m, tmp) / denominator : 0.0;
    }

    private (int, double, bool) SolveResidual(double l1, double l2, double[] w, int maxIter, double tol, double gapTol,
        bool positive, CancellationToken cancel)
    {
        var at = _at!;
        int p = w.Length;
        var r = (double[])_b.Clone();
        for (int j = 0; j < p; j++) if (w[j] != 0) Blas.Axpy(-w[j], at.Row(j), r);
        double gap = double.PositiveInfinity;
        int iter = 0;
        while (iter < maxIter)
        {
            cancel.ThrowIfCancellationRequested();
            double wMax = 0, dMax = 0;
            for (int j = 0; j < p; j++)
            {
                if (_diag[j] == 0) continue;
                var col = at.Row(j);
                double old = w[j];
                if (old != 0) Blas.Axpy(old, col, r);
                double wj = Update(Blas.Dot(col, r), l1, _diag[j] + l2, positive);
                w[j] = wj;
                if (wj != 0) Blas.Axpy(-wj, col, r);
                dMax = Math.Max(dMax, Math.Abs(wj - old));
                wMax = Math.Max(wMax, Math.Abs(wj));
            }
            iter++;
            if (wMax == 0 || dMax / wMax < tol || iter == maxIter)
            {
                gap = GapResidual(r, w, l1, l2, positive, at);
                if (gap < gapTol) return (iter, gap, true);
            }
        }
        return (iter, gap, false);
    }

    private double GapResidual(double[] r, double[] w, double l1, double l2, bool positive, Matrix at)
    {
        int p = w.Length;
        double dual = 0;
        for (int j = 0; j < p; j++)
        {
            double xta = Blas.Dot(at.Row(j), r) - l2 * w[j];
            dual = Math.Max(dual, positive ? xta : Math.Abs(xta));
        }
        double rNorm2 = Blas.Dot(r, r);
        double ry = Blas.Dot(r, _b);
        return Gap(dual, rNorm2, ry, w, l1, l2);
    }

    private static double Gap(double dualNorm, double rNorm2, double ry, double[] w, double l1, double l2)
    {
        double c, gap;
        if (dualNorm > l1)
        {
            c = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * c * c);
        }
        else
        {
            c = 1.0;
            gap = rNorm2;
        }
        double l1Norm = 0, wNorm2 = 0;
        foreach (double v in w) { l1Norm += Math.Abs(v); wNorm2 += v * v; }
        return gap + l1 * l1Norm - c * ry + 0.5 * l2 * (1 + c * c) * wNorm2;
    }

    private (int, double, bool) SolveGram(double l1, double l2, double[] w, int maxIter, double tol, double gapTol,
        bool positive, CancellationToken cancel)
    {
        var g = _gram!;
        int p = w.Length;
        var h = new double[p]; // H = Gw
        for (int j = 0; j < p; j++) if (w[j] != 0) Blas.Axpy(w[j], g.Row(j), h);
        double gap = double.PositiveInfinity;
        int iter = 0;
        while (iter < maxIter)
        {
            cancel.ThrowIfCancellationRequested();
            double wMax = 0, dMax = 0;
            for (int j = 0; j < p; j++)
            {
                if (_diag[j] == 0) continue;
                var row = g.Row(j);
                double old = w[j];
                if (old != 0) Blas.Axpy(-old, row, h);
                double wj = Update(_q[j] - h[j], l1, _diag[j] + l2, positive);
                w[j] = wj;
                if (wj != 0) Blas.Axpy(wj, row, h);
                dMax = Math.Max(dMax, Math.Abs(wj - old));
                wMax = Math.Max(wMax, Math.Abs(wj));
            }
            iter++;
            if (wMax == 0 || dMax / wMax < tol || iter == maxIter)
            {
                double dual = 0;
                for (int j = 0; j < p; j++)
                {
                    double xta = _q[j] - h[j] - l2 * w[j];
                    dual = Math.Max(dual, positive ? xta : Math.Abs(xta));
                }
                double qw = Blas.Dot(_q, w);
                double rNorm2 = _bNorm2 + Blas.Dot(w, h) - 2 * qw;
                gap = Gap(dual, rNorm2, _bNorm2 - qw, w, l1, l2);
                if (gap < gapTol) return (iter, gap, true);
            }
        }
        return (iter, gap, false);
    }
}
