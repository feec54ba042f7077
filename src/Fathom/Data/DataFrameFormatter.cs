using System.Globalization;
using System.Text;

namespace Fathom.Data;

/// <summary>Plain-text tables of frames and descriptions (right-aligned, pandas-like).</summary>
internal static class DataFrameFormatter
{
    private const int MaxCellWidth = 24;

    public static string Format(DataFrame frame, int maxRows)
    {
        int n = frame.RowCount;
        int p = frame.ColumnCount;
        maxRows = Math.Max(maxRows, 2);
        int[] shown = n <= maxRows
            ? Enumerable.Range(0, n).ToArray()
            : [.. Enumerable.Range(0, maxRows / 2), -1, .. Enumerable.Range(n - (maxRows - maxRows / 2), maxRows - maxRows / 2)];
        var cells = new string[shown.Length + 1][];
        cells[0] = ["", .. frame.Columns.Select(c => Clip(c.Name))];
        for (int r = 0; r < shown.Length; r++)
        {
            int i = shown[r];
            var row = new string[p + 1];
            row[0] = i < 0 ? "..." : i.ToString(CultureInfo.InvariantCulture);
            for (int j = 0; j < p; j++) row[j + 1] = i < 0 ? "..." : Clip(Cell(frame[j], i));
            cells[r + 1] = row;
        }
        var sb = new StringBuilder();
        AppendTable(sb, cells);
        sb.Append(CultureInfo.InvariantCulture, $"[{n} rows x {p} columns]");
        return sb.ToString();
    }

    private static string Cell(DataColumn column, int row)
    {
        if (column.IsMissing(row)) return "NA";
        return column switch
        {
            NumericColumn nc => nc[row].ToString("G6", CultureInfo.InvariantCulture),
            DateTimeColumn dc => FormatDate(dc[row]!.Value),
            _ => column.Format(row) ?? "NA",
        };
    }

    public static string FormatDate(DateTime d) =>
        d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.Second == 0 && d.Millisecond == 0 ? d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Text cut to a readable width (with an ellipsis) and with line breaks shown as spaces.</summary>
    public static string Clip(string s)
    {
        s = s.Replace('\n', ' ').Replace('\r', ' ');
        return s.Length <= MaxCellWidth ? s : string.Concat(s.AsSpan(0, MaxCellWidth - 1), "…");
    }

    /// <summary>Appends rows of cells, each column right-aligned to its widest cell, two spaces apart.</summary>
    public static void AppendTable(StringBuilder sb, string[][] cells)
    {
        int p = cells[0].Length;
        var width = new int[p];
        foreach (var row in cells)
            for (int j = 0; j < p; j++) width[j] = Math.Max(width[j], row[j].Length);
        foreach (var row in cells)
        {
            for (int j = 0; j < p; j++)
            {
                if (j > 0) sb.Append("  ");
                sb.Append(row[j].PadLeft(width[j]));
            }
            sb.Append('\n');
        }
    }
}
