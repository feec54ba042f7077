using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Clips (winsorizes) each numeric column to limits learned at fit: the <see cref="LowerQuantile"/> and
/// <see cref="UpperQuantile"/> quantiles of its present values (NumPy's linear interpolation, as
/// <c>np.nanpercentile</c>); transform replaces values below/above them by the limits
/// (<c>np.clip(x, lo, hi)</c>). Learning the limits at fit — not from the data being transformed — keeps
/// test rows from leaking into the limits. NaN is ignored at fit and stays NaN. Fit is O(n log n) per column.
/// </summary>
public sealed record Winsorizer : ITransformer
{
    /// <summary>Quantile (fraction in [0, 1]) of the lower limit (default 0.05).</summary>
    [Hyperparameter("Quantile in [0, 1] of the lower clipping limit (0 = the fitted minimum).", Min = 0, Max = 1)]
    public double LowerQuantile { get; init; } = 0.05;

    /// <summary>Quantile (fraction in [0, 1]) of the upper limit (default 0.95).</summary>
    [Hyperparameter("Quantile in [0, 1] of the upper clipping limit (1 = the fitted maximum); at least lower_quantile.", Min = 0, Max = 1)]
    public double UpperQuantile { get; init; } = 0.95;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Learns each column's clipping limits.</summary>
    /// <exception cref="InvalidHyperparameterException">upper_quantile below lower_quantile.</exception>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value.</exception>
    public WinsorizerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (UpperQuantile < LowerQuantile)
            throw new InvalidHyperparameterException("upper_quantile",
                $"Winsorizer: upper_quantile = {UpperQuantile} is below lower_quantile = {LowerQuantile}; give upper_quantile ≥ lower_quantile.");
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(Winsorizer), allowMissing: true);
        var lower = new double[names.Length];
        var upper = new double[names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            var s = NumericColumns.SortedPresent(cols[j]);
            if (s.Length == 0) context?.Warn($"Winsorizer: column '{names[j]}' has no values at fit; it is passed through unclipped.");
            lower[j] = Percentiles.Percentile(s, LowerQuantile * 100);
            upper[j] = Percentiles.Percentile(s, UpperQuantile * 100);
        }
        return new WinsorizerModel(this, names, kinds, lower, upper);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
