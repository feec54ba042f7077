using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;

namespace Fathom.FeatureSelection;

/// <summary>
/// Drops numeric columns whose variance is not above <see cref="Threshold"/>, like scikit-learn's
/// <c>VarianceThreshold</c>: variances are population variances (ddof 0) of the present values; with
/// threshold 0 a column's score is min(variance, max − min), so a constant column is always dropped even when
/// rounding gives it a tiny variance. Fails when no column passes. Unsupervised: an <see cref="ITransformer"/>.
/// O(n·p).
/// </summary>
public sealed record VarianceThreshold : ITransformer
{
    /// <summary>Columns with variance ≤ threshold are dropped (default 0: only constant columns).</summary>
    [Hyperparameter("Columns whose variance is not above this are dropped (0 drops constant columns).", Min = 0)]
    public double Threshold { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Computes the variances and the kept columns.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; no column above the threshold.</exception>
    public FeatureSelectionModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(VarianceThreshold), allowMissing: true);
        var variances = new double[names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            var v = cols[j].Where(d => !double.IsNaN(d)).ToArray();
            if (v.Length == 0) { variances[j] = double.NaN; continue; }
            double m = v.Average();
            double var = v.Sum(d => (d - m) * (d - m)) / v.Length;
            variances[j] = Threshold == 0 ? Math.Min(var, v.Max() - v.Min()) : var;
        }
        var support = variances.Select(v => v > Threshold).ToArray();
        if (!support.Any(b => b))
            throw new InvalidInputException($"VarianceThreshold: no column has a variance above {Threshold}; lower the threshold.");
        return new FeatureSelectionModel("variance-threshold", this, names, kinds, support, variances, threshold: Threshold);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
