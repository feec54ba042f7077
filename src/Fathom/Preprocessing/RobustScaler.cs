using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Scales each numeric column with statistics that outliers barely move, like scikit-learn's
/// <c>RobustScaler</c>: <c>z = (x − median) / (q_hi − q_lo)</c>, where q_lo and q_hi are the
/// <see cref="QuantileRangeLow"/>-th and <see cref="QuantileRangeHigh"/>-th percentiles (NumPy's linear
/// interpolation) of the present values. A zero range becomes 1. With <see cref="UnitVariance"/> the range is
/// further divided by Φ⁻¹(q_hi/100) − Φ⁻¹(q_lo/100), so normal data gets unit variance. NaN is ignored at fit
/// and stays NaN. Fit is O(n log n) per column.
/// </summary>
public sealed record RobustScaler : ITransformer
{
    /// <summary>Subtract the median (default true).</summary>
    [Hyperparameter("Subtract each column's median.")]
    public bool WithCentering { get; init; } = true;

    /// <summary>Divide by the quantile range (default true).</summary>
    [Hyperparameter("Divide each column by its interquantile range.")]
    public bool WithScaling { get; init; } = true;

    /// <summary>Lower percentile of the range (default 25).</summary>
    [Hyperparameter("Lower percentile of the scaling range, in [0, 100).", Min = 0, Max = 100, MaxExclusive = true)]
    public double QuantileRangeLow { get; init; } = 25.0;

    /// <summary>Upper percentile of the range (default 75).</summary>
    [Hyperparameter("Upper percentile of the scaling range, in (0, 100]; above quantile_range_low.", Min = 0, Max = 100, MinExclusive = true)]
    public double QuantileRangeHigh { get; init; } = 75.0;

    /// <summary>Rescale so a normal column gets unit variance (default false).</summary>
    [Hyperparameter("Divide the range by the standard normal's range between the same quantiles.")]
    public bool UnitVariance { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Learns each column's median and quantile range.</summary>
    /// <exception cref="InvalidHyperparameterException">quantile_range_low ≥ quantile_range_high.</exception>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value.</exception>
    public RobustScalerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (QuantileRangeLow >= QuantileRangeHigh)
            throw new InvalidHyperparameterException("quantile_range_low",
                $"RobustScaler: quantile range ({QuantileRangeLow}, {QuantileRangeHigh}) is not valid; the low percentile must be below the high one.");
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(RobustScaler), allowMissing: true);
        int p = names.Length;
        var center = new double[p];
        var scale = new double[p];
        double adjust = UnitVariance ? Normal.Quantile(QuantileRangeHigh / 100) - Normal.Quantile(QuantileRangeLow / 100) : 1.0;
        for (int j = 0; j < p; j++)
        {
            var s = NumericColumns.SortedPresent(cols[j]);
            if (s.Length == 0) context?.Warn($"RobustScaler: column '{names[j]}' has no values at fit; its output stays missing.");
            center[j] = WithCentering ? Percentiles.Median(s) : 0.0;
            if (WithScaling)
            {
                double range = Percentiles.Percentile(s, QuantileRangeHigh) - Percentiles.Percentile(s, QuantileRangeLow);
                scale[j] = (double.IsNaN(range) ? 1.0 : NumericColumns.NonZeroScale(range)) / adjust;
            }
            else scale[j] = 1.0;
        }
        return new RobustScalerModel(this, names, kinds, center, scale);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
