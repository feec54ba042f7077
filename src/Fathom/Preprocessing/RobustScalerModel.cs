using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="RobustScaler"/>: <c>z = (x − Center) / Scale</c> per column. Output columns keep the
/// input names. Immutable and thread-safe.
/// </summary>
public sealed class RobustScalerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _center, _scale;

    internal RobustScalerModel(RobustScaler options, string[] names, ColumnKind[] kinds, double[] center, double[] scale)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _center = center;
        _scale = scale;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public RobustScaler Options { get; }

    /// <summary>Median of each column (0 when <c>WithCentering</c> is false; scikit-learn's <c>center_</c>).</summary>
    public IReadOnlyList<double> Center => _center;

    /// <summary>Quantile range of each column (1 when <c>WithScaling</c> is false; <c>scale_</c>).</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "robust-scaler";

    /// <summary>Centres and scales the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "RobustScaler", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
            for (int i = 0; i < cols[j].Length; i++) cols[j][i] = (cols[j][i] - _center[j]) / _scale[j];
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <summary>Undoes the scaling: <c>x = z·Scale + Center</c>.</summary>
    public DataFrame InverseTransform(DataFrame z)
    {
        var cols = NumericColumns.ReadTransform(z, _names, NumericColumns.NumericKinds(_names.Length), "RobustScaler.InverseTransform", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
            for (int i = 0; i < cols[j].Length; i++) cols[j][i] = cols[j][i] * _scale[j] + _center[j];
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("center", _center);
        writer.WriteDoubles("scale", _scale);
    }

    internal static RobustScalerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<RobustScaler>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int p = names.Length;
        return new RobustScalerModel(options, names, kinds, reader.ReadDoubles("center", p), reader.ReadDoubles("scale", p));
    }
}
