namespace Fathom.Statistics;

/// <summary>
/// Fisher–Snedecor F distribution with (d₁, d₂) degrees of freedom: P(F ≤ f) = I_{d₁f/(d₁f+d₂)}(d₁/2, d₂/2).
/// </summary>
public static class FisherFDistribution
{
    /// <summary>P(F ≤ f) for f ≥ 0 (0 below).</summary>
    public static double Cdf(double f, double numeratorDegrees, double denominatorDegrees)
    {
        Check(numeratorDegrees, denominatorDegrees);
        if (double.IsNaN(f)) return double.NaN;
        if (f <= 0) return 0;
        if (double.IsPositiveInfinity(f)) return 1;
        double d1f = numeratorDegrees * f;
        return SpecialFunctions.BetaRegularized(0.5 * numeratorDegrees, 0.5 * denominatorDegrees, d1f / (d1f + denominatorDegrees));
    }

    /// <summary>P(F &gt; f) = I_{d₂/(d₂+d₁f)}(d₂/2, d₁/2), computed directly for small p-values.</summary>
    public static double Sf(double f, double numeratorDegrees, double denominatorDegrees)
    {
        Check(numeratorDegrees, denominatorDegrees);
        if (double.IsNaN(f)) return double.NaN;
        if (f <= 0) return 1;
        if (double.IsPositiveInfinity(f)) return 0;
        return SpecialFunctions.BetaRegularized(0.5 * denominatorDegrees, 0.5 * numeratorDegrees,
            denominatorDegrees / (denominatorDegrees + numeratorDegrees * f));
    }

    /// <summary>The f with P(F ≤ f) = p.</summary>
    public static double Quantile(double p, double numeratorDegrees, double denominatorDegrees)
    {
        Check(numeratorDegrees, denominatorDegrees);
        DistributionInversion.CheckProbability(p);
        if (p == 0) return 0;
        if (p == 1) return double.PositiveInfinity;
        return DistributionInversion.Quantile(f => Cdf(f, numeratorDegrees, denominatorDegrees), p, 0, 4, 0);
    }

    private static void Check(double d1, double d2)
    {
        if (!(d1 > 0) || !(d2 > 0))
            throw new ArgumentOutOfRangeException(nameof(d1), "The F distribution needs positive degrees of freedom.");
    }
}
