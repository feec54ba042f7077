using Fathom.Core;

namespace Fathom.Metrics;

/// <summary>The contingency table of two labelings of the same rows: cell counts nᵢⱼ and the margins aᵢ, bⱼ. O(n).</summary>
internal sealed class Contingency
{
    private Contingency(Dictionary<(int, int), long> cells, long[] rows, long[] columns, long total)
    {
        Cells = cells;
        Rows = rows;
        Columns = columns;
        Total = total;
    }

    public Dictionary<(int A, int B), long> Cells { get; }
    public long[] Rows { get; }
    public long[] Columns { get; }
    public long Total { get; }

    public static Contingency Of(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new InvalidInputException($"The labelings have {a.Count} and {b.Count} rows; they must label the same rows.");
        var ia = Index(a);
        var ib = Index(b);
        var cells = new Dictionary<(int, int), long>();
        var rows = new long[ia.Count];
        var cols = new long[ib.Count];
        for (int i = 0; i < a.Count; i++)
        {
            int r = ia[a[i]], c = ib[b[i]];
            cells[(r, c)] = cells.GetValueOrDefault((r, c)) + 1;
            rows[r]++;
            cols[c]++;
        }
        return new Contingency(cells, rows, cols, a.Count);
    }

    /// <summary>Entropy −Σ (c/N) ln(c/N) of a margin (0 for a single group).</summary>
    public static double Entropy(long[] counts)
    {
        var nonzero = counts.Where(c => c > 0).ToArray();
        if (nonzero.Length <= 1) return 0;
        double total = nonzero.Sum(), logTotal = Math.Log(total), h = 0;
        foreach (long c in nonzero) h -= c / total * (Math.Log(c) - logTotal);
        return h;
    }

    private static Dictionary<int, int> Index(IReadOnlyList<int> labels)
    {
        var index = new Dictionary<int, int>();
        foreach (int l in labels.Distinct().Order()) index[l] = index.Count;
        return index;
    }
}
