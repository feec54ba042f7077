namespace Fathom.Preprocessing;

/// <summary>
/// The standard normal distribution's CDF Φ and quantile Φ⁻¹ to near machine precision, for the quantile
/// transform's normal output and the robust scaler's unit variance. Φ(x) = erfc(−x/√2)/2 with erfc from its
/// power series (|z| &lt; 2) or its continued fraction (|z| ≥ 2, accurate in the tails); Φ⁻¹ starts from
/// Acklam's rational approximation and takes Halley steps on Φ.
/// </summary>
internal static class Normal
{
    private const double SqrtPi = 1.7724538509055160273;
    private const double Sqrt2 = 1.4142135623730950488;
    private const double Sqrt2Pi = 2.5066282746310005024;

    /// <summary>Complementary error function erfc(z) = 1 − erf(z).</summary>
    internal static double Erfc(double z)
    {
        if (double.IsNaN(z)) return z;
        if (z < 0) return 2 - Erfc(-z);
        if (z < 2)
        {
            // erf(z) = 2/√π · e^{−z²} · Σ z·(2z²)ⁿ / (1·3·…·(2n+1)), all terms positive.
            double term = z, sum = z, z2 = 2 * z * z;
            for (int n = 1; n < 200; n++)
            {
                term *= z2 / (2 * n + 1);
                sum += term;
                if (term < 1e-17 * sum) break;
            }
            return 1 - 2 / SqrtPi * Math.Exp(-z * z) * sum;
        }
        if (z > 27) return 0;
        // erfc(z) = e^{−z²}/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), modified Lentz.
        const double tiny = 1e-300;
        double f = z, c = z, d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k / 2.0;
            d = z + a * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = z + a / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-z * z) / SqrtPi / f;
    }

    /// <summary>Standard normal CDF Φ(x).</summary>
    internal static double Cdf(double x) => 0.5 * Erfc(-x / Sqrt2);

    /// <summary>Standard normal quantile Φ⁻¹(p): −∞ at 0, +∞ at 1, NaN outside [0, 1].</summary>
    internal static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1) return double.NaN;
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        double x = Acklam(p);
        for (int it = 0; it < 3; it++)
        {
            double e = Cdf(x) - p;
            double u = e * Sqrt2Pi * Math.Exp(x * x / 2);
            double step = u / (1 + x * u / 2);
            x -= step;
            if (Math.Abs(step) <= 1e-16 * Math.Max(1, Math.Abs(x))) break;
        }
        return x;
    }

    private static double Acklam(double p)
    {
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double r = p - 0.5, s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
