namespace Fathom.Statistics;

/// <summary>Quantiles of continuous distributions by bracketing and bisection on the CDF.</summary>
internal static class DistributionInversion
{
    /// <summary>
    /// The x with cdf(x) = p for an increasing <paramref name="cdf"/>: the bracket [lo, hi] is widened by doubling
    /// until it holds p, then bisected until it is one ulp wide (at most ~2,100 halvings, in practice ~60).
    /// </summary>
    public static double Quantile(Func<double, double> cdf, double p, double lo, double hi, double lowerBound)
    {
        while (cdf(hi) < p) { lo = hi; hi = hi <= 0 ? 1 : hi * 2; if (double.IsInfinity(hi)) return double.PositiveInfinity; }
        while (lo > lowerBound && cdf(lo) > p) { hi = lo; lo = lo >= 0 ? Math.Max(lowerBound, -1) : lo * 2; if (double.IsInfinity(lo)) return double.NegativeInfinity; }
        for (int i = 0; i < 2200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (cdf(mid) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>Throws unless 0 ≤ p ≤ 1.</summary>
    public static void CheckProbability(double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1].");
    }
}
