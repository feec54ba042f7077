using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="MinMaxScaler"/>: <c>z = x·Scale + Min</c> per column (clipped to the feature range when
/// <c>Clip</c>). Output columns keep the input names. Immutable and thread-safe.
/// </summary>
public sealed class MinMaxScalerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _dataMin, _dataMax, _scale, _min;

    internal MinMaxScalerModel(MinMaxScaler options, string[] names, ColumnKind[] kinds, double[] dataMin, double[] dataMax, double[] scale, double[] min)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _dataMin = dataMin;
        _dataMax = dataMax;
        _scale = scale;
        _min = min;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public MinMaxScaler Options { get; }

    /// <summary>Smallest present value of each column at fit (scikit-learn's <c>data_min_</c>).</summary>
    public IReadOnlyList<double> DataMin => _dataMin;

    /// <summary>Largest present value of each column at fit (<c>data_max_</c>).</summary>
    public IReadOnlyList<double> DataMax => _dataMax;

    /// <summary>Multiplier of each column (<c>scale_</c>).</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>Offset added after scaling (<c>min_</c>).</summary>
    public IReadOnlyList<double> Min => _min;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "min-max-scaler";

    /// <summary>Scales the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "MinMaxScaler", allowMissing: true);
        double lo = Options.FeatureRangeMin, hi = Options.FeatureRangeMax;
        foreach (var (v, j) in cols.Select((v, j) => (v, j)))
            for (int i = 0; i < v.Length; i++)
            {
                double z = v[i] * _scale[j] + _min[j];
                v[i] = Options.Clip && !double.IsNaN(z) ? Math.Clamp(z, lo, hi) : z;
            }
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <summary>Undoes the scaling: <c>x = (z − Min) / Scale</c>, on numeric columns with the output names.</summary>
    public DataFrame InverseTransform(DataFrame z)
    {
        var cols = NumericColumns.ReadTransform(z, _names, NumericColumns.NumericKinds(_names.Length), "MinMaxScaler.InverseTransform", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
            for (int i = 0; i < cols[j].Length; i++) cols[j][i] = (cols[j][i] - _min[j]) / _scale[j];
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("data_min", _dataMin);
        writer.WriteDoubles("data_max", _dataMax);
        writer.WriteDoubles("scale", _scale);
        writer.WriteDoubles("min", _min);
    }

    internal static MinMaxScalerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<MinMaxScaler>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int p = names.Length;
        return new MinMaxScalerModel(options, names, kinds, reader.ReadDoubles("data_min", p), reader.ReadDoubles("data_max", p),
            reader.ReadDoubles("scale", p), reader.ReadDoubles("min", p));
    }
}
