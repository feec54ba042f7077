using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>A fitted <see cref="MissingIndicator"/>: the indicated columns. Immutable and thread-safe.</summary>
public sealed class MissingIndicatorModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly int[] _indicated;
    private readonly string[] _namesOut;

    internal MissingIndicatorModel(MissingIndicator options, string[] names, ColumnKind[] kinds, int[] indicated)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _indicated = indicated;
        _namesOut = indicated.Select(j => "missingindicator_" + names[j]).ToArray();
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public MissingIndicator Options { get; }

    /// <summary>Indices (into <see cref="FeatureNamesIn"/>) of the indicated columns (<c>features_</c>).</summary>
    public IReadOnlyList<int> Indicated => _indicated;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _namesOut;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "missing-indicator";

    /// <summary>0/1 columns marking the missing cells of the indicated columns. O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; with missing_only and
    /// error_on_new, a missing value in a column that had none at fit.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = FrameInput.Resolve(x, _names, _kinds, "MissingIndicator");
        if (Options.Features == MissingFeatures.MissingOnly && Options.ErrorOnNew)
        {
            var set = _indicated.ToHashSet();
            for (int j = 0; j < cols.Length; j++)
                if (!set.Contains(j) && cols[j].MissingCount() > 0)
                    throw new InvalidInputException(
                        $"MissingIndicator: column '{_names[j]}' has missing values but had none at fit, so it has no indicator; refit on data with missing values there, use features = all, or error_on_new = false.",
                        column: _names[j]);
        }
        var output = new double[_indicated.Length][];
        for (int k = 0; k < output.Length; k++)
        {
            var c = cols[_indicated[k]];
            var o = new double[x.RowCount];
            for (int i = 0; i < o.Length; i++) o[i] = c.IsMissing(i) ? 1.0 : 0.0;
            output[k] = o;
        }
        return NumericColumns.ToFrame(_namesOut, output);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteInts("indicated", _indicated);
    }

    internal static MissingIndicatorModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<MissingIndicator>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var indicated = reader.ReadInts("indicated");
        if (indicated.Any(j => j < 0 || j >= names.Length)) throw new ModelFormatException("The model file is damaged or was not written by Fathom: an indicated column out of range.");
        return new MissingIndicatorModel(options, names, kinds, indicated);
    }
}
