using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;

namespace Fathom.FeatureSelection;

/// <summary>
/// Drops one column of each highly correlated pair. Rule (deterministic): columns are visited in input order;
/// a column is dropped when its absolute correlation with an EARLIER column that is still kept exceeds
/// <see cref="Threshold"/> — so of two near-duplicates the first (leftmost) is kept. Correlation is Pearson
/// or Spearman (Pearson on average ranks, ties sharing their mean rank); a constant column has correlation 0
/// with everything. <see cref="FeatureSelectionModel.Scores"/> holds each column's largest absolute correlation
/// with an earlier kept column. Missing values are rejected. O(n·p²) (O(n log n·p) more for Spearman).
/// </summary>
public sealed record CorrelationFilter : ITransformer
{
    /// <summary>Absolute correlation above which the later column of a pair is dropped (default 0.9).</summary>
    [Hyperparameter("Absolute correlation above which the later column of a pair is dropped.", Min = 0, Max = 1)]
    public double Threshold { get; init; } = 0.9;

    /// <summary>The correlation measure (default pearson).</summary>
    [Hyperparameter("Correlation measure: pearson or spearman.")]
    public CorrelationMethod Method { get; init; } = CorrelationMethod.Pearson;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Computes the correlations and the kept columns.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; a missing value.</exception>
    public FeatureSelectionModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(CorrelationFilter), allowMissing: false);
        int p = names.Length;
        var z = cols.Select(c => Standardized(Method == CorrelationMethod.Spearman ? Ranks(c) : c)).ToArray();
        var support = new bool[p];
        var scores = new double[p];
        for (int j = 0; j < p; j++)
        {
            double worst = 0;
            for (int i = 0; i < j; i++)
            {
                if (!support[i]) continue;
                double r = 0;
                for (int t = 0; t < z[j].Length; t++) r += z[i][t] * z[j][t];
                worst = Math.Max(worst, Math.Abs(r));
            }
            scores[j] = worst;
            support[j] = worst <= Threshold;
            if (!support[j]) context?.Log?.Invoke($"CorrelationFilter: '{names[j]}' dropped (|r| = {worst:0.####} with an earlier kept column).");
        }
        return new FeatureSelectionModel("correlation-filter", this, names, kinds, support, scores, threshold: Threshold);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    /// <summary>(v − mean)/√Σ(v − mean)², or zeros for a constant column, so dot products are correlations.</summary>
    private static double[] Standardized(double[] v)
    {
        double m = v.Average();
        var d = v.Select(a => a - m).ToArray();
        double norm = Math.Sqrt(d.Sum(a => a * a));
        return norm == 0 ? new double[v.Length] : d.Select(a => a / norm).ToArray();
    }

    /// <summary>Average ranks (1-based; ties share their mean rank).</summary>
    internal static double[] Ranks(double[] v)
    {
        var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
        var ranks = new double[v.Length];
        for (int s = 0; s < order.Length;)
        {
            int e = s;
            while (e + 1 < order.Length && v[order[e + 1]] == v[order[s]]) e++;
            double r = (s + e) / 2.0 + 1;
            for (int t = s; t <= e; t++) ranks[order[t]] = r;
            s = e + 1;
        }
        return ranks;
    }
}
