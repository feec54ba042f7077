using System.Numerics.Tensors;

namespace Fathom.Numerics;

/// <summary>
/// Row and column reductions of a <see cref="Matrix"/> (views allowed): sums, squared norms, means and
/// variances. Column statistics use the two-pass algorithm with the rounding-error correction term
/// (Chan, Golub &amp; LeVeque), vectorized across columns; O(rows × columns).
/// </summary>
public static class Reductions
{
    /// <summary>‖xᵢ‖² for each row. O(rows × columns).</summary>
    public static double[] RowSquaredNorms(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var r = new double[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            r[i] = TensorPrimitives.Dot(row, row);
        }
        return r;
    }

    /// <summary>‖xᵢ‖ (Euclidean) for each row.</summary>
    public static double[] RowNorms(Matrix x)
    {
        var r = RowSquaredNorms(x);
        TensorPrimitives.Sqrt(r, r);
        return r;
    }

    /// <summary>Σⱼ xᵢⱼ for each row.</summary>
    public static double[] RowSums(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var r = new double[x.Rows];
        for (int i = 0; i < x.Rows; i++) r[i] = TensorPrimitives.Sum<double>(x.Row(i));
        return r;
    }

    /// <summary>Σᵢ xᵢⱼ for each column (optionally weighted by <paramref name="sampleWeight"/>, one weight per row).</summary>
    public static double[] ColumnSums(Matrix x, ReadOnlySpan<double> sampleWeight = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckWeights(x, sampleWeight);
        var s = new double[x.Columns];
        for (int i = 0; i < x.Rows; i++)
        {
            if (sampleWeight.IsEmpty) TensorPrimitives.Add(s, x.Row(i), s);
            else TensorPrimitives.MultiplyAdd(x.Row(i), sampleWeight[i], s, s);
        }
        return s;
    }

    /// <summary>Column means (weighted when <paramref name="sampleWeight"/> is given). NaN for a matrix with no rows (or zero total weight).</summary>
    public static double[] ColumnMeans(Matrix x, ReadOnlySpan<double> sampleWeight = default)
    {
        var s = ColumnSums(x, sampleWeight);
        double total = sampleWeight.IsEmpty ? x.Rows : TensorPrimitives.Sum(sampleWeight);
        TensorPrimitives.Divide(s, total, s);
        return s;
    }

    /// <summary>
    /// Column means and variances Σ w(x − mean)² / (Σw − ddof) (ddof = 0: population, as numpy.var and
    /// StandardScaler; ddof = 1: sample). Two passes with the correction term, stable for large offsets.
    /// </summary>
    public static (double[] Mean, double[] Variance) ColumnMeanVariance(Matrix x, int ddof = 0, ReadOnlySpan<double> sampleWeight = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        var mean = ColumnMeans(x, sampleWeight);
        int d = x.Columns;
        var sq = new double[d];
        var lin = new double[d];
        var tmp = new double[d];
        var wtmp = sampleWeight.IsEmpty ? [] : new double[d];
        for (int i = 0; i < x.Rows; i++)
        {
            TensorPrimitives.Subtract(x.Row(i), mean, tmp);
            if (sampleWeight.IsEmpty)
            {
                TensorPrimitives.Add(lin, tmp, lin);
                TensorPrimitives.MultiplyAdd(tmp, tmp, sq, sq);
            }
            else
            {
                TensorPrimitives.Multiply(tmp, sampleWeight[i], wtmp);
                TensorPrimitives.Add(lin, wtmp, lin);
                TensorPrimitives.MultiplyAdd(wtmp, tmp, sq, sq);
            }
        }
        double total = sampleWeight.IsEmpty ? x.Rows : TensorPrimitives.Sum(sampleWeight);
        var variance = new double[d];
        for (int j = 0; j < d; j++)
        {
            double v = (sq[j] - lin[j] * lin[j] / total) / (total - ddof);
            variance[j] = v < 0 ? 0 : v;
        }
        return (mean, variance);
    }

    /// <summary>Column variances; see <see cref="ColumnMeanVariance"/>.</summary>
    public static double[] ColumnVariances(Matrix x, int ddof = 0, ReadOnlySpan<double> sampleWeight = default) =>
        ColumnMeanVariance(x, ddof, sampleWeight).Variance;

    private static void CheckWeights(Matrix x, ReadOnlySpan<double> w)
    {
        if (!w.IsEmpty && w.Length != x.Rows)
            throw new ArgumentException($"sampleWeight has {w.Length} values but the matrix has {x.Rows} rows.", nameof(w));
    }

    /// <summary>Index of the largest value; the first one on ties (as numpy's <c>argmax</c>). O(n).</summary>
    /// <exception cref="ArgumentException">The span is empty.</exception>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) throw new ArgumentException("ArgMax of no values.", nameof(values));
        int best = 0;
        for (int c = 1; c < values.Length; c++) if (values[c] > values[best]) best = c;
        return best;
    }

    /// <summary><see cref="ArgMax"/> of every row: the predicted class index from a score or probability matrix.</summary>
    public static int[] RowArgMax(Matrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var result = new int[m.Rows];
        for (int i = 0; i < result.Length; i++) result[i] = ArgMax(m.Row(i));
        return result;
    }

    /// <summary>Row-wise softmax in place: rowᵢ ← exp(rowᵢ − max) / Σ exp(row − max). O(n·k).</summary>
    public static void SoftmaxRows(Matrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        for (int i = 0; i < m.Rows; i++)
        {
            var row = m.Row(i);
            double mx = double.NegativeInfinity;
            foreach (double v in row) mx = Math.Max(mx, v);
            double sum = 0;
            for (int c = 0; c < row.Length; c++) sum += row[c] = Math.Exp(row[c] - mx);
            for (int c = 0; c < row.Length; c++) row[c] /= sum;
        }
    }

    /// <summary>Row-wise log-softmax in place: rowᵢ ← rowᵢ − (max + log Σ exp(row − max)). O(n·k).</summary>
    public static void LogSoftmaxRows(Matrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        for (int i = 0; i < m.Rows; i++)
        {
            var row = m.Row(i);
            double mx = double.NegativeInfinity;
            foreach (double v in row) mx = Math.Max(mx, v);
            double sum = 0;
            foreach (double v in row) sum += Math.Exp(v - mx);
            double lse = mx + Math.Log(sum);
            for (int c = 0; c < row.Length; c++) row[c] -= lse;
        }
    }
    /// <summary>
    /// log Σⱼ exp(vⱼ), computed as max + log Σ exp(v − max) so it neither overflows nor underflows (a mixture's
    /// log-likelihood from per-component log densities). −∞ when every value is −∞ (or the span is empty);
    /// +∞ when one is +∞. O(n).
    /// </summary>
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return double.NegativeInfinity;
        double mx = double.NegativeInfinity;
        foreach (double v in values) if (v > mx || double.IsNaN(v)) mx = v;
        if (double.IsNaN(mx)) return double.NaN;
        if (double.IsInfinity(mx)) return mx;
        double sum = 0;
        foreach (double v in values) sum += Math.Exp(v - mx);
        return mx + Math.Log(sum);
    }

    /// <summary><see cref="LogSumExp"/> of every row: scipy's <c>logsumexp(m, axis=1)</c>. O(rows × columns).</summary>
    public static double[] RowLogSumExp(Matrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var result = new double[m.Rows];
        for (int i = 0; i < result.Length; i++) result[i] = LogSumExp(m.Row(i));
        return result;
    }
}
