using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="SimpleImputer"/>. Numeric and boolean columns come out numeric with NaN replaced by
/// <see cref="Statistics"/>; text columns come out text with null replaced by <see cref="TextStatistics"/>.
/// Output columns keep the input names. Immutable and thread-safe.
/// </summary>
public sealed class SimpleImputerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _stats;
    private readonly string?[] _textStats;

    internal SimpleImputerModel(SimpleImputer options, string[] names, ColumnKind[] kinds, double[] stats, string?[] textStats)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _stats = stats;
        _textStats = textStats;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public SimpleImputer Options { get; }

    /// <summary>Fill value of each numeric or boolean column (NaN at text columns).</summary>
    public IReadOnlyList<double> Statistics => _stats;

    /// <summary>Fill value of each text column (null at numeric and boolean columns).</summary>
    public IReadOnlyList<string?> TextStatistics => _textStats;

    /// <summary>Kind of each input column at fit.</summary>
    public IReadOnlyList<ColumnKind> FeatureKindsIn => _kinds;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "simple-imputer";

    /// <summary>Fills the missing values of the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = FrameInput.Resolve(x, _names, _kinds, "SimpleImputer");
        var outCols = new DataColumn[cols.Length];
        for (int j = 0; j < cols.Length; j++)
        {
            if (cols[j] is TextColumn tc)
            {
                var v = tc.Values;
                var o = new string?[v.Length];
                string fill = _textStats[j]!;
                for (int i = 0; i < o.Length; i++) o[i] = v[i] ?? fill;
                outCols[j] = new TextColumn(_names[j], o);
            }
            else
            {
                var v = FrameInput.Numbers(cols[j]);
                var o = new double[v.Length];
                double fill = _stats[j];
                for (int i = 0; i < o.Length; i++) o[i] = double.IsNaN(v[i]) ? fill : v[i];
                outCols[j] = new NumericColumn(_names[j], o);
            }
        }
        return new DataFrame(outCols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("statistics", _stats);
        writer.WriteStrings("text_statistics", _textStats);
    }

    internal static SimpleImputerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<SimpleImputer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int p = names.Length;
        var stats = reader.ReadDoubles("statistics", p);
        var text = reader.ReadStrings("text_statistics", p);
        for (int j = 0; j < p; j++)
            if (kinds[j] == ColumnKind.Text ? text[j] is null : !FrameInput.IsNumberLike(kinds[j]))
                throw new ModelFormatException($"The model file is damaged or was not written by Fathom: the imputer has no fill value for column '{names[j]}'.");
        return new SimpleImputerModel(options, names, kinds, stats, text);
    }
}
