using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>A fitted <see cref="OrdinalEncoder"/>: each column's sorted <see cref="Categories"/>. Immutable and thread-safe.</summary>
public sealed class OrdinalEncoderModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly CategoryMap[] _maps;

    internal OrdinalEncoderModel(OrdinalEncoder options, string[] names, ColumnKind[] kinds, CategoryMap[] maps)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _maps = maps;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public OrdinalEncoder Options { get; }

    /// <summary>The sorted categories of each column (code = position), as text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories => _maps.Select(m => (IReadOnlyList<string>)m.Categories).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "ordinal-encoder";

    /// <summary>Codes the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an unseen category with
    /// handle_unknown = error (names column, row and value).</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = FrameInput.Resolve(x, _names, _kinds, "OrdinalEncoder");
        var output = new double[cols.Length][];
        for (int j = 0; j < cols.Length; j++)
        {
            var o = new double[x.RowCount];
            for (int i = 0; i < o.Length; i++)
            {
                int k = _maps[j].Lookup(cols[j], i);
                if (k == -1 && Options.HandleUnknown == OrdinalUnknownHandling.Error)
                    throw new InvalidInputException(
                        $"OrdinalEncoder: column '{_names[j]}' has category '{cols[j].Format(i)}' at row {i}, which was not seen at fit; use handle_unknown = use_encoded_value to code unseen categories as unknown_value.",
                        i, _names[j]);
                o[i] = k switch { -1 => Options.UnknownValue ?? double.NaN, -2 => Options.EncodedMissingValue ?? double.NaN, _ => k };
            }
            output[j] = o;
        }
        return NumericColumns.ToFrame(_names, output);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        CategoryMap.Write(writer, _maps);
    }

    internal static OrdinalEncoderModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<OrdinalEncoder>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        return new OrdinalEncoderModel(options, names, kinds, CategoryMap.Read(reader, kinds));
    }
}
