using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Dummy;

/// <summary>
/// A baseline regressor that ignores the features and predicts one constant learned from the targets
/// (scikit-learn's <c>DummyRegressor</c>): the mean, the median, a quantile, or a given value.
/// <c>fathom train</c> prints its scores beside every model.
/// </summary>
/// <remarks>
/// The features are never read, so NaN and infinity in X are accepted (as in scikit-learn). Without
/// weights, median and quantile interpolate linearly between order statistics (numpy's
/// <c>percentile</c>, O(n log n)); with weights they are scikit-learn's lower weighted percentile: the
/// smallest target whose cumulative weight reaches <c>q · Σw</c>. As in scikit-learn, unit weights
/// therefore can differ from no weights for median and quantile when the quantile falls between two
/// targets; the mean is identical.
/// </remarks>
public sealed record DummyRegressor : IRegressor
{
    /// <summary>Which constant to predict; default <see cref="DummyRegressorStrategy.Mean"/>.</summary>
    [Hyperparameter("Prediction rule: mean, median, quantile or constant")]
    public DummyRegressorStrategy Strategy { get; init; } = DummyRegressorStrategy.Mean;

    /// <summary>The quantile in [0, 1] the quantile strategy predicts (0.5 = median); default null,
    /// which is an error for the quantile strategy.</summary>
    [Hyperparameter("Quantile predicted by the quantile strategy", Min = 0, Max = 1, NullMeans = "not set")]
    public double? Quantile { get; init; }

    /// <summary>The value the constant strategy predicts; default null, which is an error for that strategy.</summary>
    [Hyperparameter("Value predicted by the constant strategy", NullMeans = "not set")]
    public double? Constant { get; init; }

    /// <summary>Takes sample weights, accepts missing values (the features are ignored), deterministic, scale-invariant.</summary>
    public EstimatorTags Tags => new() { SupportsSampleWeight = true, AllowsMissingValues = true, IsScaleInvariant = true };

    /// <summary>Learns the constant. Mean: <c>Σ w_i y_i / Σ w_i</c>.</summary>
    /// <param name="x">Features; only the row and column counts are used.</param>
    /// <param name="y">Finite targets, one per row.</param>
    /// <param name="sampleWeight">Optional finite non-negative weight per row with a positive sum.</param>
    /// <param name="context">Unused; accepted for the common signature.</param>
    /// <exception cref="InvalidHyperparameterException">Quantile or constant strategy without its value, or a non-finite constant.</exception>
    /// <exception cref="InvalidInputException">No rows, length mismatch, non-finite target, bad weights.</exception>
    public DummyRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        const string who = nameof(DummyRegressor);
        if (Strategy == DummyRegressorStrategy.Quantile && Quantile is null)
            throw new InvalidHyperparameterException("quantile",
                "DummyRegressor: strategy = quantile needs quantile; set quantile to a number in [0, 1] (0.5 = median).");
        if (Strategy == DummyRegressorStrategy.Constant && (Constant is not double c || !double.IsFinite(c)))
            throw new InvalidHyperparameterException("constant",
                $"DummyRegressor: strategy = constant needs a finite constant (got {(Constant is null ? "none" : Constant.Value)}); set constant to the value to predict.");
        int n = DummyInput.CheckX(x, who);
        DummyInput.CheckLength(n, y.Length, who);
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException($"{who}: target at row {i} is {y[i]}; targets must be finite numbers (drop or fill missing targets).", i);
        double total = DummyInput.CheckWeights(sampleWeight, n, who);

        double value = Strategy switch
        {
            DummyRegressorStrategy.Mean => Mean(y, sampleWeight, total),
            DummyRegressorStrategy.Median => sampleWeight is null ? Median(y) : WeightedPercentile(y, sampleWeight, 50.0),
            DummyRegressorStrategy.Quantile => sampleWeight is null
                ? Percentile(y, Quantile!.Value * 100.0)
                : WeightedPercentile(y, sampleWeight, Quantile!.Value * 100.0),
            _ => Constant!.Value,
        };
        return new DummyRegressionModel(this, value, x.Columns);
    }

    /// <inheritdoc/>
    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    private static double Mean(double[] y, double[]? w, double total)
    {
        double s = 0;
        if (w is null) { foreach (double v in y) s += v; }
        else for (int i = 0; i < y.Length; i++) s += w[i] * y[i];
        return s / total;
    }

    /// <summary>numpy's median: the middle sorted target, or the mean of the two middle ones.</summary>
    internal static double Median(double[] y)
    {
        var s = (double[])y.Clone();
        Array.Sort(s);
        int n = s.Length, m = n / 2;
        return n % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /// <summary>numpy's default ("linear") percentile: the value at virtual index (n − 1)·p/100 of the
    /// sorted targets, interpolated between its neighbours.</summary>
    internal static double Percentile(double[] y, double percent)
    {
        var s = (double[])y.Clone();
        Array.Sort(s);
        int n = s.Length;
        double q = percent / 100.0;
        double virtualIndex = (n - 1) * q;
        double lowerIndex = Math.Floor(virtualIndex);
        double t = virtualIndex - lowerIndex;
        int lo = Math.Clamp((int)lowerIndex, 0, n - 1);
        int hi = Math.Min(lo + 1, n - 1);
        double a = s[lo], b = s[hi];
        double diff = b - a;
        // The same two-sided linear interpolation as numpy, so results agree to the last bit.
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /// <summary>scikit-learn's lower weighted percentile: sort the targets, accumulate their weights, and
    /// return the first target whose cumulative weight reaches <c>p/100 · Σw</c> (a tiny positive
    /// threshold when that is 0, so leading zero-weight rows are skipped).</summary>
    internal static double WeightedPercentile(double[] y, double[] w, double percent)
    {
        int n = y.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = (double[])y.Clone();
        Array.Sort(keys, order);
        var cdf = new double[n];
        double cum = 0;
        for (int i = 0; i < n; i++) { cum += w[order[i]]; cdf[i] = cum; }
        double target = percent / 100 * cdf[n - 1];
        if (target == 0) target = Math.BitIncrement(0.0);
        int idx = 0;
        while (idx < n && cdf[idx] < target) idx++;
        return keys[Math.Min(idx, n - 1)];
    }
}
