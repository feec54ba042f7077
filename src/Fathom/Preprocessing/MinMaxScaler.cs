using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Scales each numeric column to a range, like scikit-learn's <c>MinMaxScaler</c>:
/// <c>z = x·scale + min</c> with <c>scale = (hi − lo) / (max − min)</c> and <c>min = lo − data_min·scale</c>,
/// where [lo, hi] is [<see cref="FeatureRangeMin"/>, <see cref="FeatureRangeMax"/>] and data_min/max are the
/// column's smallest and largest present values at fit. A constant column (range below 10·ε) gets scale
/// hi − lo, so it maps to lo. NaN is ignored at fit and stays NaN. Boolean columns count as 0/1. Fit and
/// transform are O(n·p).
/// </summary>
public sealed record MinMaxScaler : ITransformer
{
    /// <summary>Lower end of the output range (default 0).</summary>
    [Hyperparameter("Lower end of the output range; must be below feature_range_max.")]
    public double FeatureRangeMin { get; init; }

    /// <summary>Upper end of the output range (default 1).</summary>
    [Hyperparameter("Upper end of the output range; must be above feature_range_min.")]
    public double FeatureRangeMax { get; init; } = 1.0;

    /// <summary>Clip transformed values of new data to the output range (default false).</summary>
    [Hyperparameter("Clip transformed values to the output range (values outside the fitted min/max otherwise leave it).")]
    public bool Clip { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Learns each column's minimum and maximum.</summary>
    /// <exception cref="InvalidHyperparameterException">feature_range_min ≥ feature_range_max or not finite.</exception>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value.</exception>
    public MinMaxScalerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (!double.IsFinite(FeatureRangeMin) || !double.IsFinite(FeatureRangeMax) || FeatureRangeMin >= FeatureRangeMax)
            throw new InvalidHyperparameterException("feature_range_min",
                $"MinMaxScaler: feature range ({FeatureRangeMin}, {FeatureRangeMax}) is not valid; feature_range_min must be finite and below feature_range_max.");
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(MinMaxScaler), allowMissing: true);
        int p = names.Length;
        var dataMin = new double[p];
        var dataMax = new double[p];
        var scale = new double[p];
        var min = new double[p];
        for (int j = 0; j < p; j++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (double d in cols[j])
            {
                if (double.IsNaN(d)) continue;
                if (d < lo) lo = d;
                if (d > hi) hi = d;
            }
            if (lo > hi)
            {
                context?.Warn($"MinMaxScaler: column '{names[j]}' has no values at fit; its output stays missing.");
                lo = hi = double.NaN;
            }
            dataMin[j] = lo;
            dataMax[j] = hi;
            double range = hi - lo;
            scale[j] = (FeatureRangeMax - FeatureRangeMin) / (double.IsNaN(range) ? 1.0 : NumericColumns.NonZeroScale(range));
            min[j] = FeatureRangeMin - lo * scale[j];
        }
        return new MinMaxScalerModel(this, names, kinds, dataMin, dataMax, scale, min);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
