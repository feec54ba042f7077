using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Discriminant;

/// <summary>Shared fitting steps of the discriminant analyses: checks, class grouping, priors and covariances.</summary>
internal static class DiscriminantFit
{
    /// <summary>Checks the data and groups rows by the classes present (sorted); warns that weights are ignored.</summary>
    public static (string[] Classes, int[][] Rows) Group(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context, string name)
    {
        InputChecks.Features(x, name);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
            throw new InvalidInputException($"{name}: {y.Count} labels were given for {x.Rows} rows; give one label per row.");
        if (sampleWeight is not null)
            (context ?? FitContext.Default).Warn($"{name}: sample weights are not used by discriminant analysis (as in scikit-learn); they were ignored.");
        (context ?? FitContext.Default).ThrowIfCancellationRequested();
        var lists = new List<int>[y.ClassCount];
        for (int i = 0; i < y.Count; i++) (lists[y.Codes[i]] ??= []).Add(i);
        var classes = new List<string>();
        var rows = new List<int[]>();
        for (int c = 0; c < lists.Length; c++)
            if (lists[c] is { } l)
            {
                classes.Add(y.Classes[c]);
                rows.Add(l.ToArray());
            }
        if (classes.Count < 2)
            throw new InvalidInputException(
                $"{name}: the labels hold only one class ('{classes[0]}'); a classifier needs rows of at least two classes.");
        return (classes.ToArray(), rows.ToArray());
    }

    /// <summary>
    /// Class priors: the class frequencies, or the given ones (non-negative, one per class), renormalized with a
    /// warning when they do not sum to 1 (as scikit-learn's LinearDiscriminantAnalysis).
    /// </summary>
    public static double[] Priors(IReadOnlyList<double>? given, int[][] rows, int n, FitContext? context, string name)
    {
        int k = rows.Length;
        if (given is null) return rows.Select(r => r.Length / (double)n).ToArray();
        if (given.Count != k)
            throw new InvalidHyperparameterException("priors", $"{name}: {given.Count} priors were given for {k} classes; give one prior per class, in the order of the sorted classes.");
        var p = given.ToArray();
        foreach (double v in p)
            if (!(v >= 0) || double.IsInfinity(v))
                throw new InvalidHyperparameterException("priors", $"{name}: priors must be non-negative and finite.");
        double sum = p.Sum();
        if (!(sum > 0))
            throw new InvalidHyperparameterException("priors", $"{name}: the priors are all zero; give positive priors summing to 1.");
        if (Math.Abs(sum - 1.0) > 1e-8 + 1e-5 * 1.0)
        {
            (context ?? FitContext.Default).Warn(string.Create(CultureInfo.InvariantCulture, $"{name}: the priors sum to {sum}, not 1; they were renormalized."));
            for (int c = 0; c < k; c++) p[c] /= sum;
        }
        return p;
    }

    /// <summary>Mean of each class (classes × features).</summary>
    public static Matrix ClassMeans(Matrix x, int[][] rows)
    {
        var means = new Matrix(rows.Length, x.Columns);
        for (int c = 0; c < rows.Length; c++) Reductions.ColumnMeans(x.SelectRows(rows[c])).CopyTo(means.Row(c));
        return means;
    }

    /// <summary>The rows minus their column means (a new matrix).</summary>
    public static Matrix Centered(Matrix x, out double[] mean)
    {
        mean = Reductions.ColumnMeans(x);
        var xc = x.Clone();
        for (int i = 0; i < xc.Rows; i++)
        {
            var r = xc.Row(i);
            for (int j = 0; j < r.Length; j++) r[j] -= mean[j];
        }
        return xc;
    }

    /// <summary>Maximum-likelihood covariance (divides by n), scikit-learn's <c>empirical_covariance</c>.</summary>
    public static Matrix EmpiricalCovariance(Matrix x)
    {
        var g = MatrixOps.Gram(Centered(x, out _));
        var s = g.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] /= x.Rows;
        return g;
    }

    /// <summary>
    /// scikit-learn's <c>_cov</c>: the empirical covariance; with a fixed shrinkage s, (1 − s)·Σ + s·(tr Σ / p)·I;
    /// with automatic shrinkage, the Ledoit–Wolf estimate on standardized columns, scaled back.
    /// </summary>
    public static Matrix Covariance(Matrix x, double? shrinkage, bool auto)
    {
        if (auto)
        {
            var (mean, variance) = Reductions.ColumnMeanVariance(x);
            var scale = variance.Select(v => v == 0 ? 1.0 : Math.Sqrt(v)).ToArray();
            var z = x.Clone();
            for (int i = 0; i < z.Rows; i++)
            {
                var r = z.Row(i);
                for (int j = 0; j < r.Length; j++) r[j] = (r[j] - mean[j]) / scale[j];
            }
            var s = Shrunk(EmpiricalCovariance(z), LedoitWolfShrinkage(z));
            for (int i = 0; i < s.Rows; i++)
                for (int j = 0; j < s.Columns; j++) s[i, j] *= scale[i] * scale[j];
            return s;
        }
        var emp = EmpiricalCovariance(x);
        return shrinkage is { } a ? Shrunk(emp, a) : emp;
    }

    /// <summary>(1 − s)·Σ + s·μ·I with μ = tr Σ / p (scikit-learn's <c>shrunk_covariance</c>).</summary>
    public static Matrix Shrunk(Matrix cov, double s)
    {
        int p = cov.Rows;
        double mu = 0;
        for (int j = 0; j < p; j++) mu += cov[j, j];
        mu /= p;
        var r = cov.Clone();
        var span = r.AsSpan();
        for (int i = 0; i < span.Length; i++) span[i] *= 1 - s;
        for (int j = 0; j < p; j++) r[j, j] += s * mu;
        return r;
    }

    /// <summary>
    /// Ledoit–Wolf shrinkage intensity of centred data (scikit-learn's <c>ledoit_wolf_shrinkage</c>): with X centred,
    /// μ = Σ x²/(n·p), δ = (‖XᵀX‖²_F/n² − 2μ·tr S + p·μ²)/p, β = min(δ, (‖(X²)ᵀX²‖₁/n − ‖XᵀX‖²_F/n²)/(p·n)),
    /// shrinkage β/δ (0 when β = 0 or p = 1).
    /// </summary>
    public static double LedoitWolfShrinkage(Matrix x)
    {
        int n = x.Rows, p = x.Columns;
        if (p == 1) return 0.0;
        var xc = Centered(x, out _);
        var x2 = xc.Clone();
        var s2 = x2.AsSpan();
        for (int i = 0; i < s2.Length; i++) s2[i] *= s2[i];
        double trace = 0;
        foreach (double v in Reductions.ColumnSums(x2)) trace += v / n;
        double mu = trace / p;
        double betaSum = 0;
        foreach (double v in MatrixOps.Gram(x2).AsSpan()) betaSum += v;
        double deltaSum = 0;
        foreach (double v in MatrixOps.Gram(xc).AsSpan()) deltaSum += v * v;
        deltaSum /= (double)n * n;
        double beta = 1.0 / (p * (double)n) * (betaSum / n - deltaSum);
        double delta = (deltaSum - 2.0 * mu * trace + p * mu * mu) / p;
        beta = Math.Min(beta, delta);
        return beta == 0 ? 0.0 : beta / delta;
    }
}
