namespace Fathom.Core;

/// <summary>Maps labels to the classes that actually occur, as classifiers need them before fitting.</summary>
internal static class ClassCodes
{
    /// <summary>The classes that occur in <paramref name="y"/> (sorted, as <see cref="ClassLabels"/> keeps them) and each
    /// row's index among them. O(n + classes).</summary>
    /// <exception cref="InvalidInputException">Fewer than two classes occur; the message starts with <paramref name="name"/>.</exception>
    public static (string[] Classes, int[] Codes) Present(ClassLabels y, string name)
    {
        ArgumentNullException.ThrowIfNull(y);
        var counts = y.ClassCounts();
        var remap = new int[counts.Length];
        var classes = new List<string>();
        for (int c = 0; c < counts.Length; c++)
        {
            remap[c] = counts[c] > 0 ? classes.Count : -1;
            if (counts[c] > 0) classes.Add(y.Classes[c]);
        }
        if (classes.Count < 2)
            throw new InvalidInputException(
                $"{name}: the labels hold only one class ('{(classes.Count > 0 ? classes[0] : "")}'); a classifier needs rows of at least two classes.");
        var codes = new int[y.Count];
        var src = y.Codes;
        for (int i = 0; i < codes.Length; i++) codes[i] = remap[src[i]];
        return (classes.ToArray(), codes);
    }
}
