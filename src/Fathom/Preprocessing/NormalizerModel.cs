using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>A fitted <see cref="Normalizer"/>: divides each row of the fitted columns by its norm. Immutable and thread-safe.</summary>
public sealed class NormalizerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;

    internal NormalizerModel(Normalizer options, string[] names, ColumnKind[] kinds)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _sumOrder = Enumerable.Range(0, names.Length).OrderBy(j => names[j], StringComparer.Ordinal).ToArray();
    }

    // Norms are summed over the columns in name order, so fitting on the same columns in another order gives
    // bit-identical output.
    private readonly int[] _sumOrder;

    /// <summary>The hyperparameters it was fitted with.</summary>
    public Normalizer Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "normalizer";

    /// <summary>Normalizes each row over the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; a missing or infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "Normalizer", allowMissing: false);
        int n = x.RowCount, p = cols.Length;
        for (int i = 0; i < n; i++)
        {
            double norm = 0;
            foreach (int j in _sumOrder)
            {
                double v = cols[j][i];
                switch (Options.Norm)
                {
                    case NormKind.L1: norm += Math.Abs(v); break;
                    case NormKind.L2: norm += v * v; break;
                    default: norm = Math.Max(norm, Math.Abs(v)); break;
                }
            }
            if (Options.Norm == NormKind.L2) norm = Math.Sqrt(norm);
            if (norm < 10 * 2.220446049250313e-16) norm = 1.0; // scikit-learn's _handle_zeros_in_scale
            for (int j = 0; j < p; j++) cols[j][i] /= norm;
        }
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
    }

    internal static NormalizerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<Normalizer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        return new NormalizerModel(options, names, kinds);
    }
}
