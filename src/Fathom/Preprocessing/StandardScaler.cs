using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Standardizes numeric columns: <c>z = (x − mean) / scale</c>, with the population standard deviation
/// (ddof = 0) as scale, like scikit-learn's <c>StandardScaler</c>. Boolean columns count as 0/1 and come out
/// numeric; text and date columns are rejected. Missing values (NaN) are left out of the mean and variance
/// and stay NaN in the output. A constant column gets scale 1 (as scikit-learn, which tests
/// <c>var ≤ n·ε·var + (n·mean·ε)²</c>), so it maps to 0 instead of dividing by zero. Fit is O(n·p).
/// </summary>
public sealed record StandardScaler : ITransformer
{
    /// <summary>Subtract the mean (default true).</summary>
    [Hyperparameter("Centre each column on its mean before scaling.")]
    public bool WithMean { get; init; } = true;

    /// <summary>Divide by the standard deviation (default true).</summary>
    [Hyperparameter("Divide each column by its (population) standard deviation.")]
    public bool WithStd { get; init; } = true;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = true, AllowsMissingValues = true };

    /// <summary>Learns each column's mean and variance.</summary>
    /// <param name="x">Numeric or boolean columns; NaN is missing and ignored.</param>
    /// <param name="context">Only its log is used (a warning for an all-missing column).</param>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column (named).</exception>
    public StandardScalerModel Fit(DataFrame x, FitContext? context = null) => FitCore(x, null, context);

    /// <summary>Learns each column's weighted mean and variance:
    /// <c>mean = Σwᵢxᵢ / Σwᵢ</c>, <c>var = Σwᵢ(xᵢ − mean)² / Σwᵢ</c> over the rows where the value is present.</summary>
    /// <param name="x">Numeric or boolean columns; NaN is missing and ignored.</param>
    /// <param name="sampleWeight">One finite non-negative weight per row.</param>
    /// <param name="context">Only its log is used.</param>
    /// <exception cref="InvalidInputException">As <see cref="Fit(DataFrame, FitContext?)"/>, or bad weights.</exception>
    public StandardScalerModel Fit(DataFrame x, double[] sampleWeight, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(sampleWeight);
        return FitCore(x, sampleWeight, context);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private StandardScalerModel FitCore(DataFrame x, double[]? w, FitContext? context)
    {
        Hyperparameters.Validate(this);
        FrameInput.CheckFitFrame(x, nameof(StandardScaler));
        int n = x.RowCount, p = x.ColumnCount;
        if (w is not null)
        {
            if (w.Length != n)
                throw new InvalidInputException($"StandardScaler: got {w.Length} sample weights for {n} rows; give one weight per row.");
            for (int i = 0; i < n; i++)
                if (!double.IsFinite(w[i]) || w[i] < 0)
                    throw new InvalidInputException($"StandardScaler: sample weight at row {i} is {w[i]}; weights must be finite and non-negative.", i);
        }
        var names = new string[p];
        var kinds = new ColumnKind[p];
        var mean = new double[p];
        var variance = new double[p];
        var scale = new double[p];
        for (int j = 0; j < p; j++)
        {
            var c = x[j];
            names[j] = c.Name;
            kinds[j] = c.Kind;
            if (!FrameInput.IsNumberLike(c.Kind))
                throw new InvalidInputException(
                    $"StandardScaler: column '{c.Name}' is {FrameInput.KindName(c.Kind)}; it scales only numeric and boolean columns. Encode it (OneHotEncoder, DateTimeFeatures) or leave it out.",
                    column: c.Name);
            var v = FrameInput.Numbers(c);
            for (int i = 0; i < n; i++)
                if (double.IsInfinity(v[i]))
                    throw new InvalidInputException($"StandardScaler: column '{c.Name}' holds an infinite value at row {i}; replace it first.", i, c.Name);
            var (m, var, count) = MeanVariance(v, w);
            mean[j] = m;
            variance[j] = var;
            if (count == 0)
            {
                context?.Warn($"StandardScaler: column '{c.Name}' has no values (all missing); its output stays missing.");
                scale[j] = 1.0;
                continue;
            }
            // scikit-learn's _is_constant_feature: var <= n·eps·var + (n·mean·eps)².
            const double eps = 2.220446049250313e-16; // np.finfo(float64).eps
            double upper = count * eps * var + (count * m * eps) * (count * m * eps);
            scale[j] = var <= upper ? 1.0 : Math.Sqrt(var);
        }
        return new StandardScalerModel(this, names, kinds, mean, variance, WithStd ? scale : Enumerable.Repeat(1.0, p).ToArray());
    }

    /// <summary>Weighted mean and population variance of the non-NaN values, with the correction term of the
    /// two-pass algorithm (as scikit-learn's <c>_incremental_mean_and_var</c>): var = (Σw·d² − (Σw·d)²/W)/W.</summary>
    private static (double Mean, double Variance, double Count) MeanVariance(ReadOnlySpan<double> v, double[]? w)
    {
        double sum = 0, count = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (double.IsNaN(v[i])) continue;
            double wi = w is null ? 1.0 : w[i];
            sum += wi * v[i];
            count += wi;
        }
        if (count == 0) return (double.NaN, double.NaN, 0);
        double mean = sum / count;
        double corr = 0, sq = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (double.IsNaN(v[i])) continue;
            double wi = w is null ? 1.0 : w[i];
            double d = v[i] - mean;
            corr += wi * d;
            sq += wi * d * d;
        }
        double var = (sq - corr * corr / count) / count;
        return (mean, Math.Max(var, 0.0), count);
    }
}
