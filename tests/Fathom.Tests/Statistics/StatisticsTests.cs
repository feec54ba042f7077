using System.Text.Json.Nodes;
using Fathom.Statistics;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Statistics;

/// <summary>Special functions, distributions and normality tests against SciPy (see Reference/make_statistics_reference.py).</summary>
public class StatisticsTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Statistics", "statistics_reference.json");

    private static IEnumerable<double[]> Rows(string key) => LinearTestData.Rows(Ref[key]);

    private static void Close(double expected, double actual, double rtol, string what)
    {
        double tol = rtol * Math.Abs(expected) + 1e-15;
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: {actual:R} vs SciPy {expected:R}");
    }

    [Fact]
    public void LogGammaMatchesScipy()
    {
        foreach (var r in Rows("gammaln")) Close(r[1], SpecialFunctions.LogGamma(r[0]), 1e-13, $"lgamma({r[0]})");
    }

    [Fact]
    public void IncompleteGammaMatchesScipy()
    {
        foreach (var r in Rows("gammainc"))
        {
            Close(r[2], SpecialFunctions.GammaP(r[0], r[1]), 1e-12, $"P({r[0]}, {r[1]})");
            Close(r[3], SpecialFunctions.GammaQ(r[0], r[1]), 1e-12, $"Q({r[0]}, {r[1]})");
        }
    }

    [Fact]
    public void IncompleteBetaMatchesScipy()
    {
        foreach (var r in Rows("betainc")) Close(r[3], SpecialFunctions.BetaRegularized(r[0], r[1], r[2]), 1e-11, $"I({r[2]}; {r[0]}, {r[1]})");
    }

    [Fact]
    public void ErfcMatchesScipy()
    {
        foreach (var r in Rows("erfc")) Close(r[1], SpecialFunctions.Erfc(r[0]), 1e-13, $"erfc({r[0]})");
        Assert.Equal(1 - SpecialFunctions.Erfc(0.7), SpecialFunctions.Erf(0.7), 1e-15);
    }

    [Fact]
    public void DistributionsMatchScipy()
    {
        foreach (var r in Rows("norm"))
        {
            Close(r[1], NormalDistribution.Cdf(r[0]), 1e-12, $"Φ({r[0]})");
            Close(r[2], NormalDistribution.Sf(r[0]), 1e-12, $"1-Φ({r[0]})");
        }
        foreach (var r in Rows("norm_ppf")) Close(r[1], NormalDistribution.Quantile(r[0]), 1e-12, $"Φ⁻¹({r[0]})");
        foreach (var r in Rows("t"))
        {
            Close(r[2], StudentTDistribution.Cdf(r[0], r[1]), 1e-11, $"t.cdf({r[0]}, {r[1]})");
            Close(r[3], StudentTDistribution.Sf(r[0], r[1]), 1e-11, $"t.sf({r[0]}, {r[1]})");
        }
        // t quantiles come from mpmath at 30 digits (SciPy's stdtrit is only good to ~1e-9).
        foreach (var r in Rows("t_ppf")) Close(r[2], StudentTDistribution.Quantile(r[0], r[1]), 1e-12, $"t.ppf({r[0]}, {r[1]})");
        // One degree of freedom is the Cauchy distribution: quantile tan(π(p − ½)), CDF ½ + atan(t)/π.
        foreach (double p in new[] { 0.01, 0.3, 0.9, 0.999 })
            Close(Math.Tan(Math.PI * (p - 0.5)), StudentTDistribution.Quantile(p, 1), 1e-13, $"Cauchy quantile {p}");
        Close(0.5 + Math.Atan(2.7) / Math.PI, StudentTDistribution.Cdf(2.7, 1), 1e-14, "Cauchy CDF");
        foreach (var r in Rows("f"))
        {
            Close(r[3], FisherFDistribution.Cdf(r[0], r[1], r[2]), 1e-11, $"f.cdf({r[0]}, {r[1]}, {r[2]})");
            Close(r[4], FisherFDistribution.Sf(r[0], r[1], r[2]), 1e-11, $"f.sf({r[0]}, {r[1]}, {r[2]})");
        }
        foreach (var r in Rows("f_ppf")) Close(r[3], FisherFDistribution.Quantile(r[0], r[1], r[2]), 1e-11, $"f.ppf({r[0]}, {r[1]}, {r[2]})");
        foreach (var r in Rows("chi2"))
        {
            Close(r[2], ChiSquaredDistribution.Cdf(r[0], r[1]), 1e-11, $"chi2.cdf({r[0]}, {r[1]})");
            Close(r[3], ChiSquaredDistribution.Sf(r[0], r[1]), 1e-11, $"chi2.sf({r[0]}, {r[1]})");
        }
        foreach (var r in Rows("chi2_ppf")) Close(r[2], ChiSquaredDistribution.Quantile(r[0], r[1]), 1e-11, $"chi2.ppf({r[0]}, {r[1]})");
    }

    [Fact]
    public void QuantileInvertsTheCdf()
    {
        foreach (double p in new[] { 1e-6, 0.01, 0.4, 0.9, 0.999 })
        {
            Assert.Equal(p, StudentTDistribution.Cdf(StudentTDistribution.Quantile(p, 7), 7), 1e-14);
            Assert.Equal(p, ChiSquaredDistribution.Cdf(ChiSquaredDistribution.Quantile(p, 4), 4), 1e-14);
        }
    }

    [Fact]
    public void NormalityTestsMatchScipy()
    {
        var sample = LinearTestData.Doubles(Ref["sample"]);
        Close(Ref["skew"]!.GetValue<double>(), NormalityTests.Skewness(sample), 1e-12, "skew");
        Close(Ref["kurtosis"]!.GetValue<double>(), NormalityTests.Kurtosis(sample), 1e-12, "kurtosis");
        foreach (var (key, result) in new (string, TestResult)[]
        {
            ("skewtest", NormalityTests.SkewTest(sample)), ("kurtosistest", NormalityTests.KurtosisTest(sample)),
            ("normaltest", NormalityTests.Omnibus(sample)), ("jarque_bera", NormalityTests.JarqueBera(sample)),
        })
        {
            var r = LinearTestData.Doubles(Ref[key]);
            Close(r[0], result.Statistic, 1e-11, key + " statistic");
            Close(r[1], result.PValue, 1e-10, key + " p-value");
        }
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Cdf(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(1.5));
        Assert.Throws<ArgumentException>(() => NormalityTests.SkewTest([1, 2, 3]));
    }
}
