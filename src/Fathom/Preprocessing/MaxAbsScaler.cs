using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Divides each numeric column by its largest absolute value, like scikit-learn's <c>MaxAbsScaler</c>, so values
/// land in [−1, 1] without shifting (zeros stay zeros). An all-zero column gets scale 1. NaN is ignored at fit
/// and stays NaN. Fit and transform are O(n·p).
/// </summary>
public sealed record MaxAbsScaler : ITransformer
{
    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Learns each column's largest absolute value.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value.</exception>
    public MaxAbsScalerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(MaxAbsScaler), allowMissing: true);
        var maxAbs = new double[names.Length];
        var scale = new double[names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            double m = double.NaN;
            foreach (double d in cols[j])
                if (!double.IsNaN(d) && !(Math.Abs(d) <= m)) m = Math.Abs(d);
            maxAbs[j] = m;
            scale[j] = double.IsNaN(m) ? 1.0 : NumericColumns.NonZeroScale(m);
        }
        return new MaxAbsScalerModel(this, names, kinds, maxAbs, scale);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
