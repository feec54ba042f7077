using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// Dual coordinate descent for linear SVMs, as liblinear (Hsieh et al. 2008; Ho and Lin 2012 for SVR): one dual
/// variable at a time in a random order each pass, the weight vector w = Σ y_i α_i x_i kept up to date (a dot
/// product and an axpy per step, through the shared SIMD kernels), and variables stuck at a bound shrunk out of the
/// pass until the projected-gradient spread falls below tol.
/// </summary>
internal static class LinearDualCoordinateDescent
{
    /// <summary>
    /// min_α ½αᵀ(Q + D)α − Σα, 0 ≤ α_i ≤ U_i: hinge loss (D = 0, U_i = C_i) or squared hinge (D_ii = 1/(2C_i), U = ∞).
    /// Returns w (length of the rows of x) and the number of passes.
    /// </summary>
    public static (double[] W, int Iterations) Classification(Matrix x, double[] y, double[] c, bool squaredHinge, double tol, int maxIter,
        RandomSource random, FitContext? context)
    {
        int l = x.Rows, p = x.Columns;
        var w = new double[p];
        var alpha = new double[l];
        var qd = new double[l];
        var diag = new double[l];
        var upper = new double[l];
        var index = new int[l];
        for (int i = 0; i < l; i++)
        {
            diag[i] = squaredHinge ? 0.5 / c[i] : 0;
            upper[i] = squaredHinge ? double.PositiveInfinity : c[i];
            var xi = x.Row(i);
            qd[i] = Blas.Dot(xi, xi) + diag[i];
            index[i] = i;
        }
        int active = l, iter = 0;
        double pgMaxOld = double.PositiveInfinity, pgMinOld = double.NegativeInfinity;
        while (iter < maxIter)
        {
            double pgMax = double.NegativeInfinity, pgMin = double.PositiveInfinity;
            random.Shuffle(index.AsSpan(0, active));
            for (int s = 0; s < active; s++)
            {
                int i = index[s];
                var xi = x.Row(i);
                double g = y[i] * Blas.Dot(w, xi) - 1 + alpha[i] * diag[i];
                double pg = 0;
                if (alpha[i] == 0)
                {
                    if (g > pgMaxOld)
                    {
                        active--;
                        (index[s], index[active]) = (index[active], index[s]);
                        s--;
                        continue;
                    }
                    if (g < 0) pg = g;
                }
                else if (alpha[i] == upper[i])
                {
                    if (g < pgMinOld)
                    {
                        active--;
                        (index[s], index[active]) = (index[active], index[s]);
                        s--;
                        continue;
                    }
                    if (g > 0) pg = g;
                }
                else pg = g;
                pgMax = Math.Max(pgMax, pg);
                pgMin = Math.Min(pgMin, pg);
                if (Math.Abs(pg) > 1e-12)
                {
                    double old = alpha[i];
                    alpha[i] = Math.Min(Math.Max(alpha[i] - g / qd[i], 0), upper[i]);
                    double d = (alpha[i] - old) * y[i];
                    if (d != 0) Blas.Axpy(d, xi, w);
                }
            }
            iter++;
            context?.CancellationToken.ThrowIfCancellationRequested();
            if (pgMax - pgMin <= tol)
            {
                if (active == l) break;
                active = l;
                pgMaxOld = double.PositiveInfinity;
                pgMinOld = double.NegativeInfinity;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? double.PositiveInfinity : pgMax;
            pgMinOld = pgMin >= 0 ? double.NegativeInfinity : pgMin;
        }
        return (w, iter);
    }

    /// <summary>
    /// min_β ½βᵀ(Q + λI)β − yᵀβ + ε‖β‖₁ with −U_i ≤ β_i ≤ U_i: ε-insensitive loss (λ = 0, U_i = C_i) or squared
    /// (λ = 1/(2C_i), U = ∞). Stops when the summed violation falls below tol × its first-pass value.
    /// </summary>
    public static (double[] W, int Iterations) Regression(Matrix x, double[] y, double[] c, double epsilon, bool squared, double tol, int maxIter,
        RandomSource random, FitContext? context)
    {
        int l = x.Rows, p = x.Columns;
        var w = new double[p];
        var beta = new double[l];
        var qd = new double[l];
        var lambda = new double[l];
        var upper = new double[l];
        var index = new int[l];
        for (int i = 0; i < l; i++)
        {
            lambda[i] = squared ? 0.5 / c[i] : 0;
            upper[i] = squared ? double.PositiveInfinity : c[i];
            var xi = x.Row(i);
            qd[i] = Blas.Dot(xi, xi);
            index[i] = i;
        }
        int active = l, iter = 0;
        double gMaxOld = double.PositiveInfinity, gNorm1Init = -1;
        while (iter < maxIter)
        {
            double gMax = 0, gNorm1 = 0;
            random.Shuffle(index.AsSpan(0, active));
            for (int s = 0; s < active; s++)
            {
                int i = index[s];
                var xi = x.Row(i);
                double g = -y[i] + lambda[i] * beta[i] + Blas.Dot(w, xi);
                double h = qd[i] + lambda[i];
                double gp = g + epsilon, gn = g - epsilon;
                double violation = 0;
                bool shrink = false;
                if (beta[i] == 0)
                {
                    if (gp < 0) violation = -gp;
                    else if (gn > 0) violation = gn;
                    else if (gp > gMaxOld && gn < -gMaxOld) shrink = true;
                }
                else if (beta[i] >= upper[i])
                {
                    if (gp > 0) violation = gp;
                    else if (gp < -gMaxOld) shrink = true;
                }
                else if (beta[i] <= -upper[i])
                {
                    if (gn < 0) violation = -gn;
                    else if (gn > gMaxOld) shrink = true;
                }
                else if (beta[i] > 0) violation = Math.Abs(gp);
                else violation = Math.Abs(gn);
                if (shrink)
                {
                    active--;
                    (index[s], index[active]) = (index[active], index[s]);
                    s--;
                    continue;
                }
                gMax = Math.Max(gMax, violation);
                gNorm1 += violation;
                double d;
                if (gp < h * beta[i]) d = -gp / h;
                else if (gn > h * beta[i]) d = -gn / h;
                else d = -beta[i];
                if (Math.Abs(d) < 1e-12) continue;
                double old = beta[i];
                beta[i] = Math.Min(Math.Max(beta[i] + d, -upper[i]), upper[i]);
                d = beta[i] - old;
                if (d != 0) Blas.Axpy(d, xi, w);
            }
            if (iter == 0) gNorm1Init = gNorm1;
            iter++;
            context?.CancellationToken.ThrowIfCancellationRequested();
            if (gNorm1 <= tol * gNorm1Init)
            {
                if (active == l) break;
                active = l;
                gMaxOld = double.PositiveInfinity;
                continue;
            }
            gMaxOld = gMax;
        }
        return (w, iter);
    }
}
