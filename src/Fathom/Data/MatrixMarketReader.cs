using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Data;

/// <summary>
/// Reads a sparse matrix in the Matrix Market coordinate format (as SciPy's <c>scipy.io.mmread</c> for sparse files):
/// a banner <c>%%MatrixMarket matrix coordinate real|integer|pattern general|symmetric|skew-symmetric</c>, comment
/// lines starting with <c>%</c>, a size line <c>rows columns entries</c>, then one <c>row column [value]</c> line per
/// entry with 1-based indices. Duplicates are summed; symmetric and skew-symmetric files store one triangle, which is
/// mirrored (with the sign flipped for skew-symmetric); pattern entries are 1. O(file size + nnz).
/// </summary>
public static class MatrixMarketReader
{
    /// <summary>Reads a file.</summary>
    /// <exception cref="DataFormatException">The banner, size line or an entry cannot be parsed; the message names the
    /// 1-based line.</exception>
    public static SparseMatrix Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads Matrix Market text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">A name for error messages.</param>
    /// <exception cref="DataFormatException">See <see cref="Read(string)"/>.</exception>
    public static SparseMatrix Read(TextReader reader, string source = "the Matrix Market data")
    {
        ArgumentNullException.ThrowIfNull(reader);
        long lineNo = 1;
        string banner = reader.ReadLine() ?? throw new DataFormatException($"{source} is empty; a Matrix Market file starts with a %%MatrixMarket line.", 1);
        var head = banner.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (head.Length != 5 || !head[0].Equals("%%MatrixMarket", StringComparison.OrdinalIgnoreCase) || !head[1].Equals("matrix", StringComparison.OrdinalIgnoreCase))
            throw new DataFormatException($"{source}, line 1: expected '%%MatrixMarket matrix coordinate <field> <symmetry>', got '{banner}'.", 1);
        if (!head[2].Equals("coordinate", StringComparison.OrdinalIgnoreCase))
            throw new DataFormatException($"{source}, line 1: the '{head[2]}' format is dense; only the sparse 'coordinate' format is read.", 1);
        string field = head[3].ToLowerInvariant(), symmetry = head[4].ToLowerInvariant();
        if (field is not ("real" or "integer" or "pattern"))
            throw new DataFormatException($"{source}, line 1: field '{head[3]}' is not supported; use real, integer or pattern.", 1);
        if (symmetry is not ("general" or "symmetric" or "skew-symmetric"))
            throw new DataFormatException($"{source}, line 1: symmetry '{head[4]}' is not supported; use general, symmetric or skew-symmetric.", 1);
        bool pattern = field == "pattern";
        string? line;
        int rows = -1, cols = -1;
        long declared = -1;
        var ri = new List<int>();
        var ci = new List<int>();
        var vs = new List<double>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var t = line.AsSpan().Trim();
            if (t.IsEmpty || t[0] == '%') continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (rows < 0)
            {
                if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out rows)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out cols)
                    || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out declared))
                    throw Error(source, lineNo, $"expected the size line 'rows columns entries', got '{line.Trim()}'");
                if (symmetry != "general" && rows != cols)
                    throw Error(source, lineNo, $"a {symmetry} matrix must be square, but the size is {rows} x {cols}");
                continue;
            }
            if (parts.Length != (pattern ? 2 : 3))
                throw Error(source, lineNo, $"expected '{(pattern ? "row column" : "row column value")}', got '{line.Trim()}'");
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i < 1 || i > rows)
                throw Error(source, lineNo, $"row '{parts[0]}' is not an integer in 1..{rows}");
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int j) || j < 1 || j > cols)
                throw Error(source, lineNo, $"column '{parts[1]}' is not an integer in 1..{cols}");
            double v = 1.0;
            if (!pattern && (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out v) || !double.IsFinite(v)))
                throw Error(source, lineNo, $"the value '{parts[2]}' is not a finite number");
            if (ri.Count >= declared)
                throw Error(source, lineNo, $"more entries than the {declared} the size line declares");
            ri.Add(i - 1);
            ci.Add(j - 1);
            vs.Add(v);
            if (symmetry != "general" && i != j)
            {
                ri.Add(j - 1);
                ci.Add(i - 1);
                vs.Add(symmetry == "symmetric" ? v : -v);
                declared++; // the mirrored entry is not counted in the file's total
            }
        }
        if (rows < 0) throw new DataFormatException($"{source} has no size line 'rows columns entries'.", lineNo);
        if (ri.Count != declared)
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{source} ends after {ri.Count} entries but its size line declares {declared}; the file may be truncated."), lineNo);
        return SparseMatrix.FromTriplets(rows, cols, ri.ToArray(), ci.ToArray(), vs.ToArray());
    }

    private static DataFormatException Error(string source, long line, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{source}, line {line}: {what}."), line);
}
