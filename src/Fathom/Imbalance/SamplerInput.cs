using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Imbalance;

/// <summary>Checks, target class sizes and output assembly shared by the samplers.</summary>
internal static class SamplerInput
{
    public static void Check(Matrix x, ClassLabels y, string name)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows == 0) throw new InvalidInputException($"{name}: there are no rows to resample.");
        if (y.Count != x.Rows) throw new InvalidInputException($"{name}: {y.Count} labels were given for {x.Rows} rows; give one label per row.");
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (!double.IsFinite(row[j]))
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"{name}: row {i}, column {j} is {row[j]}; impute missing values before resampling."), i, "x" + j.ToString(CultureInfo.InvariantCulture));
        }
        if (y.ClassCounts().Count(c => c > 0) < 2)
            throw new InvalidInputException($"{name}: the labels hold a single class; resampling needs at least two.");
    }

    /// <summary>
    /// Target size of each class: for over-sampling, the selected classes grow to the majority's size (or to
    /// ratio × majority for a binary <paramref name="ratio"/>); for under-sampling they shrink to the minority's.
    /// Classes not selected keep their size. Absent classes stay at 0.
    /// </summary>
    public static int[] Targets(int[] counts, SamplingStrategy strategy, double? ratio, bool over, string name)
    {
        var present = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToArray();
        int majority = present.Max(c => counts[c]), minority = present.Min(c => counts[c]);
        var targets = (int[])counts.Clone();
        if (ratio is { } r)
        {
            if (present.Length != 2)
                throw new InvalidHyperparameterException("ratio", $"{name}: a ratio applies to two classes; these labels hold {present.Length}. Use a sampling strategy instead.");
            if (!(r > 0 && r <= 1))
                throw new InvalidHyperparameterException("ratio", $"{name}: the ratio (minority / majority after resampling) must be in (0, 1]; {r} was given.");
            int minC = present.First(c => counts[c] == minority), majC = present.First(c => c != minC);
            if (over)
            {
                int want = (int)(r * counts[majC]);
                if (want < counts[minC])
                    throw new InvalidHyperparameterException("ratio", $"{name}: ratio {r} asks for fewer minority rows ({want}) than there are ({counts[minC]}); an over-sampler cannot remove rows.");
                targets[minC] = want;
            }
            else
            {
                int want = (int)(counts[minC] / r);
                if (want > counts[majC])
                    throw new InvalidHyperparameterException("ratio", $"{name}: ratio {r} asks for more majority rows ({want}) than there are ({counts[majC]}); an under-sampler cannot add rows.");
                targets[majC] = want;
            }
            return targets;
        }
        var chosen = strategy switch
        {
            SamplingStrategy.Minority => present.Where(c => counts[c] == minority).Take(1),
            SamplingStrategy.NotMajority => present.Where(c => c != present.First(k => counts[k] == majority)),
            SamplingStrategy.NotMinority => present.Where(c => c != present.First(k => counts[k] == minority)),
            SamplingStrategy.All => present,
            _ => over ? present.Where(c => c != present.First(k => counts[k] == majority)) : present.Where(c => c != present.First(k => counts[k] == minority)),
        };
        foreach (int c in chosen) targets[c] = over ? majority : minority;
        return targets;
    }

    /// <summary>Original rows first, then the new rows (given as source row, or −1 with synthetic values).</summary>
    public static SamplerResult Assemble(Matrix x, ClassLabels y, IReadOnlyList<int> keep, IReadOnlyList<(int Class, int Source, double[]? Values)> added)
    {
        int n = keep.Count + added.Count, p = x.Columns;
        var outX = new Matrix(n, p);
        var codes = new int[n];
        var source = new int[n];
        var yc = y.Codes;
        for (int r = 0; r < keep.Count; r++)
        {
            x.Row(keep[r]).CopyTo(outX.Row(r));
            codes[r] = yc[keep[r]];
            source[r] = keep[r];
        }
        for (int a = 0; a < added.Count; a++)
        {
            int r = keep.Count + a;
            var (cls, src, values) = added[a];
            if (values is null) x.Row(src).CopyTo(outX.Row(r)); else values.CopyTo(outX.Row(r));
            codes[r] = cls;
            source[r] = values is null ? src : -1;
        }
        return new SamplerResult(outX, ClassLabels.FromCodes(y.Classes, codes, y.Kind), source);
    }

    /// <summary>The rows of each class, in order.</summary>
    public static List<int>[] RowsByClass(ClassLabels y)
    {
        var rows = new List<int>[y.ClassCount];
        for (int c = 0; c < rows.Length; c++) rows[c] = [];
        var codes = y.Codes;
        for (int i = 0; i < codes.Length; i++) rows[codes[i]].Add(i);
        return rows;
    }
}
