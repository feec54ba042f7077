using System.Globalization;

namespace Fathom.Core;

/// <summary>
/// Class labels of a classification problem: the sorted distinct class names and, for each sample, the
/// index of its class. Classes are sorted the way scikit-learn sorts them (numerically for numbers,
/// ordinally for text), so class <c>k</c> here is <c>classes_[k]</c> there and coefficient rows line up.
/// </summary>
public sealed class ClassLabels
{
    private readonly int[] _codes;
    private readonly string[] _classes;

    private ClassLabels(string[] classes, int[] codes, LabelKind kind)
    {
        _classes = classes;
        _codes = codes;
        Kind = kind;
    }

    /// <summary>Distinct class names in sorted order.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>For each sample, the index into <see cref="Classes"/> of its class.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>Number of samples.</summary>
    public int Count => _codes.Length;

    /// <summary>Number of distinct classes.</summary>
    public int ClassCount => _classes.Length;

    /// <summary>The type the labels arrived as.</summary>
    public LabelKind Kind { get; }

    /// <summary>Number of samples in each class, indexed like <see cref="Classes"/>.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[_classes.Length];
        foreach (int c in _codes) counts[c]++;
        return counts;
    }

    /// <summary>Labels from text. Missing (null or empty) labels are rejected naming the row.</summary>
    public static ClassLabels FromStrings(IReadOnlyList<string?> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        for (int i = 0; i < labels.Count; i++)
            if (string.IsNullOrEmpty(labels[i]))
                throw new InvalidInputException($"Label at row {i} is missing; drop rows with a missing target first.", i);
        var classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()!;
        return Encode(labels!, classes!, LabelKind.Text);
    }

    /// <summary>Labels from integers, ordered numerically.</summary>
    public static ClassLabels FromInts(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var distinct = labels.Distinct().Order().ToArray();
        var classes = distinct.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        var index = new Dictionary<int, int>(distinct.Length);
        for (int k = 0; k < distinct.Length; k++) index[distinct[k]] = k;
        var codes = new int[labels.Count];
        for (int i = 0; i < codes.Length; i++) codes[i] = index[labels[i]];
        return new ClassLabels(classes, codes, LabelKind.Integer);
    }

    /// <summary>Labels from doubles, ordered numerically; NaN is rejected naming the row. Whole numbers
    /// are named without a decimal point ("1", not "1.0").</summary>
    public static ClassLabels FromDoubles(IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        for (int i = 0; i < labels.Count; i++)
            if (!double.IsFinite(labels[i]))
                throw new InvalidInputException($"Label at row {i} is {labels[i]}; labels must be finite numbers.", i);
        var distinct = labels.Distinct().Order().ToArray();
        var classes = distinct.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
        var index = new Dictionary<double, int>(distinct.Length);
        for (int k = 0; k < distinct.Length; k++) index[distinct[k]] = k;
        var codes = new int[labels.Count];
        for (int i = 0; i < codes.Length; i++) codes[i] = index[labels[i]];
        return new ClassLabels(classes, codes, LabelKind.Real);
    }

    /// <summary>Labels from booleans (classes "False", "True").</summary>
    public static ClassLabels FromBools(IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var present = new[] { labels.Contains(false), labels.Contains(true) };
        var classes = new List<string>();
        if (present[0]) classes.Add("False");
        if (present[1]) classes.Add("True");
        var codes = new int[labels.Count];
        int trueCode = present[0] ? 1 : 0;
        for (int i = 0; i < codes.Length; i++) codes[i] = labels[i] ? trueCode : 0;
        return new ClassLabels(classes.ToArray(), codes, LabelKind.Boolean);
    }

    /// <summary>Labels given directly as codes into a known, already ordered class list (used when
    /// reloading a model or subsetting rows). Every code must index <paramref name="classes"/>.</summary>
    public static ClassLabels FromCodes(IReadOnlyList<string> classes, ReadOnlySpan<int> codes, LabelKind kind)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var copy = codes.ToArray();
        for (int i = 0; i < copy.Length; i++)
            if ((uint)copy[i] >= (uint)classes.Count)
                throw new InvalidInputException($"Label code {copy[i]} at row {i} is outside 0..{classes.Count - 1}.", i);
        return new ClassLabels(classes.ToArray(), copy, kind);
    }

    /// <summary>The labels of the given rows, keeping the full class list (so codes stay comparable).</summary>
    public ClassLabels Subset(ReadOnlySpan<int> rows)
    {
        var codes = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++) codes[i] = _codes[rows[i]];
        return new ClassLabels(_classes, codes, Kind);
    }

    /// <summary>Index of class <paramref name="name"/> in <see cref="Classes"/>, or -1.</summary>
    public int IndexOf(string name) => Array.IndexOf(_classes, name);

    /// <summary>Labels from text.</summary>
    public static implicit operator ClassLabels(string[] labels) => FromStrings(labels);

    /// <summary>Labels from integers.</summary>
    public static implicit operator ClassLabels(int[] labels) => FromInts(labels);

    /// <summary>Labels from doubles.</summary>
    public static implicit operator ClassLabels(double[] labels) => FromDoubles(labels);

    private static ClassLabels Encode(IReadOnlyList<string> labels, string[] classes, LabelKind kind)
    {
        var index = new Dictionary<string, int>(classes.Length, StringComparer.Ordinal);
        for (int k = 0; k < classes.Length; k++) index[classes[k]] = k;
        var codes = new int[labels.Count];
        for (int i = 0; i < codes.Length; i++) codes[i] = index[labels[i]];
        return new ClassLabels(classes, codes, kind);
    }
}
