namespace Fathom.Statistics;

/// <summary>The χ² distribution with k degrees of freedom: P(X ≤ x) = P(k/2, x/2) (regularized lower gamma).</summary>
public static class ChiSquaredDistribution
{
    /// <summary>P(X ≤ x) for x ≥ 0 (0 below).</summary>
    public static double Cdf(double x, double degreesOfFreedom)
    {
        Check(degreesOfFreedom);
        if (double.IsNaN(x)) return double.NaN;
        return x <= 0 ? 0 : SpecialFunctions.GammaP(0.5 * degreesOfFreedom, 0.5 * x);
    }

    /// <summary>P(X &gt; x) = Q(k/2, x/2), computed directly for small p-values.</summary>
    public static double Sf(double x, double degreesOfFreedom)
    {
        Check(degreesOfFreedom);
        if (double.IsNaN(x)) return double.NaN;
        return x <= 0 ? 1 : SpecialFunctions.GammaQ(0.5 * degreesOfFreedom, 0.5 * x);
    }

    /// <summary>The x with P(X ≤ x) = p.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        Check(degreesOfFreedom);
        DistributionInversion.CheckProbability(p);
        if (p == 0) return 0;
        if (p == 1) return double.PositiveInfinity;
        return DistributionInversion.Quantile(x => Cdf(x, degreesOfFreedom), p, 0, Math.Max(1, degreesOfFreedom), 0);
    }

    private static void Check(double k)
    {
        if (!(k > 0)) throw new ArgumentOutOfRangeException(nameof(k), k, "The chi-squared distribution needs positive degrees of freedom.");
    }
}
