using Fathom.Core;

namespace Fathom.Numerics;

/// <summary>
/// A dense row-major matrix of <see cref="double"/>. Rows are contiguous spans; a matrix may be a view
/// into another one's storage (<see cref="RowRange"/>, <see cref="Slice"/>) without copying, in which
/// case <see cref="Stride"/> (the distance between the starts of two rows) can exceed <see cref="Columns"/>.
/// Element (i, j) lives at <c>Storage[Offset + i * Stride + j]</c>.
/// </summary>
/// <remarks>Not thread-safe for writes; any number of threads may read at once.</remarks>
public sealed class Matrix
{
    private readonly double[] _data;

    /// <summary>Creates a zero-filled matrix of the given shape.</summary>
    public Matrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        _data = new double[checked(rows * columns)];
        Rows = rows;
        Columns = columns;
        Stride = columns;
    }

    /// <summary>Wraps <paramref name="data"/> (row-major, length rows × columns) without copying.</summary>
    public Matrix(double[] data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != data.Length)
            throw new ArgumentException($"A {rows} x {columns} matrix needs {(long)rows * columns} values, got {data.Length}.", nameof(data));
        _data = data;
        Rows = rows;
        Columns = columns;
        Stride = columns;
    }

    private Matrix(double[] data, int offset, int rows, int columns, int stride)
    {
        _data = data;
        Offset = offset;
        Rows = rows;
        Columns = columns;
        Stride = stride;
    }

    /// <summary>Number of rows (samples).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; }

    /// <summary>Distance, in elements, between the starts of consecutive rows in <see cref="Storage"/>.</summary>
    public int Stride { get; }

    /// <summary>Index in <see cref="Storage"/> of element (0, 0).</summary>
    public int Offset { get; }

    /// <summary>The backing array (shared with views). Prefer <see cref="Row"/> and <see cref="AsSpan"/>.</summary>
    public double[] Storage => _data;

    /// <summary>True when the rows follow each other with no gap, so <see cref="AsSpan"/> is allowed.</summary>
    public bool IsContiguous => Stride == Columns || Rows <= 1;

    /// <summary>Gets or sets element (row, column).</summary>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
            if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column));
            return _data[Offset + row * Stride + column];
        }
        set
        {
            if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
            if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column));
            _data[Offset + row * Stride + column] = value;
        }
    }

    /// <summary>Row <paramref name="row"/> as a writable span of length <see cref="Columns"/>.</summary>
    public Span<double> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
        return _data.AsSpan(Offset + row * Stride, Columns);
    }

    /// <summary>All elements as one span; only for contiguous matrices (see <see cref="IsContiguous"/>).</summary>
    public Span<double> AsSpan()
    {
        if (!IsContiguous) throw new InvalidOperationException("This matrix view has gaps between rows; copy it with Clone() first.");
        return _data.AsSpan(Offset, Rows * Columns);
    }

    /// <summary>A view of rows [start, start + count) sharing storage. O(1).</summary>
    public Matrix RowRange(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Rows) throw new ArgumentOutOfRangeException(nameof(start));
        return new Matrix(_data, Offset + start * Stride, count, Columns, Stride);
    }

    /// <summary>A view of the block of <paramref name="rowCount"/> × <paramref name="columnCount"/> elements
    /// starting at (<paramref name="row"/>, <paramref name="column"/>), sharing storage. O(1).</summary>
    public Matrix Slice(int row, int column, int rowCount, int columnCount)
    {
        if (row < 0 || rowCount < 0 || row + rowCount > Rows) throw new ArgumentOutOfRangeException(nameof(row));
        if (column < 0 || columnCount < 0 || column + columnCount > Columns) throw new ArgumentOutOfRangeException(nameof(column));
        return new Matrix(_data, Offset + row * Stride + column, rowCount, columnCount, Stride);
    }

    /// <summary>A contiguous deep copy. O(rows × columns).</summary>
    public Matrix Clone()
    {
        var copy = new Matrix(Rows, Columns);
        for (int i = 0; i < Rows; i++) Row(i).CopyTo(copy.Row(i));
        return copy;
    }

    /// <summary>Copy of column <paramref name="column"/>.</summary>
    public double[] Column(int column)
    {
        if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column));
        var result = new double[Rows];
        for (int i = 0; i < Rows; i++) result[i] = _data[Offset + i * Stride + column];
        return result;
    }

    /// <summary>The transpose as a new contiguous matrix. O(rows × columns), cache-blocked.</summary>
    public Matrix Transpose()
    {
        var t = new Matrix(Columns, Rows);
        const int block = 32;
        var dst = t._data;
        for (int i0 = 0; i0 < Rows; i0 += block)
        {
            int i1 = Math.Min(i0 + block, Rows);
            for (int j0 = 0; j0 < Columns; j0 += block)
            {
                int j1 = Math.Min(j0 + block, Columns);
                for (int i = i0; i < i1; i++)
                {
                    int src = Offset + i * Stride;
                    for (int j = j0; j < j1; j++) dst[j * Rows + i] = _data[src + j];
                }
            }
        }
        return t;
    }

    /// <summary>A new matrix holding the given rows, in the given order (duplicates allowed).</summary>
    public Matrix SelectRows(ReadOnlySpan<int> rows)
    {
        var result = new Matrix(rows.Length, Columns);
        for (int i = 0; i < rows.Length; i++) Row(rows[i]).CopyTo(result.Row(i));
        return result;
    }

    /// <summary>A new matrix holding the given columns, in the given order.</summary>
    public Matrix SelectColumns(ReadOnlySpan<int> columns)
    {
        foreach (int c in columns)
            if ((uint)c >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(columns));
        var result = new Matrix(Rows, columns.Length);
        for (int i = 0; i < Rows; i++)
        {
            var src = Row(i);
            var dst = result.Row(i);
            for (int j = 0; j < columns.Length; j++) dst[j] = src[columns[j]];
        }
        return result;
    }

    /// <summary>Copies a 2-D array into a new matrix.</summary>
    public static Matrix FromArray(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = new Matrix(values.GetLength(0), values.GetLength(1));
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Columns; j++) m._data[i * m.Columns + j] = values[i, j];
        return m;
    }

    /// <summary>Copies jagged rows (all of one length) into a new matrix.</summary>
    /// <exception cref="InvalidInputException">A row's length differs from the first row's.</exception>
    public static Matrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int cols = rows.Count == 0 ? 0 : rows[0].Length;
        var m = new Matrix(rows.Count, cols);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != cols)
                throw new InvalidInputException($"Row {i} has {rows[i].Length} values but row 0 has {cols}; all rows need the same length.", i);
            rows[i].CopyTo(m._data, i * cols);
        }
        return m;
    }

    /// <summary>An n × n identity matrix.</summary>
    public static Matrix Identity(int n)
    {
        var m = new Matrix(n, n);
        for (int i = 0; i < n; i++) m._data[i * n + i] = 1.0;
        return m;
    }

    /// <summary>Copies this matrix into a new 2-D array.</summary>
    public double[,] ToArray()
    {
        var a = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++)
        {
            var r = Row(i);
            for (int j = 0; j < Columns; j++) a[i, j] = r[j];
        }
        return a;
    }

    /// <summary>Copies this matrix into jagged rows.</summary>
    public double[][] ToRows()
    {
        var a = new double[Rows][];
        for (int i = 0; i < Rows; i++) a[i] = Row(i).ToArray();
        return a;
    }

    /// <summary>Copies a 2-D array into a new matrix.</summary>
    public static implicit operator Matrix(double[,] values) => FromArray(values);

    /// <summary>Copies jagged rows into a new matrix.</summary>
    public static implicit operator Matrix(double[][] rows) => FromRows(rows);

    /// <inheritdoc/>
    public override string ToString() => $"Matrix {Rows} x {Columns}";
}
