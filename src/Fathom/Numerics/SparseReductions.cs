namespace Fathom.Numerics;

/// <summary>
/// Column and row statistics of a <see cref="SparseMatrix"/> that count the implicit zeros without forming them,
/// as SciPy/scikit-learn's <c>mean_variance_axis(X, axis=0)</c>. Deterministic (fixed summation order).
/// </summary>
public static class SparseReductions
{
    /// <summary>Column sums. O(nnz + columns).</summary>
    public static double[] ColumnSums(SparseMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var t = x.Transpose();
        var sums = new double[x.Columns];
        for (int j = 0; j < sums.Length; j++)
        {
            double s = 0;
            foreach (double v in t.RowValues(j)) s += v;
            sums[j] = s;
        }
        return sums;
    }

    /// <summary>
    /// Column means and variances over all Rows entries, zeros included: mean = Σ v / n and, two-pass,
    /// variance = (Σ_nz (v − mean)² + (n − nnz_j)·mean²) / (n − ddof), which equals the dense
    /// <see cref="Reductions.ColumnMeanVariance"/> up to rounding. O(nnz + columns); walks the cached transpose.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">ddof is negative or not below the row count.</exception>
    public static (double[] Mean, double[] Variance) ColumnMeanVariance(SparseMatrix x, int ddof = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (ddof < 0 || ddof >= Math.Max(1, x.Rows)) throw new ArgumentOutOfRangeException(nameof(ddof), $"ddof = {ddof} must be in 0..rows - 1.");
        var t = x.Transpose();
        int n = x.Rows;
        var mean = new double[x.Columns];
        var variance = new double[x.Columns];
        for (int j = 0; j < mean.Length; j++)
        {
            var vals = t.RowValues(j);
            double s = 0;
            foreach (double v in vals) s += v;
            double m = n == 0 ? 0 : s / n;
            double ss = 0;
            foreach (double v in vals) ss += (v - m) * (v - m);
            ss += (n - vals.Length) * m * m;
            mean[j] = m;
            variance[j] = n == 0 ? 0 : ss / (n - ddof);
        }
        return (mean, variance);
    }

    /// <summary>Column variances (see <see cref="ColumnMeanVariance"/>). O(nnz + columns).</summary>
    public static double[] ColumnVariances(SparseMatrix x, int ddof = 0) => ColumnMeanVariance(x, ddof).Variance;

    /// <summary>Squared Euclidean norm of each row, Σ_nz v². O(nnz).</summary>
    public static double[] RowSquaredNorms(SparseMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var r = new double[x.Rows];
        for (int i = 0; i < r.Length; i++)
        {
            double s = 0;
            foreach (double v in x.RowValues(i)) s += v * v;
            r[i] = s;
        }
        return r;
    }
}
