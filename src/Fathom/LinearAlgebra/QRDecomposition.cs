using System.Numerics.Tensors;
using Fathom.Numerics;

namespace Fathom.LinearAlgebra;

/// <summary>
/// Householder QR factorization A·P = Q·R of an m × n matrix, optionally with column pivoting (LAPACK
/// <c>geqp3</c> style: at each step the remaining column of largest norm is moved forward, so |Rₖₖ| is
/// non-increasing and reveals the numerical rank). Q is m × k orthonormal (thin, k = min(m, n)), R is k × n
/// upper triangular, P a column permutation (<see cref="Permutation"/>: column j of A·P is column
/// Permutation[j] of A). Cost ≈ 2mn² − 2n³/3 flops. Immutable and thread-safe once built.
/// </summary>
public sealed class QRDecomposition
{
    // Column j of A (after pivoting) is row j of _at (n × m): entries [0, j] hold R[0..j, j], entries
    // (j, m) hold the Householder vector below the diagonal (implicit leading 1), with scale _tau[j].
    private readonly double[] _at;
    private readonly double[] _tau;
    private readonly int[] _perm;
    private const double Eps = 2.220446049250313e-16;

    private QRDecomposition(int m, int n, double[] at, double[] tau, int[] perm)
    {
        RowCount = m;
        ColumnCount = n;
        _at = at;
        _tau = tau;
        _perm = perm;
    }

    /// <summary>Rows m of the factored matrix.</summary>
    public int RowCount { get; }

    /// <summary>Columns n of the factored matrix.</summary>
    public int ColumnCount { get; }

    /// <summary>k = min(m, n): the number of Householder reflectors and the thin size of Q and R.</summary>
    public int ReflectorCount => Math.Min(RowCount, ColumnCount);

    /// <summary>Column permutation: column j of A·P is column <c>Permutation[j]</c> of A (identity without pivoting).</summary>
    public IReadOnlyList<int> Permutation => _perm;

    /// <summary>Factors <paramref name="a"/> (not modified). With <paramref name="pivoting"/> (default true) columns are pivoted by norm.</summary>
    public static QRDecomposition Decompose(Matrix a, bool pivoting = true)
    {
        ArgumentNullException.ThrowIfNull(a);
        int m = a.Rows, n = a.Columns;
        var at = new double[(long)m * n];
        for (int i = 0; i < m; i++)
        {
            var row = a.Row(i);
            for (int j = 0; j < n; j++) at[j * m + i] = row[j];
        }
        int k = Math.Min(m, n);
        var tau = new double[k];
        var perm = new int[n];
        for (int j = 0; j < n; j++) perm[j] = j;
        double[]? vn1 = null, vn2 = null;
        if (pivoting)
        {
            vn1 = new double[n];
            vn2 = new double[n];
            for (int j = 0; j < n; j++) vn1[j] = vn2[j] = TensorPrimitives.Norm<double>(at.AsSpan(j * m, m));
        }
        double tol3z = Math.Sqrt(Eps);
        for (int j = 0; j < k; j++)
        {
            if (pivoting)
            {
                int best = j;
                for (int c = j + 1; c < n; c++) if (vn1![c] > vn1[best]) best = c;
                if (best != j)
                {
                    SwapRows(at.AsSpan(j * m, m), at.AsSpan(best * m, m));
                    (perm[j], perm[best]) = (perm[best], perm[j]);
                    (vn1![j], vn1[best]) = (vn1[best], vn1[j]);
                    (vn2![j], vn2[best]) = (vn2[best], vn2[j]);
                }
            }
            var col = at.AsSpan(j * m + j, m - j);
            tau[j] = Householder.Make(col);
            if (tau[j] != 0)
            {
                var v = col[1..];
                for (int c = j + 1; c < n; c++) Householder.Apply(tau[j], v, at.AsSpan(c * m + j, m - j));
            }
            if (pivoting)
            {
                for (int c = j + 1; c < n; c++)
                {
                    if (vn1![c] == 0) continue;
                    double r = Math.Abs(at[c * m + j]) / vn1[c];
                    double t = Math.Max(0.0, (1 + r) * (1 - r));
                    double t2 = t * (vn1[c] / vn2![c]) * (vn1[c] / vn2[c]);
                    if (t2 <= tol3z)
                    {
                        vn1[c] = j + 1 < m ? TensorPrimitives.Norm<double>(at.AsSpan(c * m + j + 1, m - j - 1)) : 0.0;
                        vn2[c] = vn1[c];
                    }
                    else vn1[c] *= Math.Sqrt(t);
                }
            }
        }
        return new QRDecomposition(m, n, at, tau, perm);
    }

    private static void SwapRows(Span<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++) (x[i], y[i]) = (y[i], x[i]);
    }

    /// <summary>Diagonal of R (|Rₖₖ| non-increasing when pivoted).</summary>
    public double[] RDiagonal()
    {
        int k = ReflectorCount;
        var d = new double[k];
        for (int j = 0; j < k; j++) d[j] = _at[j * RowCount + j];
        return d;
    }

    /// <summary>
    /// Numerical rank: the number of |Rⱼⱼ| &gt; tolerance·|R₀₀|. The default tolerance is ε·max(m, n), as in
    /// numpy.linalg.lstsq's rcond. Meaningful with pivoting.
    /// </summary>
    public int Rank(double? tolerance = null)
    {
        int k = ReflectorCount;
        if (k == 0) return 0;
        double tol = tolerance ?? Eps * Math.Max(RowCount, ColumnCount);
        double r0 = Math.Abs(_at[0]);
        if (!(r0 > 0)) return 0;
        int rank = 0;
        for (int j = 0; j < k; j++) if (Math.Abs(_at[j * RowCount + j]) > tol * r0) rank++;
        return rank;
    }

    /// <summary>The upper-triangular factor R (k × n, k = min(m, n)) as a new matrix, columns in pivoted order.</summary>
    public Matrix GetR()
    {
        int m = RowCount, n = ColumnCount, k = ReflectorCount;
        var r = new Matrix(k, n);
        for (int j = 0; j < n; j++)
            for (int i = 0; i <= Math.Min(j, k - 1); i++) r.Storage[i * n + j] = _at[j * m + i];
        return r;
    }

    /// <summary>The thin orthonormal factor Q (m × k) as a new matrix. O(mk²).</summary>
    public Matrix GetQ()
    {
        int m = RowCount, k = ReflectorCount;
        var qt = new double[(long)k * m];
        for (int c = 0; c < k; c++)
        {
            var col = qt.AsSpan(c * m, m);
            col[c] = 1.0;
            for (int j = Math.Min(c, k - 1); j >= 0; j--) ApplyReflector(j, col);
        }
        var q = new Matrix(m, k);
        for (int c = 0; c < k; c++)
            for (int i = 0; i < m; i++) q.Storage[i * k + c] = qt[c * m + i];
        return q;
    }

    private void ApplyReflector(int j, Span<double> y) =>
        Householder.Apply(_tau[j], _at.AsSpan(j * RowCount + j + 1, RowCount - j - 1), y[j..]);

    /// <summary>Overwrites the length-m vector <paramref name="y"/> with Qᵀ·y (full Q, all m entries). O(mk).</summary>
    public void ApplyQTranspose(Span<double> y)
    {
        if (y.Length != RowCount) throw new ArgumentException($"Vector has length {y.Length}, expected {RowCount}.", nameof(y));
        for (int j = 0; j < ReflectorCount; j++) ApplyReflector(j, y);
    }

    /// <summary>Overwrites the length-m vector <paramref name="y"/> with Q·y (full Q). O(mk).</summary>
    public void ApplyQ(Span<double> y)
    {
        if (y.Length != RowCount) throw new ArgumentException($"Vector has length {y.Length}, expected {RowCount}.", nameof(y));
        for (int j = ReflectorCount - 1; j >= 0; j--) ApplyReflector(j, y);
    }

    /// <summary>
    /// Least-squares solution of min‖A·x − b‖ for full-column-rank A (m ≥ n), by x = P·R⁻¹·(Qᵀb)[0..n).
    /// Columns whose |Rⱼⱼ| is exactly zero give a zero coefficient. For rank-deficient or wide problems use
    /// <see cref="LeastSquares.Solve(Matrix, Matrix, double?)"/>, which returns the minimum-norm solution.
    /// </summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        var y = b.ToArray();
        ApplyQTranspose(y);
        return BackSubstitute(y, ColumnCount);
    }

    /// <summary>R₁₁⁻¹ (Qᵀb)[0..r) for the leading r columns, scattered back through the permutation (others 0).</summary>
    internal double[] BackSubstitute(ReadOnlySpan<double> qtb, int r)
    {
        int m = RowCount, n = ColumnCount;
        r = Math.Min(r, ReflectorCount);
        var z = qtb[..r].ToArray();
        for (int i = r - 1; i >= 0; i--)
        {
            double s = z[i];
            for (int j = i + 1; j < r; j++) s -= _at[j * m + i] * z[j];
            double d = _at[i * m + i];
            z[i] = d == 0 ? 0 : s / d;
        }
        var x = new double[n];
        for (int j = 0; j < r; j++) x[_perm[j]] = z[j];
        return x;
    }
}
