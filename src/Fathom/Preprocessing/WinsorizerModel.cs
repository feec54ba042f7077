using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>A fitted <see cref="Winsorizer"/>: clips each column to [Lower, Upper]. Immutable and thread-safe.</summary>
public sealed class WinsorizerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _lower, _upper;

    internal WinsorizerModel(Winsorizer options, string[] names, ColumnKind[] kinds, double[] lower, double[] upper)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _lower = lower;
        _upper = upper;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public Winsorizer Options { get; }

    /// <summary>Lower limit of each column (NaN for a column with no values at fit: no clipping).</summary>
    public IReadOnlyList<double> Lower => _lower;

    /// <summary>Upper limit of each column.</summary>
    public IReadOnlyList<double> Upper => _upper;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "winsorizer";

    /// <summary>Clips the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "Winsorizer", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
        {
            if (double.IsNaN(_lower[j])) continue;
            var v = cols[j];
            for (int i = 0; i < v.Length; i++)
                if (v[i] < _lower[j]) v[i] = _lower[j];
                else if (v[i] > _upper[j]) v[i] = _upper[j];
        }
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("lower", _lower);
        writer.WriteDoubles("upper", _upper);
    }

    internal static WinsorizerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<Winsorizer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int p = names.Length;
        return new WinsorizerModel(options, names, kinds, reader.ReadDoubles("lower", p), reader.ReadDoubles("upper", p));
    }
}
