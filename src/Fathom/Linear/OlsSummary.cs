using System.Globalization;
using System.Text;
using Fathom.Statistics;

namespace Fathom.Linear;

/// <summary>
/// What statsmodels' OLS (or WLS, with sample weights) summary reports: the coefficient table with standard
/// errors, t statistics, p-values and confidence intervals; R², adjusted R², the overall F test, the
/// log-likelihood, AIC and BIC; and the residual diagnostics (omnibus and Jarque–Bera normality tests, skew,
/// kurtosis, Durbin–Watson, condition number).
/// </summary>
/// <remarks>
/// With sample weights the numbers are those of weighted least squares with precision weights wᵢ (statsmodels'
/// WLS): residuals are whitened (√wᵢ·eᵢ) and the log-likelihood gains ½Σ ln wᵢ. Rows of weight 0 are left out.
/// </remarks>
public sealed class OlsSummary
{
    internal OlsSummary(IReadOnlyList<OlsCoefficient> coefficients, int observations, double dfModel, double dfResidual,
        double rSquared, double adjustedRSquared, double fStatistic, double fPValue, double logLikelihood, double aic,
        double bic, double residualVariance, TestResult omnibus, TestResult jarqueBera, double skew, double kurtosis,
        double durbinWatson, double conditionNumber, double confidenceLevel, bool hasIntercept)
    {
        Coefficients = coefficients;
        Observations = observations;
        DfModel = dfModel;
        DfResidual = dfResidual;
        RSquared = rSquared;
        AdjustedRSquared = adjustedRSquared;
        FStatistic = fStatistic;
        FPValue = fPValue;
        LogLikelihood = logLikelihood;
        Aic = aic;
        Bic = bic;
        ResidualVariance = residualVariance;
        Omnibus = omnibus;
        JarqueBera = jarqueBera;
        Skew = skew;
        Kurtosis = kurtosis;
        DurbinWatson = durbinWatson;
        ConditionNumber = conditionNumber;
        ConfidenceLevel = confidenceLevel;
        HasIntercept = hasIntercept;
    }

    /// <summary>The coefficient table; the intercept (<c>const</c>) first when fitted, then one row per feature.</summary>
    public IReadOnlyList<OlsCoefficient> Coefficients { get; }

    /// <summary>Number of observations used (rows with positive weight).</summary>
    public int Observations { get; }

    /// <summary>Model degrees of freedom: rank of the design minus 1 for the intercept.</summary>
    public double DfModel { get; }

    /// <summary>Residual degrees of freedom: observations minus the rank of the design.</summary>
    public double DfResidual { get; }

    /// <summary>R² = 1 − SSR / TSS (TSS centred when there is an intercept, uncentred otherwise).</summary>
    public double RSquared { get; }

    /// <summary>Adjusted R² = 1 − (n − k₀) / df_resid · (1 − R²), k₀ = 1 with an intercept, else 0.</summary>
    public double AdjustedRSquared { get; }

    /// <summary>F = (ESS / df_model) / (SSR / df_resid), testing that every non-intercept coefficient is 0.</summary>
    public double FStatistic { get; }

    /// <summary>P(F(df_model, df_resid) &gt; F).</summary>
    public double FPValue { get; }

    /// <summary>Gaussian log-likelihood at the MLE of σ²: −n/2 · (ln 2π + ln(SSR/n) + 1) (+ ½Σ ln wᵢ with weights).</summary>
    public double LogLikelihood { get; }

    /// <summary>AIC = −2 ln L + 2 (df_model + k₀).</summary>
    public double Aic { get; }

    /// <summary>BIC = −2 ln L + ln(n) (df_model + k₀).</summary>
    public double Bic { get; }

    /// <summary>σ̂² = SSR / df_resid (statsmodels' <c>scale</c>).</summary>
    public double ResidualVariance { get; }

    /// <summary>D'Agostino–Pearson omnibus normality test of the residuals (NaN below 8 observations).</summary>
    public TestResult Omnibus { get; }

    /// <summary>Jarque–Bera normality test of the residuals.</summary>
    public TestResult JarqueBera { get; }

    /// <summary>Skewness of the residuals (biased estimator).</summary>
    public double Skew { get; }

    /// <summary>Pearson kurtosis of the residuals (biased; 3 for normal residuals).</summary>
    public double Kurtosis { get; }

    /// <summary>Durbin–Watson statistic Σ(eₜ − eₜ₋₁)² / Σeₜ² (≈ 2 without autocorrelation, in row order).</summary>
    public double DurbinWatson { get; }

    /// <summary>Condition number of the design (with the constant column): largest over smallest singular value.</summary>
    public double ConditionNumber { get; }

    /// <summary>Confidence level of the intervals, e.g. 0.95.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Whether the first coefficient is the intercept.</summary>
    public bool HasIntercept { get; }

    /// <summary>
    /// The summary as a text table in statsmodels' layout (fit statistics, coefficient table, diagnostics).
    /// </summary>
    /// <param name="featureNames">Names of the features in column order (default x0, x1, …).</param>
    /// <param name="targetName">Name of the target (default y).</param>
    public string ToText(IReadOnlyList<string>? featureNames = null, string? targetName = null)
    {
        var names = TermNames(featureNames);
        var inv = CultureInfo.InvariantCulture;
        int nameWidth = Math.Max(10, names.Max(n => n.Length) + 1);
        var sb = new StringBuilder();
        string rule = new('=', nameWidth + 66);
        sb.AppendLine("OLS regression results").AppendLine(rule);
        void Pair(string l, string lv, string r, string rv) =>
            sb.Append(inv, $"{l,-18}{lv,18}    {r,-22}{rv,12}").AppendLine();
        Pair("Dep. variable:", targetName ?? "y", "R-squared:", F(RSquared, "F3"));
        Pair("No. observations:", Observations.ToString(inv), "Adj. R-squared:", F(AdjustedRSquared, "F3"));
        Pair("Df residuals:", F(DfResidual, "G"), "F-statistic:", F(FStatistic, "G4"));
        Pair("Df model:", F(DfModel, "G"), "Prob (F-statistic):", F(FPValue, "G3"));
        Pair("Residual std err:", F(Math.Sqrt(ResidualVariance), "G6"), "Log-likelihood:", F(LogLikelihood, "F2"));
        Pair("", "", "AIC:", F(Aic, "F1"));
        Pair("", "", "BIC:", F(Bic, "F1"));
        sb.AppendLine(rule);
        double alpha = 1 - ConfidenceLevel;
        string lo = (alpha / 2).ToString("0.###", inv), hi = (1 - alpha / 2).ToString("0.###", inv);
        sb.Append(inv, $"{"".PadRight(nameWidth)}{"coef",11}{"std err",11}{"t",9}{"P>|t|",9}{"[" + lo,13}{hi + "]",13}").AppendLine();
        sb.AppendLine(new string('-', nameWidth + 66));
        for (int j = 0; j < Coefficients.Count; j++)
        {
            var c = Coefficients[j];
            sb.Append(inv, $"{names[j].PadRight(nameWidth)}{F(c.Estimate, "G5"),11}{F(c.StandardError, "G4"),11}{F(c.TStatistic, "F3"),9}{F(c.PValue, "F3"),9}{F(c.Lower, "G5"),13}{F(c.Upper, "G5"),13}").AppendLine();
        }
        sb.AppendLine(rule);
        Pair("Omnibus:", F(Omnibus.Statistic, "F3"), "Durbin-Watson:", F(DurbinWatson, "F3"));
        Pair("Prob(Omnibus):", F(Omnibus.PValue, "F3"), "Jarque-Bera (JB):", F(JarqueBera.Statistic, "F3"));
        Pair("Skew:", F(Skew, "F3"), "Prob(JB):", F(JarqueBera.PValue, "G3"));
        Pair("Kurtosis:", F(Kurtosis, "F3"), "Cond. No.:", F(ConditionNumber, "G3"));
        sb.Append(rule);
        return sb.ToString();

        string F(double v, string format) => double.IsNaN(v) ? "nan" : v.ToString(format, inv);
    }

    private string[] TermNames(IReadOnlyList<string>? featureNames)
    {
        int offset = HasIntercept ? 1 : 0, p = Coefficients.Count - offset;
        if (featureNames is not null && featureNames.Count != p)
            throw new ArgumentException($"{featureNames.Count} feature names were given for {p} features.", nameof(featureNames));
        var names = new string[Coefficients.Count];
        if (HasIntercept) names[0] = "const";
        for (int j = 0; j < p; j++) names[offset + j] = featureNames?[j] ?? Coefficients[offset + j].Name;
        return names;
    }
}
