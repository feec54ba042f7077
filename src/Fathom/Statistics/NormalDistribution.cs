namespace Fathom.Statistics;

/// <summary>The standard normal distribution N(0, 1): density, CDF, survival function and quantile.</summary>
public static class NormalDistribution
{
    /// <summary>φ(x) = e^(−x²/2) / √(2π).</summary>
    public static double Pdf(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    /// <summary>Φ(x) = ½ erfc(−x / √2), accurate in the lower tail.</summary>
    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    /// <summary>1 − Φ(x) = ½ erfc(x / √2), accurate in the upper tail.</summary>
    public static double Sf(double x) => 0.5 * SpecialFunctions.Erfc(x / Math.Sqrt(2));

    /// <summary>Φ⁻¹(p): the x with Φ(x) = p (bisection on the CDF to one ulp; ±∞ at 0 and 1).</summary>
    public static double Quantile(double p)
    {
        DistributionInversion.CheckProbability(p);
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        if (p == 0.5) return 0;
        if (p > 0.5) return -Quantile(1 - p);
        return DistributionInversion.Quantile(Cdf, p, -40, 0, double.NegativeInfinity);
    }
}
