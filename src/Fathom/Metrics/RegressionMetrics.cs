using Fathom.Core;

namespace Fathom.Metrics;

/// <summary>
/// Regression metrics with scikit-learn 1.2's definitions. All take optional non-negative sample weights
/// (weighted averages) and run in O(n).
/// </summary>
public static class RegressionMetrics
{
    /// <summary>Coefficient of determination R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ_w)². A constant target gives 1 when
    /// predicted exactly, else 0 (scikit-learn's force_finite). Higher is better; 1 is perfect.</summary>
    public static double R2(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(R2));
        int n = yTrue.Count;
        double sw = 0, mean = 0;
        for (int i = 0; i < n; i++) { double w = sampleWeight?[i] ?? 1; sw += w; mean += w * yTrue[i]; }
        mean /= sw;
        double num = 0, den = 0;
        for (int i = 0; i < n; i++)
        {
            double w = sampleWeight?[i] ?? 1;
            double r = yTrue[i] - yPred[i], d = yTrue[i] - mean;
            num += w * r * r;
            den += w * d * d;
        }
        if (den == 0) return num == 0 ? 1.0 : 0.0;
        return 1 - num / den;
    }

    /// <summary>Mean squared error Σw(y − ŷ)² / Σw.</summary>
    public static double MeanSquaredError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(MeanSquaredError));
        double s = 0, sw = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            double w = sampleWeight?[i] ?? 1, r = yTrue[i] - yPred[i];
            s += w * r * r;
            sw += w;
        }
        return s / sw;
    }

    /// <summary>Root mean squared error √MSE (scikit-learn's mean_squared_error(squared=False)).</summary>
    public static double RootMeanSquaredError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null) =>
        Math.Sqrt(MeanSquaredError(yTrue, yPred, sampleWeight));

    /// <summary>Mean absolute error Σw|y − ŷ| / Σw.</summary>
    public static double MeanAbsoluteError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(MeanAbsoluteError));
        double s = 0, sw = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            double w = sampleWeight?[i] ?? 1;
            s += w * Math.Abs(yTrue[i] - yPred[i]);
            sw += w;
        }
        return s / sw;
    }

    /// <summary>Mean absolute percentage error Σw|y − ŷ| / max(|y|, ε) / Σw with ε the float64 machine epsilon (a fraction, not percent).</summary>
    public static double MeanAbsolutePercentageError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(MeanAbsolutePercentageError));
        return WeightedMean(yTrue.Count, sampleWeight, i => Math.Abs(yTrue[i] - yPred[i]) / Math.Max(Math.Abs(yTrue[i]), 2.220446049250313e-16));
    }

    /// <summary>
    /// Median of |y − ŷ|: numpy's interpolating median without weights; with weights scikit-learn's weighted
    /// percentile (the first sorted value whose cumulative weight reaches half the total). O(n log n).
    /// </summary>
    public static double MedianAbsoluteError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(MedianAbsoluteError));
        int n = yTrue.Count;
        var err = new double[n];
        for (int i = 0; i < n; i++) err[i] = Math.Abs(yTrue[i] - yPred[i]);
        if (sampleWeight is null)
        {
            Array.Sort(err);
            return n % 2 == 1 ? err[n / 2] : 0.5 * (err[n / 2 - 1] + err[n / 2]);
        }
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort((double[])err.Clone(), order);
        double total = 0;
        foreach (int i in order) total += sampleWeight[i];
        double half = 0.5 * total, cdf = 0;
        foreach (int i in order)
        {
            cdf += sampleWeight[i];
            if (cdf >= half) return err[i];
        }
        return err[order[^1]];
    }

    /// <summary>
    /// Explained variance 1 − Var_w(y − ŷ) / Var_w(y) (scikit-learn's explained_variance_score; 1 when both
    /// variances are 0, 0 when only Var(y) is). Unlike R², a constant bias is not penalized.
    /// </summary>
    public static double ExplainedVariance(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(ExplainedVariance));
        int n = yTrue.Count;
        double diffMean = WeightedMean(n, sampleWeight, i => yTrue[i] - yPred[i]);
        double num = WeightedMean(n, sampleWeight, i => Math.Pow(yTrue[i] - yPred[i] - diffMean, 2));
        double yMean = WeightedMean(n, sampleWeight, i => yTrue[i]);
        double den = WeightedMean(n, sampleWeight, i => Math.Pow(yTrue[i] - yMean, 2));
        if (den == 0) return num == 0 ? 1 : 0;
        return 1 - num / den;
    }

    /// <summary>Largest absolute error max |y − ŷ| (no weights, as scikit-learn's max_error).</summary>
    public static double MaxError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred)
    {
        Check(yTrue, yPred, null, nameof(MaxError));
        double m = 0;
        for (int i = 0; i < yTrue.Count; i++) m = Math.Max(m, Math.Abs(yTrue[i] - yPred[i]));
        return m;
    }

    /// <summary>
    /// Mean pinball (quantile) loss Σw [α·max(y − ŷ, 0) + (1 − α)·max(ŷ − y, 0)] / Σw: the loss a quantile-α
    /// prediction minimizes (α = 0.5 gives half the MAE).
    /// </summary>
    public static double MeanPinballLoss(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double alpha = 0.5, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(MeanPinballLoss));
        if (!(alpha >= 0 && alpha <= 1)) throw new InvalidHyperparameterException("alpha", $"The pinball loss needs alpha in [0, 1]; {alpha} was given.");
        return WeightedMean(yTrue.Count, sampleWeight, i =>
        {
            double d = yTrue[i] - yPred[i];
            return d >= 0 ? alpha * d : (alpha - 1) * d;
        });
    }

    /// <summary>
    /// Mean Tweedie deviance with power p (scikit-learn's mean_tweedie_deviance): p = 0 squared error, p = 1 Poisson
    /// 2(y ln(y/ŷ) − y + ŷ), p = 2 gamma 2(ln(ŷ/y) + y/ŷ − 1), otherwise
    /// 2(max(y,0)^(2−p)/((1−p)(2−p)) − y ŷ^(1−p)/(1−p) + ŷ^(2−p)/(2−p)). p in (0, 1) is not a distribution.
    /// </summary>
    /// <exception cref="InvalidInputException">Values outside the power's domain (ŷ &gt; 0 for p &lt; 0 or p ≥ 1; y ≥ 0 for 1 ≤ p &lt; 2; y &gt; 0 for p ≥ 2); the row is named.</exception>
    public static double MeanTweedieDeviance(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double power = 0, double[]? sampleWeight = null)
    {
        const string what = nameof(MeanTweedieDeviance);
        Check(yTrue, yPred, sampleWeight, what);
        if (power > 0 && power < 1 || !double.IsFinite(power))
            throw new InvalidHyperparameterException("power", $"{what}: the Tweedie power must be <= 0 or >= 1; {power} was given.");
        for (int i = 0; i < yTrue.Count; i++)
        {
            double y = yTrue[i], mu = yPred[i];
            bool ok = power == 0 || (power < 0 ? mu > 0 : power < 2 ? y >= 0 && mu > 0 : y > 0 && mu > 0);
            if (!ok)
                throw new InvalidInputException($"{what}: row {i} has true value {y} and prediction {mu}, outside the domain of power {power} " +
                    "(predictions must be positive; true values non-negative for 1 <= power < 2, positive for power >= 2).", i);
        }
        double p = power;
        return WeightedMean(yTrue.Count, sampleWeight, i =>
        {
            double y = yTrue[i], mu = yPred[i];
            if (p == 0) return (y - mu) * (y - mu);
            if (p == 1) return 2 * ((y == 0 ? 0 : y * Math.Log(y / mu)) - y + mu);
            if (p == 2) return 2 * (Math.Log(mu / y) + y / mu - 1);
            return 2 * (Math.Pow(Math.Max(y, 0), 2 - p) / ((1 - p) * (2 - p)) - y * Math.Pow(mu, 1 - p) / (1 - p) + Math.Pow(mu, 2 - p) / (2 - p));
        });
    }

    /// <summary>Mean Poisson deviance (Tweedie power 1): for counts; predictions must be positive.</summary>
    public static double MeanPoissonDeviance(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null) =>
        MeanTweedieDeviance(yTrue, yPred, 1, sampleWeight);

    /// <summary>Mean gamma deviance (Tweedie power 2): for positive skewed targets; both must be positive.</summary>
    public static double MeanGammaDeviance(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null) =>
        MeanTweedieDeviance(yTrue, yPred, 2, sampleWeight);

    private static double WeightedMean(int n, double[]? w, Func<int, double> value)
    {
        double s = 0, sw = 0;
        for (int i = 0; i < n; i++)
        {
            double wi = w?[i] ?? 1;
            s += wi * value(i);
            sw += wi;
        }
        return s / sw;
    }

    private static void Check(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? w, string what)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        MetricInputs.SameLength(yTrue.Count, yPred.Count, what);
        MetricInputs.Weights(w, yTrue.Count, what);
    }
}
