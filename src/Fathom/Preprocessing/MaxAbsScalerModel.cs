using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>A fitted <see cref="MaxAbsScaler"/>: <c>z = x / Scale</c> per column. Immutable and thread-safe.</summary>
public sealed class MaxAbsScalerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _maxAbs, _scale;

    internal MaxAbsScalerModel(MaxAbsScaler options, string[] names, ColumnKind[] kinds, double[] maxAbs, double[] scale)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _maxAbs = maxAbs;
        _scale = scale;
    }

    /// <summary>The hyperparameters it was fitted with (none).</summary>
    public MaxAbsScaler Options { get; }

    /// <summary>Largest absolute present value of each column (<c>max_abs_</c>; NaN for an all-missing column).</summary>
    public IReadOnlyList<double> MaxAbs => _maxAbs;

    /// <summary>Divisor of each column (<c>scale_</c>: MaxAbs, or 1 for a zero column).</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "max-abs-scaler";

    /// <summary>Scales the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "MaxAbsScaler", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
            for (int i = 0; i < cols[j].Length; i++) cols[j][i] /= _scale[j];
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <summary>Undoes the scaling: <c>x = z·Scale</c>.</summary>
    public DataFrame InverseTransform(DataFrame z)
    {
        var cols = NumericColumns.ReadTransform(z, _names, NumericColumns.NumericKinds(_names.Length), "MaxAbsScaler.InverseTransform", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
            for (int i = 0; i < cols[j].Length; i++) cols[j][i] *= _scale[j];
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("max_abs", _maxAbs);
        writer.WriteDoubles("scale", _scale);
    }

    internal static MaxAbsScalerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<MaxAbsScaler>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int p = names.Length;
        return new MaxAbsScalerModel(options, names, kinds, reader.ReadDoubles("max_abs", p), reader.ReadDoubles("scale", p));
    }
}
