using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Maps each numeric column through its empirical CDF to a uniform or normal distribution, like
/// scikit-learn's <c>QuantileTransformer</c>. Fit stores <c>k = min(n_quantiles, n)</c> quantiles of each
/// column at the reference probabilities <c>linspace(0, 1, k)</c> (NumPy's linear percentiles, made
/// non-decreasing); transform interpolates each value's probability between them — the average of the
/// interpolation from below and from above, so tied quantiles map to the middle of their range — and, for
/// normal output, applies Φ⁻¹ clipped at probability 1e−7 from either end. Values beyond the fitted range map
/// to 0/1. NaN is ignored at fit and stays NaN.
/// <para>When a column has more than <see cref="Subsample"/> rows, the quantiles are estimated from a random
/// subset of that size drawn without replacement with <see cref="Seed"/>; Fathom's generator is not NumPy's,
/// so results then differ from scikit-learn's in the subset drawn (not in method).</para>
/// Fit is O(n log n) per column; transform O(n log k) per column.
/// </summary>
public sealed record QuantileTransformer : ITransformer
{
    /// <summary>Number of quantiles stored per column (default 1000; capped at the row count).</summary>
    [Hyperparameter("Number of quantiles (landmarks of the CDF) stored per column; capped at the number of rows.", Min = 1)]
    public int NQuantiles { get; init; } = 1000;

    /// <summary>Output distribution (default uniform).</summary>
    [Hyperparameter("Distribution of the output: uniform on [0, 1] or standard normal.")]
    public QuantileOutput OutputDistribution { get; init; } = QuantileOutput.Uniform;

    /// <summary>Largest number of rows used to estimate the quantiles (default 10 000).</summary>
    [Hyperparameter("Largest number of rows used to estimate the quantiles (a random subset beyond it); at least n_quantiles.", Min = 1)]
    public int Subsample { get; init; } = 10_000;

    /// <summary>Seed of the subsampling (default 0).</summary>
    [Hyperparameter("Seed of the random subset used when there are more rows than subsample.")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true, IsStochastic = true };

    /// <summary>Learns the quantiles of each column.</summary>
    /// <exception cref="InvalidHyperparameterException">n_quantiles above subsample.</exception>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value.</exception>
    public QuantileTransformerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (NQuantiles > Subsample)
            throw new InvalidHyperparameterException("n_quantiles",
                $"QuantileTransformer: n_quantiles = {NQuantiles} is above subsample = {Subsample}; the quantiles cannot outnumber the rows used to estimate them.");
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(QuantileTransformer), allowMissing: true);
        int n = x.RowCount, p = names.Length;
        if (NQuantiles > n)
            context?.Warn($"QuantileTransformer: n_quantiles ({NQuantiles}) is above the number of rows ({n}); {n} quantiles are used.");
        int k = Math.Max(1, Math.Min(NQuantiles, n));
        var references = Percentiles.Linspace(0, 1, k);
        var quantiles = new double[p][];
        var rng = new RandomSource(Seed);
        for (int j = 0; j < p; j++)
        {
            var col = cols[j];
            if (Subsample < n)
            {
                var perm = rng.Permutation(n);
                col = perm.Take(Subsample).Select(i => cols[j][i]).ToArray();
            }
            var s = NumericColumns.SortedPresent(col);
            if (s.Length == 0) context?.Warn($"QuantileTransformer: column '{names[j]}' has no values at fit; its output stays missing.");
            var q = new double[k];
            for (int t = 0; t < k; t++)
            {
                q[t] = Percentiles.Percentile(s, references[t] * 100);
                if (t > 0 && q[t] < q[t - 1]) q[t] = q[t - 1]; // np.maximum.accumulate
            }
            quantiles[j] = q;
        }
        return new QuantileTransformerModel(this, names, kinds, references, quantiles);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
