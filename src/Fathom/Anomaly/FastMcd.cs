using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;
using Fathom.Statistics;

namespace Fathom.Anomaly;

/// <summary>The minimum covariance determinant estimate: raw (FastMCD) and reweighted location, covariance, support and distances.</summary>
internal sealed record McdResult(
    double[] RawLocation, Matrix RawCovariance, bool[] RawSupport, double[] RawDistances,
    double[] Location, Matrix Covariance, Matrix Precision, bool[] Support, double[] Distances);

/// <summary>
/// FastMCD (Rousseeuw and Van Driessen 1999) with scikit-learn 1.2's steps (<c>fast_mcd</c>, <c>MinCovDet.fit</c>):
/// h = ⌈(n + p + 1)/2⌉ rows (or ⌊support_fraction·n⌋); C-steps (refit mean and covariance on the h rows of smallest
/// squared Mahalanobis distance while the log-determinant falls); for n ≤ 500, 30 random h-subsets improved by 2
/// C-steps, the best 10 iterated to convergence and the best kept; for n &gt; 500, the same on n/300 disjoint subsets
/// of about 300 rows, pooled on a 1,500-row merge and then on all rows; for p = 1 the exact shortest-half rule.
/// Then the consistency correction (distances divided by median(d²)/χ²ₚ(0.5)) and the reweighting on the rows with
/// corrected d² &lt; χ²ₚ(0.975). The random subsets come from <see cref="RandomSource"/>, so the path differs from
/// scikit-learn's, not the method.
/// </summary>
internal static class FastMcd
{
    private readonly record struct Estimate(double[] Location, Matrix Covariance, double LogDet, bool[] Support, double[] Distances);

    public static McdResult Fit(Matrix x, double? supportFraction, RandomSource rng)
    {
        int n = x.Rows, p = x.Columns;
        int h = supportFraction is double f ? (int)(f * n) : (int)Math.Ceiling(0.5 * (n + p + 1));
        h = Math.Clamp(h, 1, n);
        Estimate raw;
        if (p == 1) raw = Univariate(x, h);
        else if (n > 500) raw = Large(x, h, rng);
        else
        {
            var best = SelectCandidates(x, h, Random(30), 10, 2, rng);
            raw = SelectCandidates(x, h, best, 1, 30, rng)[0];
        }

        // Consistency at the normal model (scikit-learn 1.2 divides the distances but keeps the raw covariance as it is).
        var dist = (double[])raw.Distances.Clone();
        double correction = Median(dist) / ChiSquaredDistribution.Quantile(0.5, p);
        for (int i = 0; i < n; i++) dist[i] /= correction;

        // Reweighting: the rows whose corrected distance is below the 97.5 % chi-squared quantile.
        double cut = ChiSquaredDistribution.Quantile(0.975, p);
        var support = dist.Select(d => d < cut).ToArray();
        var rows = Enumerable.Range(0, n).Where(i => support[i]).ToArray();
        if (rows.Length == 0) rows = Enumerable.Range(0, n).ToArray();
        var (location, covariance) = MeanCovariance(x, rows);
        var precision = PseudoInverse(covariance);
        return new McdResult(raw.Location, raw.Covariance, raw.Support, raw.Distances, location, covariance, precision, support,
            Mahalanobis(x, location, precision));
    }

    /// <summary>scikit-learn's <c>select_candidates</c> seeds: n random starts, or given (location, covariance) pairs.</summary>
    private static IEnumerable<(double[] L, Matrix C)?> Random(int trials) => Enumerable.Repeat<(double[], Matrix)?>(null, trials);

    private static List<(double[] L, Matrix C)?> Starts(IEnumerable<Estimate> estimates) =>
        estimates.Select(e => ((double[], Matrix)?)(e.Location, e.Covariance)).ToList();

    private static List<Estimate> SelectCandidates(Matrix x, int h, IEnumerable<(double[] L, Matrix C)?> starts, int select, int iterations, RandomSource rng)
    {
        var all = starts.Select(s => CStep(x, h, iterations, s, rng)).ToList();
        return all.Select((e, i) => (e, i)).OrderBy(t => t.e.LogDet).ThenBy(t => t.i).Take(select).Select(t => t.e).ToList();
    }

    private static List<Estimate> SelectCandidates(Matrix x, int h, List<Estimate> from, int select, int iterations, RandomSource rng) =>
        SelectCandidates(x, h, Starts(from), select, iterations, rng);

    /// <summary>scikit-learn's <c>_c_step</c>, including which estimate it returns when the determinant stops falling.</summary>
    private static Estimate CStep(Matrix x, int h, int remaining, (double[] L, Matrix C)? start, RandomSource rng)
    {
        int n = x.Rows;
        int[] rows;
        double[] dist;
        if (start is not { } s) rows = IsolationTree.SampleWithoutReplacement(rng, n, h);
        else
        {
            dist = Mahalanobis(x, s.L, PseudoInverse(s.C));
            rows = Smallest(dist, h);
        }
        var (location, covariance) = MeanCovariance(x, rows);
        double det = LogDet(covariance);
        var precision = PseudoInverse(covariance);
        double previousDet = double.PositiveInfinity;
        double[] previousLocation = location, previousDistances = [];
        Matrix previousCovariance = covariance;
        int[] previousRows = rows;
        dist = [];
        while (det < previousDet && remaining > 0 && !double.IsInfinity(det))
        {
            previousLocation = location;
            previousCovariance = covariance;
            previousDet = det;
            previousRows = rows;
            precision = PseudoInverse(covariance);
            dist = Mahalanobis(x, location, precision);
            rows = Smallest(dist, h);
            (location, covariance) = MeanCovariance(x, rows);
            det = LogDet(covariance);
            remaining--;
        }
        previousDistances = dist;
        dist = Mahalanobis(x, location, precision);
        Estimate result = new(location, covariance, det, Mask(rows, n), dist);
        if (!double.IsInfinity(det) && !AllClose(det, previousDet) && det > previousDet)
            result = new(previousLocation, previousCovariance, previousDet, Mask(previousRows, n), previousDistances);
        if (remaining == 0) result = new(location, covariance, det, Mask(rows, n), dist);
        return result;
    }

    /// <summary>fast_mcd for n &gt; 500: subsets of about 300 rows, then a merge of up to 1,500 rows, then all rows.</summary>
    private static Estimate Large(Matrix x, int h, RandomSource rng)
    {
        int n = x.Rows;
        int subsets = n / 300, subsetRows = n / subsets;
        var shuffle = rng.Permutation(n);
        int hSubset = (int)Math.Ceiling(subsetRows * (h / (double)n));
        int trials = Math.Max(10, 500 / subsets);
        var pooled = new List<Estimate>();
        for (int i = 0; i < subsets; i++)
        {
            var subset = x.SelectRows(shuffle.AsSpan(i * subsetRows, subsetRows).ToArray());
            pooled.AddRange(SelectCandidates(subset, hSubset, Random(trials), 10, 2, rng));
        }
        int merged = Math.Min(1500, n);
        int hMerged = (int)Math.Ceiling(merged * (h / (double)n));
        int bestMerged = n > 1500 ? 10 : 1;
        var selection = rng.Permutation(n)[..merged];
        var xm = x.SelectRows(selection);
        var best = SelectCandidates(xm, hMerged, pooled, bestMerged, 30, rng);
        if (n < 1500)
        {
            // As scikit-learn: support and distances of the merged rows only (the other rows get false and 0).
            var support = new bool[n];
            var dist = new double[n];
            for (int j = 0; j < merged; j++)
            {
                support[selection[j]] = best[0].Support[j];
                dist[selection[j]] = best[0].Distances[j];
            }
            return best[0] with { Support = support, Distances = dist };
        }
        return SelectCandidates(x, h, best, 1, 30, rng)[0];
    }

    /// <summary>p = 1: the h consecutive sorted values with the smallest range (mean of the centres of all such halves).</summary>
    private static Estimate Univariate(Matrix x, int h)
    {
        int n = x.Rows;
        var v = Enumerable.Range(0, n).Select(i => x[i, 0]).ToArray();
        double location;
        int[] rows;
        if (h < n)
        {
            var sorted = v.Order().ToArray();
            var diff = Enumerable.Range(0, n - h).Select(i => sorted[h + i] - sorted[i]).ToArray();
            double min = diff.Min();
            var starts = Enumerable.Range(0, diff.Length).Where(i => diff[i] == min).ToArray();
            location = 0.5 * starts.Select(i => sorted[h + i] + sorted[i]).Average();
            rows = Smallest(v.Select(a => Math.Abs(a - location)).ToArray(), h);
        }
        else
        {
            rows = Enumerable.Range(0, n).ToArray();
            location = v.Average();
        }
        double mean = rows.Average(i => v[i]);
        double variance = rows.Sum(i => (v[i] - mean) * (v[i] - mean)) / rows.Length;
        if (h >= n) location = mean;
        var cov = new Matrix(1, 1);
        cov[0, 0] = variance;
        var precision = PseudoInverse(cov);
        var dist = v.Select(a => (a - location) * (a - location) * precision[0, 0]).ToArray();
        return new Estimate([location], cov, LogDet(cov), Mask(rows, n), dist);
    }

    /// <summary>Mean and population covariance (divisor m) of the given rows.</summary>
    internal static (double[] Mean, Matrix Covariance) MeanCovariance(Matrix x, int[] rows)
    {
        int p = x.Columns, m = rows.Length;
        var mean = new double[p];
        foreach (int i in rows)
        {
            var r = x.Row(i);
            for (int j = 0; j < p; j++) mean[j] += r[j];
        }
        for (int j = 0; j < p; j++) mean[j] /= m;
        var cov = new Matrix(p, p);
        var c = new double[p];
        foreach (int i in rows)
        {
            var r = x.Row(i);
            for (int j = 0; j < p; j++) c[j] = r[j] - mean[j];
            for (int a = 0; a < p; a++)
                for (int b = a; b < p; b++) cov[a, b] += c[a] * c[b];
        }
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
            {
                cov[a, b] /= m;
                cov[b, a] = cov[a, b];
            }
        return (mean, cov);
    }

    /// <summary>Squared Mahalanobis distance (x − μ)ᵀ P (x − μ) of every row.</summary>
    internal static double[] Mahalanobis(Matrix x, double[] location, Matrix precision)
    {
        int n = x.Rows, p = x.Columns;
        var d = new double[n];
        var c = new double[p];
        for (int i = 0; i < n; i++)
        {
            var r = x.Row(i);
            for (int j = 0; j < p; j++) c[j] = r[j] - location[j];
            double s = 0;
            for (int a = 0; a < p; a++)
            {
                double t = 0;
                var row = precision.Row(a);
                for (int b = 0; b < p; b++) t += row[b] * c[b];
                s += c[a] * t;
            }
            d[i] = s;
        }
        return d;
    }

    /// <summary>scipy's <c>pinvh</c>: V diag(1/λ) Vᵀ over the eigenvalues above max|λ|·p·ε (the others dropped).</summary>
    internal static Matrix PseudoInverse(Matrix a)
    {
        var eig = SymmetricEigenDecomposition.Decompose(a);
        int p = a.Rows;
        var lambda = eig.Eigenvalues;
        double cutoff = lambda.Max(Math.Abs) * p * 2.220446049250313e-16; // machine epsilon
        var v = eig.Eigenvectors;
        var inv = new Matrix(p, p);
        for (int k = 0; k < p; k++)
        {
            if (!(Math.Abs(lambda[k]) > cutoff)) continue;
            double w = 1.0 / lambda[k];
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) inv[i, j] += v[i, k] * w * v[j, k];
        }
        return inv;
    }

    /// <summary>log det of a symmetric matrix, −∞ when it is not positive definite (scikit-learn's <c>fast_logdet</c>).</summary>
    internal static double LogDet(Matrix a)
    {
        var lambda = SymmetricEigenDecomposition.EigenvaluesOnly(a);
        double s = 0;
        foreach (double l in lambda)
        {
            if (!(l > 0)) return double.NegativeInfinity;
            s += Math.Log(l);
        }
        return s;
    }

    /// <summary>Indices of the h smallest values (stable: ties by index).</summary>
    private static int[] Smallest(double[] values, int h)
    {
        var idx = new int[values.Length];
        for (int i = 0; i < idx.Length; i++) idx[i] = i;
        Array.Sort(idx, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b));
        return idx[..h];
    }

    private static bool[] Mask(int[] rows, int n)
    {
        var m = new bool[n];
        foreach (int i in rows) m[i] = true;
        return m;
    }

    private static bool AllClose(double a, double b) => Math.Abs(a - b) <= 1e-8 + 1e-5 * Math.Abs(b);

    private static double Median(double[] values)
    {
        var s = values.Order().ToArray();
        int n = s.Length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
