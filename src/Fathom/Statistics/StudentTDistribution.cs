namespace Fathom.Statistics;

/// <summary>
/// Student's t distribution with ν degrees of freedom: CDF, survival function and quantile through the
/// regularized incomplete beta, P(|T| &gt; t) = I_{ν/(ν+t²)}(ν/2, ½).
/// </summary>
public static class StudentTDistribution
{
    /// <summary>P(T ≤ t) for ν &gt; 0 degrees of freedom.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        Check(degreesOfFreedom);
        if (double.IsNaN(t)) return double.NaN;
        double tail = 0.5 * TwoSidedTail(t, degreesOfFreedom);
        return t < 0 ? tail : 1 - tail;
    }

    /// <summary>P(T &gt; t), computed directly so small upper-tail probabilities keep their accuracy.</summary>
    public static double Sf(double t, double degreesOfFreedom) => Cdf(-t, degreesOfFreedom);

    /// <summary>P(|T| &gt; |t|) = I_{ν/(ν+t²)}(ν/2, ½): the two-sided p-value of a t statistic.</summary>
    public static double TwoSidedPValue(double t, double degreesOfFreedom)
    {
        Check(degreesOfFreedom);
        return TwoSidedTail(t, degreesOfFreedom);
    }

    /// <summary>The t with P(T ≤ t) = p (bisection on the CDF to one ulp).</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        Check(degreesOfFreedom);
        DistributionInversion.CheckProbability(p);
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        if (p < 0.5) return -Quantile(1 - p, degreesOfFreedom);
        return DistributionInversion.Quantile(t => Cdf(t, degreesOfFreedom), p, 0, 4, 0);
    }

    private static double TwoSidedTail(double t, double v)
    {
        if (double.IsInfinity(t)) return 0;
        double t2 = t * t;
        return SpecialFunctions.BetaRegularized(0.5 * v, 0.5, v / (v + t2));
    }

    private static void Check(double v)
    {
        if (!(v > 0)) throw new ArgumentOutOfRangeException(nameof(v), v, "Student's t needs positive degrees of freedom.");
    }
}
