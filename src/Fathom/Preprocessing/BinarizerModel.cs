using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>A fitted <see cref="Binarizer"/>: 1 where a value exceeds the threshold, else 0. Immutable and thread-safe.</summary>
public sealed class BinarizerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;

    internal BinarizerModel(Binarizer options, string[] names, ColumnKind[] kinds)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public Binarizer Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "binarizer";

    /// <summary>Thresholds the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; a missing or infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "Binarizer", allowMissing: false);
        foreach (var v in cols)
            for (int i = 0; i < v.Length; i++) v[i] = v[i] > Options.Threshold ? 1.0 : 0.0;
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
    }

    internal static BinarizerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<Binarizer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        return new BinarizerModel(options, names, kinds);
    }
}
