using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Data;

/// <summary>
/// A table of named, typed columns of equal length (column-major). Immutable: every operation returns a
/// new frame, sharing unchanged columns. Reading and writing files: <c>CsvReader</c> and
/// <c>CsvWriter</c>.
/// </summary>
public sealed class DataFrame
{
    private readonly DataColumn[] _columns;
    private readonly Dictionary<string, int> _index;

    /// <summary>Builds a frame from columns; names must be distinct and lengths equal.</summary>
    /// <exception cref="InvalidInputException">Duplicate names or unequal lengths.</exception>
    public DataFrame(IEnumerable<DataColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
        _index = new Dictionary<string, int>(_columns.Length, StringComparer.Ordinal);
        for (int j = 0; j < _columns.Length; j++)
        {
            var c = _columns[j];
            if (!_index.TryAdd(c.Name, j))
                throw new InvalidInputException($"Column name '{c.Name}' appears more than once; column names must be unique.", column: c.Name);
            if (c.Length != _columns[0].Length)
                throw new InvalidInputException(
                    $"Column '{c.Name}' has {c.Length} rows but column '{_columns[0].Name}' has {_columns[0].Length}; all columns need the same length.",
                    column: c.Name);
        }
    }

    /// <summary>Number of rows.</summary>
    public int RowCount => _columns.Length == 0 ? 0 : _columns[0].Length;

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<DataColumn> Columns => _columns;

    /// <summary>The column names in order.</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToArray();

    /// <summary>Column at position <paramref name="index"/>.</summary>
    public DataColumn this[int index] => _columns[index];

    /// <summary>Column named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidInputException">No such column (the message lists the ones there are).</exception>
    public DataColumn this[string name] => _columns[IndexOf(name)];

    /// <summary>True when a column of that name exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>Position of column <paramref name="name"/>.</summary>
    /// <exception cref="InvalidInputException">No such column.</exception>
    public int IndexOf(string name)
    {
        if (_index.TryGetValue(name, out int j)) return j;
        var known = string.Join(", ", _columns.Take(20).Select(c => $"'{c.Name}'")) + (_columns.Length > 20 ? ", …" : "");
        throw new InvalidInputException($"There is no column named '{name}'. Columns are: {known}.", column: name);
    }

    /// <summary>A frame with only the named columns, in the given order.</summary>
    public DataFrame Select(params string[] names) => new(names.Select(n => this[n]));

    /// <summary>A frame without the named columns (each must exist).</summary>
    public DataFrame Drop(params string[] names)
    {
        var drop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names) { IndexOf(n); drop.Add(n); }
        return new DataFrame(_columns.Where(c => !drop.Contains(c.Name)));
    }

    /// <summary>A frame with the given rows, in the given order.</summary>
    public DataFrame Take(ReadOnlySpan<int> rows)
    {
        var cols = new DataColumn[_columns.Length];
        for (int j = 0; j < cols.Length; j++) cols[j] = _columns[j].Take(rows);
        return new DataFrame(cols);
    }

    /// <summary>The first <paramref name="count"/> rows (fewer if the frame is shorter).</summary>
    public DataFrame Head(int count = 5)
    {
        int n = Math.Min(Math.Max(count, 0), RowCount);
        return Take(Enumerable.Range(0, n).ToArray());
    }

    /// <summary>A frame with <paramref name="column"/> added, or replacing the column of the same name.</summary>
    public DataFrame WithColumn(DataColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var cols = _columns.ToList();
        if (_index.TryGetValue(column.Name, out int j)) cols[j] = column;
        else cols.Add(column);
        return new DataFrame(cols);
    }

    /// <summary>
    /// The numeric view as a new row-major matrix: numeric columns as they are (NaN for missing), boolean
    /// columns as 0/1 (NaN for missing). Text and date columns are rejected: encode them first.
    /// </summary>
    /// <exception cref="InvalidInputException">A column is text or date.</exception>
    public Matrix ToMatrix()
    {
        var m = new Matrix(RowCount, _columns.Length);
        var data = m.Storage;
        int p = _columns.Length;
        for (int j = 0; j < p; j++)
        {
            switch (_columns[j])
            {
                case NumericColumn nc:
                    {
                        var v = nc.Values;
                        for (int i = 0; i < v.Length; i++) data[i * p + j] = v[i];
                        break;
                    }
                case BoolColumn bc:
                    {
                        var v = bc.Values;
                        for (int i = 0; i < v.Length; i++) data[i * p + j] = v[i] is bool b ? (b ? 1.0 : 0.0) : double.NaN;
                        break;
                    }
                default:
                    throw new InvalidInputException(
                        $"Column '{_columns[j].Name}' is {_columns[j].Kind.ToString().ToLowerInvariant()}, not numeric; encode it (e.g. OneHotEncoder) or drop it before converting to a matrix.",
                        column: _columns[j].Name);
            }
        }
        return m;
    }

    /// <summary>A frame of numeric columns from a matrix; names default to <c>x0, x1, …</c>.</summary>
    public static DataFrame FromMatrix(Matrix matrix, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (names is not null && names.Count != matrix.Columns)
            throw new InvalidInputException($"Got {names.Count} column names for a matrix with {matrix.Columns} columns.");
        var cols = new DataColumn[matrix.Columns];
        for (int j = 0; j < cols.Length; j++)
            cols[j] = new NumericColumn(names?[j] ?? $"x{j}", matrix.Column(j));
        return new DataFrame(cols);
    }

    /// <summary>The rows where <paramref name="mask"/> is true (length must equal <see cref="RowCount"/>).</summary>
    /// <exception cref="InvalidInputException">The mask has the wrong length.</exception>
    public DataFrame Filter(ReadOnlySpan<bool> mask)
    {
        if (mask.Length != RowCount)
            throw new InvalidInputException($"The row mask has {mask.Length} values but the frame has {RowCount} rows; give one value per row.");
        var rows = new List<int>();
        for (int i = 0; i < mask.Length; i++) if (mask[i]) rows.Add(i);
        return Take(rows.ToArray());
    }

    /// <summary>The rows for which <paramref name="predicate"/> (given the 0-based row number) returns true,
    /// e.g. <c>frame.Filter(i =&gt; !frame["age"].IsMissing(i))</c>.</summary>
    public DataFrame Filter(Func<int, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var rows = new List<int>();
        for (int i = 0; i < RowCount; i++) if (predicate(i)) rows.Add(i);
        return Take(rows.ToArray());
    }

    /// <summary>
    /// Summary statistics per column, as pandas' <c>describe(include="all")</c>: for numeric columns count,
    /// missing, mean, sample std (ddof = 1), min, 25/50/75% (linear interpolation) and max; for text, boolean
    /// and date columns count, missing, unique, top and its frequency (dates also first and last).
    /// </summary>
    public DataFrameDescription Describe() => DataFrameDescription.Of(this);

    /// <summary>
    /// A readable text table: a header of column names, row numbers on the left, numbers to 6 significant
    /// digits, missing values as <c>NA</c>, long cells cut with "…"; when there are more than
    /// <paramref name="maxRows"/> rows, the first and last rows with a <c>...</c> row between; then the
    /// size, e.g. <c>[150 rows x 5 columns]</c>.
    /// </summary>
    public string Format(int maxRows = 10) => DataFrameFormatter.Format(this, maxRows);

    /// <summary>The table of <see cref="Format"/> with at most 10 rows.</summary>
    public override string ToString() => Format(10);
}
