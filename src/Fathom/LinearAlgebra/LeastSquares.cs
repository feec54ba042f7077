using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.LinearAlgebra;

/// <summary>
/// Linear least squares min‖A·X − B‖ (Frobenius; each column of B independently), the way
/// numpy.linalg.lstsq / scipy.linalg.lstsq answer it: the minimum-norm solution, with numerical rank
/// decided by a relative tolerance <c>rcond</c> (default ε·max(m, n)). Tall problems (m ≥ n) are reduced by a
/// blocked Householder QR (2mn² flops, on the GEMM kernel) to the n × n factor R, whose rank is judged by a
/// pivoted QR; full rank is solved by back substitution, rank deficiency by the SVD of R (minimum norm).
/// Wide problems use the thin SVD of A: X = V·diag(1/sᵢ for sᵢ &gt; rcond·s₀)·Uᵀ·B.
/// </summary>
public static class LeastSquares
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>Solves min‖A·X − B‖ for the m × n matrix A and m × k matrix B. Inputs are not modified.</summary>
    /// <exception cref="InvalidInputException">A or B holds NaN or infinity (names the row and column).</exception>
    /// <exception cref="ArgumentException">B's row count differs from A's.</exception>
    public static LeastSquaresSolution Solve(Matrix a, Matrix b, double? rcond = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rows != a.Rows) throw new ArgumentException($"B has {b.Rows} rows but A has {a.Rows}; they must match.", nameof(b));
        CheckFinite(a, "A");
        CheckFinite(b, "B");
        int m = a.Rows, n = a.Columns, k = b.Columns;
        double tol = rcond is double r && r >= 0 ? r : Eps * Math.Max(m, n);
        if (m == 0 || n == 0) return Finish(a, b, new Matrix(n, k), 0, false);
        if (m >= n)
        {
            // A = Q·R by blocked Householder QR; the rank is judged on the small n × n factor R (pivoted QR of R,
            // same singular values as A), and a rank-deficient R is solved by its SVD for the minimum norm.
            var qr = QRDecomposition.Decompose(a, pivoting: false);
            var rf = qr.GetR();
            var qtb = new Matrix(n, k);
            var col = new double[m];
            for (int j = 0; j < k; j++)
            {
                for (int i = 0; i < m; i++) col[i] = b[i, j];
                qr.ApplyQTranspose(col);
                for (int i = 0; i < n; i++) qtb.Storage[i * k + j] = col[i];
            }
            int rank = QRDecomposition.Decompose(rf, pivoting: true).Rank(tol);
            if (rank == n)
            {
                var x = new Matrix(n, k);
                for (int j = 0; j < k; j++)
                {
                    var xj = qr.BackSubstitute(qtb.Column(j), n);
                    for (int i = 0; i < n; i++) x.Storage[i * k + j] = xj[i];
                }
                return Finish(a, b, x, n, false);
            }
            var (solR, rankR) = MinimumNorm(rf, qtb, tol);
            return Finish(a, b, solR, rankR, true);
        }
        var (sol, rk) = MinimumNorm(a, b, tol);
        return Finish(a, b, sol, rk, true);
    }

    /// <summary>X = V·diag(1/sᵢ for sᵢ &gt; tol·s₀)·Uᵀ·B from the thin SVD of a.</summary>
    private static (Matrix X, int Rank) MinimumNorm(Matrix a, Matrix b, double tol)
    {
        int m = a.Rows, n = a.Columns, k = b.Columns;
        var svd = SingularValueDecomposition.Decompose(a);
        var s = svd.SingularValues;
        double cut = s.Length == 0 ? 0 : tol * s[0];
        int rk = 0;
        while (rk < s.Length && s[rk] > cut) rk++;
        var ub = MatrixOps.TransposeMultiply(svd.U!.Slice(0, 0, m, rk), b); // rk × k
        for (int i = 0; i < rk; i++)
        {
            var row = ub.Row(i);
            for (int j = 0; j < k; j++) row[j] /= s[i];
        }
        return (MatrixOps.TransposeMultiply(svd.Vt!.Slice(0, 0, rk, n), ub), rk);
    }

    /// <summary>Solves min‖A·x − b‖ for one right-hand side; see <see cref="Solve(Matrix, Matrix, double?)"/>.</summary>
    public static LeastSquaresSolution Solve(Matrix a, ReadOnlySpan<double> b, double? rcond = null)
    {
        var bm = new Matrix(b.Length, 1);
        b.CopyTo(bm.Storage);
        return Solve(a, bm, rcond);
    }

    private static LeastSquaresSolution Finish(Matrix a, Matrix b, Matrix x, int rank, bool svd)
    {
        var fit = MatrixOps.Multiply(a, x);
        var rss = new double[b.Columns];
        for (int i = 0; i < b.Rows; i++)
        {
            var fr = fit.Row(i);
            var br = b.Row(i);
            for (int j = 0; j < b.Columns; j++)
            {
                double e = fr[j] - br[j];
                rss[j] += e * e;
            }
        }
        return new LeastSquaresSolution(x, rank, rss, svd);
    }

    private static void CheckFinite(Matrix m, string name)
    {
        for (int i = 0; i < m.Rows; i++)
        {
            var row = m.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (!double.IsFinite(row[j]))
                    throw new InvalidInputException($"{name}[{i}, {j}] is {row[j]}; least squares needs finite values — impute or drop missing values first.", i, j.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
