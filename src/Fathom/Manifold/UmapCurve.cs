namespace Fathom.Manifold;

/// <summary>
/// UMAP's output kernel 1 / (1 + a·d^(2b)), with a and b fitted by least squares (Levenberg–Marquardt from
/// a = b = 1) to the target curve ψ(d) = 1 for d &lt; min_dist, exp(−(d − min_dist) / spread) otherwise, on 300
/// points evenly spaced in [0, 3·spread] (scipy's <c>curve_fit</c> as umap-learn uses it).
/// </summary>
internal static class UmapCurve
{
    internal static (double A, double B) Fit(double minDist, double spread)
    {
        const int m = 300;
        var xs = new double[m];
        var ys = new double[m];
        for (int i = 0; i < m; i++)
        {
            xs[i] = 3.0 * spread * i / (m - 1);
            ys[i] = xs[i] < minDist ? 1.0 : Math.Exp(-(xs[i] - minDist) / spread);
        }
        double a = 1, b = 1, lambda = 1e-3;
        double cost = Cost(xs, ys, a, b);
        for (int iter = 0; iter < 500; iter++)
        {
            // normal equations of the 2 × 2 Gauss–Newton step
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 0; i < m; i++)
            {
                double x = xs[i];
                double p = x > 0 ? Math.Pow(x, 2 * b) : 0.0;
                double den = 1 + a * p;
                double f = 1 / den, r = f - ys[i];
                double da = -p / (den * den);
                double db = x > 0 ? -a * p * 2 * Math.Log(x) / (den * den) : 0.0;
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }
            bool improved = false;
            for (int tries = 0; tries < 30 && !improved; tries++)
            {
                double haa = jaa * (1 + lambda), hbb = jbb * (1 + lambda);
                double det = haa * hbb - jab * jab;
                double sa = -(hbb * ga - jab * gb) / det, sb = -(haa * gb - jab * ga) / det;
                double na = a + sa, nb = b + sb;
                double c = na > 0 && nb > 0 ? Cost(xs, ys, na, nb) : double.PositiveInfinity;
                if (c < cost)
                {
                    bool converged = cost - c <= 1e-15 * Math.Max(1, cost) && Math.Abs(sa) + Math.Abs(sb) < 1e-12;
                    a = na;
                    b = nb;
                    cost = c;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    if (converged) return (a, b);
                }
                else lambda *= 10;
            }
            if (!improved) break;
        }
        return (a, b);
    }

    private static double Cost(double[] xs, double[] ys, double a, double b)
    {
        double s = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double p = xs[i] > 0 ? Math.Pow(xs[i], 2 * b) : 0.0;
            double r = 1 / (1 + a * p) - ys[i];
            s += r * r;
        }
        return s;
    }
}
