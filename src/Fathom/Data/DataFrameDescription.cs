using System.Globalization;
using System.Text;

namespace Fathom.Data;

/// <summary>
/// Per-column summary statistics of a <see cref="DataFrame"/> (see <see cref="DataFrame.Describe"/>);
/// <see cref="ToString"/> prints them as a table with one column per frame column, like pandas.
/// </summary>
public sealed class DataFrameDescription
{
    private readonly ColumnDescription[] _columns;

    internal DataFrameDescription(ColumnDescription[] columns) => _columns = columns;

    /// <summary>One description per column, in frame order.</summary>
    public IReadOnlyList<ColumnDescription> Columns => _columns;

    /// <summary>The description of the column named <paramref name="name"/>.</summary>
    /// <exception cref="Core.InvalidInputException">No such column.</exception>
    public ColumnDescription this[string name] =>
        _columns.FirstOrDefault(c => c.Name == name)
        ?? throw new Core.InvalidInputException($"There is no column named '{name}' in this description.", column: name);

    /// <summary>Computes the description of <paramref name="frame"/>. O(n log n) per numeric column (sorting
    /// for the percentiles), O(n) per other column.</summary>
    internal static DataFrameDescription Of(DataFrame frame)
    {
        var result = new ColumnDescription[frame.ColumnCount];
        for (int j = 0; j < result.Length; j++) result[j] = Describe(frame[j]);
        return new DataFrameDescription(result);
    }

    private static ColumnDescription Describe(DataColumn column)
    {
        int missing = column.MissingCount();
        int count = column.Length - missing;
        if (column is NumericColumn nc)
        {
            var v = new double[count];
            int k = 0;
            foreach (double x in nc.Values) if (!double.IsNaN(x)) v[k++] = x;
            Array.Sort(v);
            double mean = double.NaN, std = double.NaN;
            if (count > 0)
            {
                double sum = 0;
                foreach (double x in v) sum += x;
                mean = sum / count;
                if (count > 1)
                {
                    double ss = 0;
                    foreach (double x in v) ss += (x - mean) * (x - mean);
                    std = Math.Sqrt(ss / (count - 1));
                }
            }
            return new ColumnDescription
            {
                Name = column.Name, Kind = column.Kind, Count = count, Missing = missing, Mean = mean, Std = std,
                Min = count > 0 ? v[0] : double.NaN, Q25 = Quantile(v, 0.25), Median = Quantile(v, 0.5), Q75 = Quantile(v, 0.75),
                Max = count > 0 ? v[^1] : double.NaN,
            };
        }
        var freq = new Dictionary<string, int>(StringComparer.Ordinal);
        string? top = null;
        int topCount = 0;
        DateTime? first = null, last = null;
        for (int i = 0; i < column.Length; i++)
        {
            string? s = column.Format(i);
            if (s is null) continue;
            int f = freq.TryGetValue(s, out int c0) ? c0 + 1 : 1;
            freq[s] = f;
            if (f > topCount) { topCount = f; top = s; }
            if (column is DateTimeColumn dc && dc[i] is DateTime d)
            {
                if (first is null || d < first) first = d;
                if (last is null || d > last) last = d;
            }
        }
        // Ties: the value that reached the top count first is kept above; pandas keeps the value seen
        // first among equals, so pick that one explicitly.
        if (top is not null)
        {
            for (int i = 0; i < column.Length; i++)
            {
                string? s = column.Format(i);
                if (s is not null && freq[s] == topCount) { top = s; break; }
            }
        }
        return new ColumnDescription
        {
            Name = column.Name, Kind = column.Kind, Count = count, Missing = missing, Unique = freq.Count, Top = top,
            Frequency = top is null ? null : topCount, First = first, Last = last,
        };
    }

    /// <summary>Linear-interpolation quantile of sorted values (numpy's default method).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double pos = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double t = pos - lo;
        double a = sorted[lo], b = sorted[hi];
        // numpy's _lerp: a + (b−a)·t, evaluated from the nearer end for t ≥ 0.5.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    /// <summary>A table: one row per statistic (count, missing, mean, std, min, 25%, 50%, 75%, max, unique,
    /// top, freq, first, last; rows that apply to no column are left out), one column per frame column.</summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        string Num(double? x) => x is double d ? (double.IsNaN(d) ? "NaN" : d.ToString("G6", ci)) : "";
        var stats = new (string Label, Func<ColumnDescription, string> Value)[]
        {
            ("count", c => c.Count.ToString(ci)),
            ("missing", c => c.Missing.ToString(ci)),
            ("mean", c => Num(c.Mean)), ("std", c => Num(c.Std)), ("min", c => Num(c.Min)), ("25%", c => Num(c.Q25)),
            ("50%", c => Num(c.Median)), ("75%", c => Num(c.Q75)), ("max", c => Num(c.Max)),
            ("unique", c => c.Unique?.ToString(ci) ?? ""), ("top", c => c.Top ?? ""), ("freq", c => c.Frequency?.ToString(ci) ?? ""),
            ("first", c => c.First is DateTime d ? DataFrameFormatter.FormatDate(d) : ""),
            ("last", c => c.Last is DateTime d ? DataFrameFormatter.FormatDate(d) : ""),
        };
        var rows = stats.Where(s => _columns.Any(c => s.Value(c).Length > 0)).ToArray();
        var cells = new string[rows.Length + 1][];
        cells[0] = ["", .. _columns.Select(c => c.Name)];
        for (int r = 0; r < rows.Length; r++)
            cells[r + 1] = [rows[r].Label, .. _columns.Select(c => DataFrameFormatter.Clip(rows[r].Value(c)))];
        var sb = new StringBuilder();
        DataFrameFormatter.AppendTable(sb, cells);
        return sb.ToString();
    }
}
