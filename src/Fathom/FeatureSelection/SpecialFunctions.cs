namespace Fathom.FeatureSelection;

/// <summary>
/// The distribution tails the univariate scores need: log Γ (Lanczos, g = 7, 9 terms, ~1e−15), the regularized
/// incomplete beta I_x(a, b) (Lentz's continued fraction, using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where
/// it converges faster) and the regularized upper incomplete gamma Q(a, x) (series below a + 1, continued
/// fraction above). From them: the F distribution's survival function and the χ² survival function.
/// </summary>
internal static class SpecialFunctions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>log Γ(x) for x &gt; 0.</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        double a = Lanczos[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    /// <summary>Regularized incomplete beta I_x(a, b).</summary>
    internal static double IncompleteBeta(double a, double b, double x)
    {
        if (double.IsNaN(x)) return x;
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double lnFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        if (x < (a + 1) / (a + b + 2)) return Math.Exp(lnFront) * BetaFraction(a, b, x) / a;
        return 1 - Math.Exp(lnFront) * BetaFraction(b, a, 1 - x) / b;
    }

    private static double BetaFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        double f = d;
        for (int m = 1; m < 10000; m++)
        {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + num / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            f *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + num / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return f;
    }

    /// <summary>Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a).</summary>
    internal static double GammaQ(double a, double x)
    {
        if (double.IsNaN(x)) return x;
        if (x <= 0) return 1;
        double lnFront = a * Math.Log(x) - x - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1 / a, sum = term;
            for (int n = 1; n < 10000; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * 1e-17) break;
            }
            return 1 - Math.Exp(lnFront) * sum;
        }
        const double tiny = 1e-300;
        double bb = x + 1 - a, c = 1 / tiny, d = 1 / bb, h = d;
        for (int i = 1; i < 10000; i++)
        {
            double an = -i * (i - a);
            bb += 2;
            d = an * d + bb; if (Math.Abs(d) < tiny) d = tiny;
            c = bb + an / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(lnFront) * h;
    }

    /// <summary>P(F &gt; f) for the F distribution with (d1, d2) degrees of freedom (SciPy's <c>f.sf</c>).</summary>
    internal static double FSurvival(double f, double d1, double d2)
    {
        if (double.IsNaN(f)) return double.NaN;
        if (f <= 0) return 1;
        if (double.IsPositiveInfinity(f)) return 0;
        return IncompleteBeta(d2 / 2, d1 / 2, d2 / (d2 + d1 * f));
    }

    /// <summary>P(χ² &gt; x) with k degrees of freedom (SciPy's <c>chi2.sf</c>).</summary>
    internal static double ChiSquareSurvival(double x, double k) => double.IsNaN(x) ? double.NaN : GammaQ(k / 2, x / 2);
}
