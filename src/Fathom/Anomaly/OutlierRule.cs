using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Anomaly;

/// <summary>
/// Classic per-column outlier rules — Tukey's IQR fences, z-scores, and the MAD-based modified z-score — as an outlier
/// detector (a row is an outlier when any of its values is flagged) and as a transformer (one 0/1 flag column
/// <c>NAME_outlier</c> per input column). Fit stores each column's centre and scale; see <see cref="OutlierRuleKind"/> for
/// the formulas.
/// </summary>
/// <remarks>
/// <para>As a detector: score = −max over columns of the exceedance e, offset = −threshold, so decision =
/// threshold − max e is negative exactly for the flagged rows. A column whose scale is zero (constant, or more than
/// half its values equal for IQR/MAD) flags every value that differs from its centre (e is then the largest finite
/// double) and never the centre itself.</para>
/// <para>Fit is O(n·p log n) (the quantiles sort each column); deterministic; no sample weights.</para>
/// </remarks>
public sealed record OutlierRule : IOutlierDetector, ITransformer
{
    /// <summary>The rule: iqr (default), z_score or mad.</summary>
    [Hyperparameter("per-column rule: iqr (Tukey fences), z_score or mad (modified z-score)")]
    public OutlierRuleKind Rule { get; init; } = OutlierRuleKind.Iqr;

    /// <summary>Threshold on the exceedance: null (default) = the rule's usual value (1.5 for iqr, 3 for z_score, 3.5 for mad).</summary>
    [Hyperparameter("threshold on the exceedance; a value is flagged above it", Min = 0, NullMeans = "1.5 for iqr, 3 for z_score, 3.5 for mad")]
    public double? Threshold { get; init; }

    /// <summary>No sample weights; deterministic.</summary>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>The threshold in use: <see cref="Threshold"/> or the rule's default.</summary>
    public double EffectiveThreshold => Threshold ?? Rule switch
    {
        OutlierRuleKind.ZScore => 3.0,
        OutlierRuleKind.Mad => 3.5,
        _ => 1.5,
    };

    /// <summary>Learns each column's centre and scale from a matrix (columns named x0, x1, … for the transformer view).</summary>
    /// <param name="x">Rows (n × p), finite.</param>
    /// <param name="sampleWeight">Ignored with a warning.</param>
    /// <param name="context">Log (warnings).</param>
    /// <exception cref="InvalidInputException">Empty data or NaN/infinity (row and column named).</exception>
    public OutlierRuleModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        InputChecks.Features(x, nameof(OutlierRule));
        if (sampleWeight is not null)
        {
            InputChecks.Weights(sampleWeight, x.Rows, nameof(OutlierRule));
            (context ?? FitContext.Default).Warn($"{nameof(OutlierRule)}: sample weights are not used by the outlier rules; they were ignored.");
        }
        return FitCore(x, Enumerable.Range(0, x.Columns).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Learns each column's centre and scale from a frame of numeric (or boolean) columns.</summary>
    /// <param name="x">Numeric or boolean columns without missing values.</param>
    /// <param name="context">Unused (no long work).</param>
    /// <exception cref="InvalidInputException">No rows or columns, a text/date column, or a missing/infinite value.</exception>
    public OutlierRuleModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount == 0 || x.RowCount == 0)
            throw new InvalidInputException($"{nameof(OutlierRule)}: the data has no {(x.ColumnCount == 0 ? "columns" : "rows")}; give it at least one numeric column and one row.");
        var m = x.ToMatrix();
        InputChecks.Features(m, nameof(OutlierRule));
        return FitCore(m, x.Columns.Select(c => c.Name).ToArray());
    }

    IOutlierModel IOutlierDetector.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private OutlierRuleModel FitCore(Matrix x, string[] names)
    {
        int p = x.Columns;
        var centre = new double[p];
        var scale = new double[p];
        var low = new double[p];
        var high = new double[p];
        for (int j = 0; j < p; j++)
        {
            var v = x.Column(j);
            switch (Rule)
            {
                case OutlierRuleKind.ZScore:
                    double mean = v.Average();
                    centre[j] = low[j] = high[j] = mean;
                    scale[j] = Math.Sqrt(v.Sum(a => (a - mean) * (a - mean)) / v.Length);
                    break;
                case OutlierRuleKind.Mad:
                    double median = Dummy.DummyRegressor.Percentile(v, 50);
                    centre[j] = low[j] = high[j] = median;
                    scale[j] = Dummy.DummyRegressor.Percentile(v.Select(a => Math.Abs(a - median)).ToArray(), 50) / MadFactor;
                    break;
                default:
                    low[j] = Dummy.DummyRegressor.Percentile(v, 25);
                    high[j] = Dummy.DummyRegressor.Percentile(v, 75);
                    centre[j] = Dummy.DummyRegressor.Percentile(v, 50);
                    scale[j] = high[j] - low[j];
                    break;
            }
        }
        return new OutlierRuleModel(this, names, centre, scale, low, high);
    }

    /// <summary>0.6745 ≈ Φ⁻¹(0.75), the modified z-score's constant: MAD/0.6745 estimates σ for normal data.</summary>
    internal const double MadFactor = 0.6745;
}
