using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// The sorted categories of one column and the lookup of a cell's category index — shared by the ordinal and
/// target encoders. Categories are sorted as scikit-learn sorts them (numbers numerically, text ordinally,
/// false before true) and kept as text (numbers in invariant round-trip form, booleans False/True). Missing
/// cells are not a category: <see cref="Lookup"/> returns −2 for them and −1 for an unseen category.
/// </summary>
internal sealed class CategoryMap
{
    private readonly Dictionary<string, int> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<double, int> _numbers = new();

    internal CategoryMap(ColumnKind kind, string[] categories)
    {
        Kind = kind;
        Categories = categories;
        for (int k = 0; k < categories.Length; k++)
        {
            _text[categories[k]] = k;
            if (kind == ColumnKind.Numeric)
                _numbers[double.Parse(categories[k], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)] = k;
        }
    }

    internal ColumnKind Kind { get; }

    internal string[] Categories { get; }

    /// <summary>Learns the categories of a text, numeric or boolean column.</summary>
    /// <exception cref="InvalidInputException">A date column or an infinite number (named).</exception>
    internal static CategoryMap Learn(DataColumn c, string who)
    {
        switch (c)
        {
            case NumericColumn nc:
                {
                    var set = new SortedSet<double>();
                    foreach (double d in nc.Values)
                    {
                        if (double.IsNaN(d)) continue;
                        if (double.IsInfinity(d))
                            throw new InvalidInputException($"{who}: column '{c.Name}' holds an infinite value; replace it first.", column: c.Name);
                        set.Add(d == 0 ? 0.0 : d);
                    }
                    return new CategoryMap(ColumnKind.Numeric, set.Select(OneHotEncoderModel.FormatNumber).ToArray());
                }
            case BoolColumn bc:
                {
                    bool f = false, t = false;
                    foreach (var b in bc.Values) { if (b == false) f = true; else if (b == true) t = true; }
                    var cats = new List<string>(2);
                    if (f) cats.Add("False");
                    if (t) cats.Add("True");
                    return new CategoryMap(ColumnKind.Boolean, cats.ToArray());
                }
            case TextColumn tc:
                return new CategoryMap(ColumnKind.Text, tc.Categories());
            default:
                throw new InvalidInputException(
                    $"{who}: column '{c.Name}' is {FrameInput.KindName(c.Kind)}; it encodes text, numeric and boolean columns. Turn dates into numbers first (DateTimeFeatures).",
                    column: c.Name);
        }
    }

    /// <summary>The category index of row <paramref name="i"/>: ≥ 0 when known, −1 unseen, −2 missing.</summary>
    internal int Lookup(DataColumn c, int i)
    {
        switch (c)
        {
            case NumericColumn nc:
                {
                    double d = nc[i];
                    if (double.IsNaN(d)) return -2;
                    return _numbers.TryGetValue(d == 0 ? 0.0 : d, out int k) ? k : -1;
                }
            case BoolColumn bc:
                if (bc[i] is not bool b) return -2;
                return _text.TryGetValue(b ? "True" : "False", out int kb) ? kb : -1;
            default:
                {
                    var s = ((TextColumn)c)[i];
                    if (s is null) return -2;
                    return _text.TryGetValue(s, out int k) ? k : -1;
                }
        }
    }

    /// <summary>Category indices of every row (−1 unseen, −2 missing).</summary>
    internal int[] Codes(DataColumn c)
    {
        var codes = new int[c.Length];
        for (int i = 0; i < codes.Length; i++) codes[i] = Lookup(c, i);
        return codes;
    }

    /// <summary>Writes the category lists of several columns.</summary>
    internal static void Write(Persistence.ModelWriter writer, CategoryMap[] maps)
    {
        writer.WriteInts("category_counts", maps.Select(m => m.Categories.Length).ToArray());
        writer.WriteStrings("categories", maps.SelectMany(m => m.Categories).ToArray());
    }

    /// <summary>Reads what <see cref="Write"/> wrote, for columns of the given kinds.</summary>
    internal static CategoryMap[] Read(Persistence.ModelReader reader, ColumnKind[] kinds)
    {
        var counts = reader.ReadInts("category_counts", kinds.Length);
        long total = 0;
        foreach (int k in counts)
        {
            if (k < 0) throw new ModelFormatException("The model file is damaged or was not written by Fathom: a negative category count.");
            total += k;
        }
        var flat = FrameInput.NonNull(reader.ReadStrings("categories", checked((int)total)), "categories");
        var maps = new CategoryMap[kinds.Length];
        int at = 0;
        for (int j = 0; j < kinds.Length; j++)
        {
            if (kinds[j] == ColumnKind.DateTime)
                throw new ModelFormatException("The model file is damaged or was not written by Fathom: an encoded date column.");
            maps[j] = new CategoryMap(kinds[j], flat[at..(at + counts[j])]);
            at += counts[j];
        }
        return maps;
    }
}
