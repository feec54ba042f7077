namespace Fathom.Preprocessing;

/// <summary>
/// One-dimensional minimization as SciPy's <c>optimize.brent(f, brack=(a, b))</c>: a downhill bracket search
/// from two starting points (golden-ratio steps with parabolic extrapolation), then Brent's method
/// (parabolic interpolation safeguarded by golden sections) to a relative tolerance. Used for the power
/// transform's maximum-likelihood λ. The tolerances are SciPy's (relative 1.48e−8 plus absolute 1e−11, golden
/// ratio rounded to 1.618034 in the bracket search), so λ agrees with scikit-learn's to rounding instead of
/// wandering within the flat top of the likelihood.
/// </summary>
internal static class BrentMinimizer
{
    private const double Golden = 1.618034;
    private const double CGold = 0.3819660112501051;

    /// <summary>The minimizer of <paramref name="f"/>, bracketing from (<paramref name="a"/>, <paramref name="b"/>).</summary>
    internal static double Minimize(Func<double, double> f, double a, double b, double tol = 1.48e-8, int maxIter = 500)
    {
        var (xa, xb, xc) = Bracket(f, a, b);
        double lo = Math.Min(xa, xc), hi = Math.Max(xa, xc);
        double x = xb, w = xb, v = xb, fx = f(x), fw = fx, fv = fx;
        double d = 0, e = 0;
        for (int it = 0; it < maxIter; it++)
        {
            double mid = 0.5 * (lo + hi);
            double tol1 = tol * Math.Abs(x) + 1e-11, tol2 = 2 * tol1;
            if (Math.Abs(x - mid) < tol2 - 0.5 * (hi - lo)) break;
            bool golden = true;
            if (Math.Abs(e) > tol1)
            {
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) p = -p; else q = -q;
                double eTemp = e;
                e = d;
                if (Math.Abs(p) < Math.Abs(0.5 * q * eTemp) && p > q * (lo - x) && p < q * (hi - x))
                {
                    d = p / q;
                    double u0 = x + d;
                    if (u0 - lo < tol2 || hi - u0 < tol2) d = mid >= x ? tol1 : -tol1;
                    golden = false;
                }
            }
            if (golden)
            {
                e = x >= mid ? lo - x : hi - x;
                d = CGold * e;
            }
            double u = Math.Abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
            double fu = f(u);
            if (fu <= fx)
            {
                if (u >= x) lo = x; else hi = x;
                v = w; fv = fw; w = x; fw = fx; x = u; fx = fu;
            }
            else
            {
                if (u < x) lo = u; else hi = u;
                if (fu <= fw || w == x) { v = w; fv = fw; w = u; fw = fu; }
                else if (fu <= fv || v == x || v == w) { v = u; fv = fu; }
            }
        }
        return x;
    }

    /// <summary>Points a, b, c with f(b) below f(a) and f(c), walking downhill from the start.</summary>
    private static (double A, double B, double C) Bracket(Func<double, double> f, double a, double b)
    {
        double fa = f(a), fb = f(b);
        if (fa < fb) { (a, b) = (b, a); (fa, fb) = (fb, fa); }
        double c = b + Golden * (b - a), fc = f(c);
        for (int it = 0; it < 1000 && fc < fb; it++)
        {
            double r = (b - a) * (fb - fc), q = (b - c) * (fb - fa);
            double val = q - r;
            double denom = Math.Abs(val) < 1e-21 ? 2e-21 : 2 * val;
            double w = b - ((b - c) * q - (b - a) * r) / denom;
            double wLim = b + 110 * (c - b);
            double fw;
            if ((w - c) * (b - w) > 0)
            {
                fw = f(w);
                if (fw < fc) return Order(b, w, c);
                if (fw > fb) return Order(a, b, w);
                w = c + Golden * (c - b);
                fw = f(w);
            }
            else if ((w - wLim) * (wLim - c) >= 0) { w = wLim; fw = f(w); }
            else if ((w - wLim) * (c - w) > 0)
            {
                fw = f(w);
                if (fw < fc) { b = c; c = w; w = c + Golden * (c - b); fb = fc; fc = fw; fw = f(w); }
            }
            else { w = c + Golden * (c - b); fw = f(w); }
            a = b; b = c; c = w;
            fa = fb; fb = fc; fc = fw;
        }
        return Order(a, b, c);
    }

    private static (double, double, double) Order(double a, double b, double c) => a < c ? (a, b, c) : (c, b, a);
}
