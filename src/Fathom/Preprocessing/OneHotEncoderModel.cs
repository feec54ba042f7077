using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="OneHotEncoder"/>: for each input column, one numeric 0/1 output column per kept
/// category, named <c>column_category</c>, in input-column then category order. Immutable and thread-safe.
/// </summary>
public sealed class OneHotEncoderModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[][] _categories;
    private readonly int[] _drop;
    private readonly string[] _namesOut;
    private readonly Dictionary<string, int>[] _textIndex;
    private readonly Dictionary<double, int>[] _numberIndex;
    private readonly int[] _offset;
    private readonly bool[][] _infrequent;
    private readonly int[][] _slot; // output position of each category within its column (−1: dropped)
    private readonly int[] _infrequentSlot; // output position of the column's infrequent group, or −1

    internal OneHotEncoderModel(OneHotEncoder options, string[] names, ColumnKind[] kinds, string[][] categories, int[] drop, bool[][]? infrequent = null)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _categories = categories;
        _drop = drop;
        int p = names.Length;
        _textIndex = new Dictionary<string, int>[p];
        _numberIndex = new Dictionary<double, int>[p];
        _offset = new int[p + 1];
        _infrequent = infrequent ?? categories.Select(c => new bool[c.Length]).ToArray();
        _slot = new int[p][];
        _infrequentSlot = new int[p];
        var namesOut = new List<string>();
        for (int j = 0; j < p; j++)
        {
            _textIndex[j] = new Dictionary<string, int>(StringComparer.Ordinal);
            _numberIndex[j] = new Dictionary<double, int>();
            _slot[j] = new int[categories[j].Length];
            for (int k = 0; k < categories[j].Length; k++)
            {
                _textIndex[j][categories[j][k]] = k;
                if (kinds[j] == ColumnKind.Numeric)
                    _numberIndex[j][double.Parse(categories[j][k], NumberStyles.Float, CultureInfo.InvariantCulture)] = k;
                _slot[j][k] = -1;
                if (k != drop[j] && !_infrequent[j][k])
                {
                    _slot[j][k] = namesOut.Count;
                    namesOut.Add(names[j] + "_" + categories[j][k]);
                }
            }
            _infrequentSlot[j] = -1;
            if (_infrequent[j].Any(b => b))
            {
                _infrequentSlot[j] = namesOut.Count;
                namesOut.Add(names[j] + "_infrequent_sklearn");
                for (int k = 0; k < categories[j].Length; k++) if (_infrequent[j][k]) _slot[j][k] = _infrequentSlot[j];
            }
            _offset[j + 1] = namesOut.Count;
        }
        _namesOut = namesOut.ToArray();
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public OneHotEncoder Options { get; }

    /// <summary>The sorted categories of each input column, as text (numbers in invariant round-trip form,
    /// booleans as False/True), including any dropped one.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories => _categories;

    /// <summary>For each input column, the index into its <see cref="Categories"/> of the dropped category, or
    /// null when none is dropped (scikit-learn's <c>drop_idx_</c>).</summary>
    public IReadOnlyList<int?> DroppedCategory => _drop.Select(d => d < 0 ? (int?)null : d).ToArray();

    /// <summary>For each input column, the categories grouped as infrequent (empty when none).</summary>
    public IReadOnlyList<IReadOnlyList<string>> InfrequentCategories =>
        _categories.Select((c, j) => (IReadOnlyList<string>)c.Where((_, k) => _infrequent[j][k]).ToArray()).ToArray();

    /// <summary>Kind of each input column at fit.</summary>
    public IReadOnlyList<ColumnKind> FeatureKindsIn => _kinds;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _namesOut;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "one-hot-encoder";

    /// <summary>Encodes the fitted columns (looked up by name). An unseen category or a missing value gives
    /// all zeros for that column with handle_unknown = ignore, and an error otherwise; a row whose value is the
    /// dropped category is all zeros too. O(n·p) plus the output size.</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an unseen category
    /// or missing value with handle_unknown = error (names the column, row and value).</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = FrameInput.Resolve(x, _names, _kinds, "OneHotEncoder");
        int n = x.RowCount;
        var outData = new double[_namesOut.Length][];
        for (int k = 0; k < outData.Length; k++) outData[k] = new double[n];
        bool error = Options.HandleUnknown == UnknownCategoryHandling.Error;
        bool toInfrequent = Options.HandleUnknown == UnknownCategoryHandling.InfrequentIfExist;
        for (int j = 0; j < cols.Length; j++)
        {
            var c = cols[j];
            for (int i = 0; i < n; i++)
            {
                int cat = Lookup(j, c, i);
                if (cat < 0)
                {
                    if (toInfrequent && _infrequentSlot[j] >= 0) { outData[_infrequentSlot[j]][i] = 1.0; continue; }
                    if (!error) continue;
                    string? shown = c.Format(i);
                    throw new InvalidInputException(shown is null
                        ? $"OneHotEncoder: column '{c.Name}' has a missing value at row {i}; impute it first or use handle_unknown = ignore."
                        : $"OneHotEncoder: column '{c.Name}' has category '{shown}' at row {i}, which was not seen at fit; use handle_unknown = ignore to encode unseen categories as all zeros.",
                        i, c.Name);
                }
                int pos = _slot[j][cat];
                if (pos >= 0) outData[pos][i] = 1.0;
            }
        }
        var outCols = new DataColumn[_namesOut.Length];
        for (int k = 0; k < outCols.Length; k++) outCols[k] = new NumericColumn(_namesOut[k], outData[k]);
        return new DataFrame(outCols);
    }

    private int Lookup(int j, DataColumn c, int i)
    {
        switch (c)
        {
            case NumericColumn nc:
                {
                    double d = nc[i];
                    if (double.IsNaN(d)) return -1;
                    return _numberIndex[j].TryGetValue(d == 0 ? 0.0 : d, out int k) ? k : -1;
                }
            case BoolColumn bc:
                {
                    if (bc[i] is not bool b) return -1;
                    return _textIndex[j].TryGetValue(b ? "True" : "False", out int k) ? k : -1;
                }
            default:
                {
                    var s = ((TextColumn)c)[i];
                    if (s is null) return -1;
                    return _textIndex[j].TryGetValue(s, out int k) ? k : -1;
                }
        }
    }

    /// <summary>Invariant shortest round-trip text of a numeric category.</summary>
    internal static string FormatNumber(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteInts("category_counts", _categories.Select(c => c.Length).ToArray());
        writer.WriteStrings("categories", _categories.SelectMany(c => c).ToArray());
        writer.WriteInts("drop", _drop);
        if (Options.MinFrequency is not null || Options.MaxCategories is not null)
            writer.WriteInts("infrequent", _infrequent.SelectMany(m => m).Select(b => b ? 1 : 0).ToArray());
    }

    internal static OneHotEncoderModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<OneHotEncoder>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int p = names.Length;
        var counts = reader.ReadInts("category_counts", p);
        long total = 0;
        foreach (int k in counts)
        {
            if (k < 0) throw new ModelFormatException("The model file is damaged or was not written by Fathom: a negative category count.");
            total += k;
        }
        var flat = FrameInput.NonNull(reader.ReadStrings("categories", checked((int)total)), "categories");
        var drop = reader.ReadInts("drop", p);
        var cats = new string[p][];
        int at = 0;
        for (int j = 0; j < p; j++)
        {
            cats[j] = flat[at..(at + counts[j])];
            at += counts[j];
            if (drop[j] < -1 || drop[j] >= counts[j])
                throw new ModelFormatException($"The model file is damaged or was not written by Fathom: dropped category {drop[j]} of column '{names[j]}' is out of range.");
            if (kinds[j] == ColumnKind.DateTime)
                throw new ModelFormatException($"The model file is damaged or was not written by Fathom: column '{names[j]}' has a kind the encoder does not take.");
        }
        bool[][]? infrequent = null;
        if (options.MinFrequency is not null || options.MaxCategories is not null)
        {
            var flags = reader.ReadInts("infrequent", checked((int)total));
            infrequent = new bool[p][];
            at = 0;
            for (int j = 0; j < p; j++) { infrequent[j] = flags[at..(at + counts[j])].Select(v => v != 0).ToArray(); at += counts[j]; }
        }
        return new OneHotEncoderModel(options, names, kinds, cats, drop, infrequent);
    }
}
