namespace Fathom.Statistics;

/// <summary>
/// Moments and tests of normality as SciPy defines them (biased moment estimators): sample skewness
/// g₁ = m₃ / m₂^{3/2}, kurtosis b₂ = m₄ / m₂² (Pearson, normal = 3), the Jarque–Bera test and D'Agostino and
/// Pearson's omnibus K² test (scipy.stats.normaltest), which statsmodels' regression summary reports.
/// </summary>
/// <remarks>Each is O(n) with two passes (mean, then central moments).</remarks>
public static class NormalityTests
{
    /// <summary>Biased sample skewness m₃ / m₂^{3/2} (scipy.stats.skew with bias=True). NaN for fewer than 2 values or zero variance.</summary>
    public static double Skewness(ReadOnlySpan<double> values)
    {
        var (m2, m3, _) = CentralMoments(values);
        return m2 > 0 ? m3 / Math.Pow(m2, 1.5) : double.NaN;
    }

    /// <summary>Biased Pearson kurtosis m₄ / m₂² (scipy.stats.kurtosis with fisher=False; 3 for normal data).</summary>
    public static double Kurtosis(ReadOnlySpan<double> values)
    {
        var (m2, _, m4) = CentralMoments(values);
        return m2 > 0 ? m4 / (m2 * m2) : double.NaN;
    }

    /// <summary>Jarque–Bera: JB = n/6 · (S² + (K − 3)²/4), p-value from χ² with 2 degrees of freedom.</summary>
    public static TestResult JarqueBera(ReadOnlySpan<double> values)
    {
        double s = Skewness(values), k = Kurtosis(values);
        double jb = values.Length / 6.0 * (s * s + 0.25 * (k - 3) * (k - 3));
        return new TestResult(jb, ChiSquaredDistribution.Sf(jb, 2));
    }

    /// <summary>
    /// D'Agostino's skewness test (scipy.stats.skewtest): the skewness transformed to an approximately standard
    /// normal z. Needs at least 8 values.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 8 values.</exception>
    public static TestResult SkewTest(ReadOnlySpan<double> values)
    {
        double n = values.Length;
        if (n < 8) throw new ArgumentException($"The skewness test needs at least 8 values; {values.Length} were given.", nameof(values));
        double b2 = Skewness(values);
        double y = b2 * Math.Sqrt((n + 1) * (n + 3) / (6.0 * (n - 2)));
        double beta2 = 3.0 * (n * n + 27 * n - 70) * (n + 1) * (n + 3) / ((n - 2.0) * (n + 5) * (n + 7) * (n + 9));
        double w2 = -1 + Math.Sqrt(2 * (beta2 - 1));
        double delta = 1 / Math.Sqrt(0.5 * Math.Log(w2));
        double alpha = Math.Sqrt(2.0 / (w2 - 1));
        if (y == 0) y = 1;
        double ya = y / alpha;
        double z = delta * Math.Log(ya + Math.Sqrt(ya * ya + 1));
        return new TestResult(z, 2 * NormalDistribution.Sf(Math.Abs(z)));
    }

    /// <summary>
    /// Anscombe and Glynn's kurtosis test (scipy.stats.kurtosistest): the kurtosis transformed to an
    /// approximately standard normal z. Needs at least 5 values (20 for a trustworthy answer).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 5 values.</exception>
    public static TestResult KurtosisTest(ReadOnlySpan<double> values)
    {
        double n = values.Length;
        if (n < 5) throw new ArgumentException($"The kurtosis test needs at least 5 values; {values.Length} were given.", nameof(values));
        double b2 = Kurtosis(values);
        double e = 3.0 * (n - 1) / (n + 1);
        double varB2 = 24.0 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1) * (n + 3) * (n + 5));
        double x = (b2 - e) / Math.Sqrt(varB2);
        double sqrtBeta1 = 6.0 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9)) * Math.Sqrt(6.0 * (n + 3) * (n + 5) / (n * (n - 2) * (n - 3)));
        double a = 6.0 + 8.0 / sqrtBeta1 * (2.0 / sqrtBeta1 + Math.Sqrt(1 + 4.0 / (sqrtBeta1 * sqrtBeta1)));
        double term1 = 1 - 2 / (9 * a);
        double denom = 1 + x * Math.Sqrt(2 / (a - 4.0));
        double term2 = denom == 0 ? double.NaN : Math.Sign(denom) * Math.Cbrt((1 - 2.0 / a) / Math.Abs(denom));
        double z = (term1 - term2) / Math.Sqrt(2 / (9.0 * a));
        return new TestResult(z, 2 * NormalDistribution.Sf(Math.Abs(z)));
    }

    /// <summary>
    /// D'Agostino and Pearson's omnibus test K² = z_skew² + z_kurt² (scipy.stats.normaltest; statsmodels'
    /// "Omnibus"), p-value from χ² with 2 degrees of freedom. Needs at least 8 values.
    /// </summary>
    public static TestResult Omnibus(ReadOnlySpan<double> values)
    {
        double s = SkewTest(values).Statistic, k = KurtosisTest(values).Statistic;
        double k2 = s * s + k * k;
        return new TestResult(k2, ChiSquaredDistribution.Sf(k2, 2));
    }

    private static (double M2, double M3, double M4) CentralMoments(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n == 0) return (double.NaN, double.NaN, double.NaN);
        double mean = 0;
        foreach (double v in values) mean += v;
        mean /= n;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (double v in values)
        {
            double d = v - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        return (m2 / n, m3 / n, m4 / n);
    }
}
