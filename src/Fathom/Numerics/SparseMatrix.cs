using System.Globalization;
using Fathom.Core;

namespace Fathom.Numerics;

/// <summary>
/// An immutable sparse matrix of <see cref="double"/> in compressed sparse row (CSR) form, as SciPy's
/// <c>csr_matrix</c>: the non-zeros of row i are <c>Values[RowPointers[i] .. RowPointers[i + 1])</c> at columns
/// <c>ColumnIndices[same range]</c>, column indices strictly increasing within a row, and no explicit zeros are
/// stored. Memory is 12 bytes per non-zero plus 4 per row. The products and reductions live in
/// <see cref="SparseProducts"/>, <see cref="SparseTransposeProducts"/> and <see cref="SparseReductions"/>; none of
/// them forms the dense matrix.
/// </summary>
/// <remarks>Immutable and thread-safe. The transpose (the CSC form) is built once on first use and cached.</remarks>
public sealed class SparseMatrix
{
    private readonly int[] _rowPointers;
    private readonly int[] _columnIndices;
    private readonly double[] _values;
    private SparseMatrix? _transpose;

    private SparseMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
    {
        Rows = rows;
        Columns = columns;
        _rowPointers = rowPointers;
        _columnIndices = columnIndices;
        _values = values;
    }

    /// <summary>Number of rows (samples).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; }

    /// <summary>Number of stored (non-zero) entries.</summary>
    public int NonZeroCount => _values.Length;

    /// <summary>Fraction of entries that are non-zero, NonZeroCount / (Rows · Columns); 0 for an empty shape.</summary>
    public double Density => Rows == 0 || Columns == 0 ? 0.0 : _values.Length / ((double)Rows * Columns);

    /// <summary>The row pointers (length Rows + 1, starting at 0, non-decreasing).</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>The column index of every stored entry, row after row (length <see cref="NonZeroCount"/>).</summary>
    public ReadOnlySpan<int> ColumnIndices => _columnIndices;

    /// <summary>The value of every stored entry, row after row (length <see cref="NonZeroCount"/>).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The column indices of the non-zeros of row <paramref name="row"/> (increasing). O(1).</summary>
    public ReadOnlySpan<int> RowIndices(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
        return _columnIndices.AsSpan(_rowPointers[row], _rowPointers[row + 1] - _rowPointers[row]);
    }

    /// <summary>The non-zero values of row <paramref name="row"/>, matching <see cref="RowIndices"/>. O(1).</summary>
    public ReadOnlySpan<double> RowValues(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
        return _values.AsSpan(_rowPointers[row], _rowPointers[row + 1] - _rowPointers[row]);
    }

    /// <summary>Element (row, column), zero when not stored. O(log nnz(row)) by binary search.</summary>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column));
            int at = RowIndices(row).BinarySearch(column);
            return at >= 0 ? _values[_rowPointers[row] + at] : 0.0;
        }
    }

    /// <summary>
    /// Builds a matrix from coordinate triplets (row, column, value) in any order, as SciPy's <c>coo_matrix(...).tocsr()</c>:
    /// duplicate coordinates are summed, and entries that are (or sum to) exactly zero are dropped. O(nnz + rows)
    /// by two counting passes (no comparison sort).
    /// </summary>
    /// <exception cref="ArgumentException">The three spans differ in length, or an index is outside the shape.</exception>
    /// <exception cref="InvalidInputException">A value is NaN or infinite.</exception>
    public static SparseMatrix FromTriplets(int rows, int columns, ReadOnlySpan<int> rowIndices, ReadOnlySpan<int> columnIndices, ReadOnlySpan<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (rowIndices.Length != columnIndices.Length || rowIndices.Length != values.Length)
            throw new ArgumentException($"The triplet spans differ in length: {rowIndices.Length} rows, {columnIndices.Length} columns, {values.Length} values.", nameof(values));
        int count = values.Length;
        for (int t = 0; t < count; t++)
        {
            if ((uint)rowIndices[t] >= (uint)rows)
                throw new ArgumentException($"Triplet {t} has row {rowIndices[t]}, outside 0..{rows - 1}.", nameof(rowIndices));
            if ((uint)columnIndices[t] >= (uint)columns)
                throw new ArgumentException($"Triplet {t} has column {columnIndices[t]}, outside 0..{columns - 1}.", nameof(columnIndices));
            if (!double.IsFinite(values[t]))
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"Triplet {t} (row {rowIndices[t]}, column {columnIndices[t]}) holds {values[t]}; sparse matrices hold finite numbers only."), rowIndices[t], columnIndices[t].ToString(CultureInfo.InvariantCulture));
        }
        // Counting sort by column, then a stable counting sort by row: entries end up ordered by (row, column),
        // with duplicates adjacent in input order (so their sum is deterministic).
        var byColumn = new int[count];
        var colStart = new int[columns + 1];
        for (int t = 0; t < count; t++) colStart[columnIndices[t] + 1]++;
        for (int j = 0; j < columns; j++) colStart[j + 1] += colStart[j];
        for (int t = 0; t < count; t++) byColumn[colStart[columnIndices[t]]++] = t;
        var rowStart = new int[rows + 1];
        for (int t = 0; t < count; t++) rowStart[rowIndices[t] + 1]++;
        for (int i = 0; i < rows; i++) rowStart[i + 1] += rowStart[i];
        var order = new int[count];
        var next = (int[])rowStart.Clone();
        foreach (int t in byColumn) order[next[rowIndices[t]]++] = t;

        var ptr = new int[rows + 1];
        var idx = new int[count];
        var val = new double[count];
        int nnz = 0;
        for (int i = 0; i < rows; i++)
        {
            int rowBegin = nnz;
            for (int s = rowStart[i]; s < rowStart[i + 1]; s++)
            {
                int t = order[s];
                int c = columnIndices[t];
                if (nnz > rowBegin && idx[nnz - 1] == c) val[nnz - 1] += values[t];
                else { idx[nnz] = c; val[nnz] = values[t]; nnz++; }
            }
            // Drop exact zeros (explicit zeros in the input and duplicates that cancel).
            int w = rowBegin;
            for (int s = rowBegin; s < nnz; s++)
                if (val[s] != 0.0) { idx[w] = idx[s]; val[w] = val[s]; w++; }
            nnz = w;
            ptr[i + 1] = nnz;
        }
        return new SparseMatrix(rows, columns, ptr, idx[..nnz], val[..nnz]);
    }

    /// <summary>Copies the non-zero entries of a dense matrix (views allowed). O(rows × columns).</summary>
    /// <exception cref="InvalidInputException">An entry is NaN or infinite.</exception>
    public static SparseMatrix FromDense(Matrix dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        int nnz = 0;
        for (int i = 0; i < dense.Rows; i++)
        {
            var r = dense.Row(i);
            for (int j = 0; j < r.Length; j++)
            {
                if (!double.IsFinite(r[j]))
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"Row {i}, column {j} holds {r[j]}; sparse matrices hold finite numbers only."), i, j.ToString(CultureInfo.InvariantCulture));
                if (r[j] != 0.0) nnz++;
            }
        }
        var ptr = new int[dense.Rows + 1];
        var idx = new int[nnz];
        var val = new double[nnz];
        int at = 0;
        for (int i = 0; i < dense.Rows; i++)
        {
            var r = dense.Row(i);
            for (int j = 0; j < r.Length; j++)
                if (r[j] != 0.0) { idx[at] = j; val[at] = r[j]; at++; }
            ptr[i + 1] = at;
        }
        return new SparseMatrix(dense.Rows, dense.Columns, ptr, idx, val);
    }

    /// <summary>
    /// Builds a matrix from CSR arrays, which are validated and copied: pointers start at 0, do not decrease and end
    /// at the value count; column indices lie in range and increase strictly within each row; values are finite.
    /// Explicit zeros are dropped. O(nnz + rows).
    /// </summary>
    /// <exception cref="ArgumentException">The arrays do not describe a valid CSR matrix (the message says where).</exception>
    public static SparseMatrix FromCsr(int rows, int columns, ReadOnlySpan<int> rowPointers, ReadOnlySpan<int> columnIndices, ReadOnlySpan<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (rowPointers.Length != rows + 1) throw new ArgumentException($"rowPointers has length {rowPointers.Length}; a {rows}-row matrix needs {rows + 1}.", nameof(rowPointers));
        if (columnIndices.Length != values.Length) throw new ArgumentException($"columnIndices has {columnIndices.Length} entries but values has {values.Length}.", nameof(values));
        if (rowPointers[0] != 0 || rowPointers[rows] != values.Length)
            throw new ArgumentException($"rowPointers must start at 0 and end at the value count {values.Length}.", nameof(rowPointers));
        for (int i = 0; i < rows; i++)
        {
            int a = rowPointers[i], b = rowPointers[i + 1];
            if (b < a) throw new ArgumentException($"rowPointers decreases at row {i}.", nameof(rowPointers));
            for (int s = a; s < b; s++)
            {
                int c = columnIndices[s];
                if ((uint)c >= (uint)columns) throw new ArgumentException($"Row {i} has column index {c}, outside 0..{columns - 1}.", nameof(columnIndices));
                if (s > a && c <= columnIndices[s - 1]) throw new ArgumentException($"Row {i}: column indices must increase strictly (got {columnIndices[s - 1]} then {c}).", nameof(columnIndices));
                if (!double.IsFinite(values[s])) throw new ArgumentException($"Row {i}, column {c} holds a NaN or infinite value.", nameof(values));
            }
        }
        var ptr = new int[rows + 1];
        var idx = new int[values.Length];
        var val = new double[values.Length];
        int at = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int s = rowPointers[i]; s < rowPointers[i + 1]; s++)
                if (values[s] != 0.0) { idx[at] = columnIndices[s]; val[at] = values[s]; at++; }
            ptr[i + 1] = at;
        }
        return new SparseMatrix(rows, columns, ptr, idx[..at], val[..at]);
    }

    /// <summary>An empty (all-zero) matrix of the given shape.</summary>
    public static SparseMatrix Zeros(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        return new SparseMatrix(rows, columns, new int[rows + 1], [], []);
    }

    /// <summary>
    /// The transpose Aᵀ (equivalently, A in compressed sparse column form): row j of the result holds column j of A,
    /// with row indices increasing. Built once by a counting pass, O(nnz + rows + columns), and cached (the
    /// transpose of the result is this matrix again).
    /// </summary>
    public SparseMatrix Transpose()
    {
        var t = Volatile.Read(ref _transpose);
        if (t is not null) return t;
        var ptr = new int[Columns + 1];
        foreach (int c in _columnIndices) ptr[c + 1]++;
        for (int j = 0; j < Columns; j++) ptr[j + 1] += ptr[j];
        var next = ptr[..Columns];
        var idx = new int[_values.Length];
        var val = new double[_values.Length];
        for (int i = 0; i < Rows; i++)
            for (int s = _rowPointers[i]; s < _rowPointers[i + 1]; s++)
            {
                int d = next[_columnIndices[s]]++;
                idx[d] = i;
                val[d] = _values[s];
            }
        t = new SparseMatrix(Columns, Rows, ptr, idx, val) { _transpose = this };
        return Interlocked.CompareExchange(ref _transpose, t, null) ?? t;
    }

    /// <summary>The dense copy; only sensible for small matrices (Rows · Columns doubles). O(rows × columns).</summary>
    /// <exception cref="InvalidOperationException">Rows · Columns exceeds the largest array .NET allows.</exception>
    public Matrix ToDense()
    {
        if ((long)Rows * Columns > Array.MaxLength)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"A {Rows} x {Columns} sparse matrix is too large to densify ({(double)Rows * Columns * 8 / 1e9:0.#} GB); use the sparse kernels instead."));
        var m = new Matrix(Rows, Columns);
        for (int i = 0; i < Rows; i++)
        {
            var row = m.Row(i);
            for (int s = _rowPointers[i]; s < _rowPointers[i + 1]; s++) row[_columnIndices[s]] = _values[s];
        }
        return m;
    }

    /// <summary>A new matrix holding the given rows, in the given order (duplicates allowed). O(selected nnz).</summary>
    public SparseMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var ptr = new int[rows.Length + 1];
        for (int r = 0; r < rows.Length; r++)
        {
            if ((uint)rows[r] >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(rows), $"Row {rows[r]} is outside 0..{Rows - 1}.");
            ptr[r + 1] = ptr[r] + _rowPointers[rows[r] + 1] - _rowPointers[rows[r]];
        }
        var idx = new int[ptr[rows.Length]];
        var val = new double[idx.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            int a = _rowPointers[rows[r]], len = _rowPointers[rows[r] + 1] - a;
            Array.Copy(_columnIndices, a, idx, ptr[r], len);
            Array.Copy(_values, a, val, ptr[r], len);
        }
        return new SparseMatrix(rows.Length, Columns, ptr, idx, val);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SparseMatrix {Rows} x {Columns}, {NonZeroCount} non-zeros");
}
