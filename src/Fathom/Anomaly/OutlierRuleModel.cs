using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Data;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Anomaly;

/// <summary>
/// A fitted <see cref="OutlierRule"/>: per column a band [low, high] and a scale; a value's exceedance is its distance
/// outside the band divided by the scale (z-score: band = {mean}, scale = std; mad: band = {median}, scale = MAD/0.6745;
/// iqr: band = [Q1, Q3], scale = IQR). Immutable and thread-safe.
/// </summary>
public sealed class OutlierRuleModel : IOutlierModel, ITransformerModel
{
    private readonly string[] _names;
    private readonly double[] _centre, _scale, _low, _high;

    internal OutlierRuleModel(OutlierRule options, string[] names, double[] centre, double[] scale, double[] low, double[] high)
    {
        Options = options;
        _names = names;
        _centre = centre;
        _scale = scale;
        _low = low;
        _high = high;
        Threshold = options.EffectiveThreshold;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public OutlierRule Options { get; }

    /// <summary>The threshold in use.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "outlier-rule";

    /// <inheritdoc/>
    /// <remarks>−threshold.</remarks>
    public double Offset => -Threshold;

    /// <summary>Per-column centre: mean (z_score) or median (mad, iqr).</summary>
    public IReadOnlyList<double> Centre => new ReadOnlyCollection<double>(_centre);

    /// <summary>Per-column scale: std (z_score), MAD/0.6745 (mad) or IQR (iqr).</summary>
    public IReadOnlyList<double> Scale => new ReadOnlyCollection<double>(_scale);

    /// <summary>Per-column lowest value not flagged: low − threshold·scale (e.g. Q1 − 1.5·IQR).</summary>
    public IReadOnlyList<double> LowerFence => _low.Select((l, j) => l - Threshold * _scale[j]).ToArray();

    /// <summary>Per-column highest value not flagged: high + threshold·scale (e.g. Q3 + 1.5·IQR).</summary>
    public IReadOnlyList<double> UpperFence => _high.Select((h, j) => h + Threshold * _scale[j]).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => new ReadOnlyCollection<string>(_names);

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names.Select(n => n + "_outlier").ToArray();

    /// <summary>Exceedance of value <paramref name="v"/> in column <paramref name="j"/> (0 inside the band).</summary>
    private double Exceedance(int j, double v)
    {
        double d = v < _low[j] ? _low[j] - v : v > _high[j] ? v - _high[j] : 0;
        if (d == 0) return 0;
        return _scale[j] > 0 ? d / _scale[j] : double.MaxValue;
    }

    /// <summary>Exceedance of every value (rows × columns): distance outside the column's band in units of its scale.</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public Matrix Exceedances(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(OutlierRuleModel));
        InputChecks.Finite(x, nameof(OutlierRuleModel));
        var e = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
        {
            var r = x.Row(i);
            for (int j = 0; j < r.Length; j++) e[i, j] = Exceedance(j, r[j]);
        }
        return e;
    }

    /// <summary>1 where a value is flagged (exceedance &gt; threshold), else 0 (rows × columns).</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public Matrix Flags(Matrix x)
    {
        var e = Exceedances(x);
        var span = e.AsSpan();
        for (int i = 0; i < span.Length; i++) span[i] = span[i] > Threshold ? 1 : 0;
        return e;
    }

    /// <summary>−(largest exceedance of the row's values).</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] ScoreSamples(Matrix x)
    {
        var e = Exceedances(x);
        var s = new double[x.Rows];
        for (int i = 0; i < s.Length; i++)
        {
            double m = 0;
            foreach (double v in e.Row(i)) m = Math.Max(m, v);
            s[i] = -m;
        }
        return s;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] DecisionFunction(Matrix x) => ScoreSamples(x).Select(s => s + Threshold).ToArray();

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public int[] Predict(Matrix x) => DecisionFunction(x).Select(d => d < 0 ? -1 : 1).ToArray();

    /// <summary>One numeric 0/1 column <c>NAME_outlier</c> per fitted column (looked up by name).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or not numeric, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var cols = new DataColumn[_names.Length];
        for (int j = 0; j < _names.Length; j++)
        {
            if (!x.Columns.Any(c => c.Name == _names[j]))
                throw new InvalidInputException($"{nameof(OutlierRuleModel)}: column '{_names[j]}' seen at fit time is missing; pass the same columns.", column: _names[j]);
        }
        var m = new DataFrame(_names.Select(n => x.Columns.First(c => c.Name == n))).ToMatrix();
        var flags = Flags(m);
        for (int j = 0; j < _names.Length; j++) cols[j] = new NumericColumn(_names[j] + "_outlier", flags.Column(j));
        return new DataFrame(cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.WriteStrings("names", _names);
        writer.WriteDoubles("centre", _centre);
        writer.WriteDoubles("scale", _scale);
        writer.WriteDoubles("low", _low);
        writer.WriteDoubles("high", _high);
    }

    internal static OutlierRuleModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<OutlierRule>();
        var names = reader.ReadStrings("names");
        if (names.Length == 0 || names.Any(n => n is null))
            throw new ModelFormatException("The model file is damaged: an outlier rule model needs named columns.");
        int p = names.Length;
        return new OutlierRuleModel(options, names!, reader.ReadDoubles("centre", p), reader.ReadDoubles("scale", p),
            reader.ReadDoubles("low", p), reader.ReadDoubles("high", p));
    }
}
