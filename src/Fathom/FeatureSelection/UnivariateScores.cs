using Fathom.Core;

namespace Fathom.FeatureSelection;

/// <summary>
/// The univariate statistics of scikit-learn 1.2.1's <c>f_classif</c>, <c>f_regression</c> and <c>chi2</c>,
/// computed with the same formulas (so they agree to rounding), each with its p-value.
/// </summary>
public static class UnivariateScores
{
    /// <summary>
    /// One-way ANOVA per feature: F = (SS_between/(k−1)) / (SS_within/(n−k)) with SS from the sums and sums of
    /// squares per class (scikit-learn's <c>f_oneway</c>); p = P(F(k−1, n−k) &gt; F). O(n·p).
    /// </summary>
    /// <param name="columns">Feature values, one array per feature.</param>
    /// <param name="y">Class of each row (any distinct numbers).</param>
    public static (double[] F, double[] PValues) FClassif(IReadOnlyList<double[]> columns, double[] y)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(y);
        var classes = y.Distinct().Order().ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        int k = classes.Length, n = y.Length;
        var counts = new double[k];
        foreach (double v in y) counts[index[v]]++;
        var f = new double[columns.Count];
        var pv = new double[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var x = columns[j];
            var sums = new double[k];
            double ss = 0, total = 0;
            for (int i = 0; i < n; i++)
            {
                sums[index[y[i]]] += x[i];
                ss += x[i] * x[i];
                total += x[i];
            }
            double sqAll = total * total;
            double sstot = ss - sqAll / n;
            double ssbn = 0;
            for (int c = 0; c < k; c++) ssbn += sums[c] * sums[c] / counts[c];
            ssbn -= sqAll / n;
            double sswn = sstot - ssbn;
            double dfbn = k - 1, dfwn = n - k;
            f[j] = ssbn / dfbn / (sswn / dfwn);
            pv[j] = dfwn > 0 ? Statistics.FisherFDistribution.Sf(f[j], dfbn, dfwn) : double.NaN;
        }
        return (f, pv);
    }

    /// <summary>
    /// F test of each feature's Pearson correlation r with the target: F = r²/(1 − r²)·(n − 2),
    /// p = P(F(1, n−2) &gt; F); r as scikit-learn's <c>r_regression</c> (centred target dotted with the feature,
    /// over the centred norms). O(n·p).
    /// </summary>
    public static (double[] F, double[] PValues) FRegression(IReadOnlyList<double[]> columns, double[] y)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(y);
        int n = y.Length;
        double ym = y.Average();
        var yc = y.Select(v => v - ym).ToArray();
        double yNorm = Math.Sqrt(yc.Sum(v => v * v));
        var f = new double[columns.Count];
        var pv = new double[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var x = columns[j];
            double mean = x.Average(), sq = 0, dot = 0;
            for (int i = 0; i < n; i++) { sq += x[i] * x[i]; dot += yc[i] * x[i]; }
            double xNorm = Math.Sqrt(sq - n * mean * mean);
            double r = dot / xNorm / yNorm;
            double r2 = r * r;
            f[j] = r2 / (1 - r2) * (n - 2);
            pv[j] = n > 2 ? Statistics.FisherFDistribution.Sf(f[j], 1, n - 2) : double.NaN;
        }
        return (f, pv);
    }

    /// <summary>
    /// χ² of each non-negative feature against the classes: observed = per-class feature sums, expected =
    /// class frequency × feature total, χ² = Σ (observed − expected)²/expected, p = P(χ²(k−1) &gt; χ²). O(n·p).
    /// </summary>
    /// <exception cref="InvalidInputException">A negative feature value (names the feature index and row).</exception>
    public static (double[] Chi2, double[] PValues) Chi2(IReadOnlyList<double[]> columns, double[] y)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(y);
        var classes = y.Distinct().Order().ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        int k = classes.Length, n = y.Length;
        var prob = new double[k];
        foreach (double v in y) prob[index[v]]++;
        for (int c = 0; c < k; c++) prob[c] /= n;
        int dof = Math.Max(k, 2) - 1; // a single class is binarized to two columns, as scikit-learn
        var chi = new double[columns.Count];
        var pv = new double[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var x = columns[j];
            var obs = new double[k];
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                if (x[i] < 0)
                    throw new InvalidInputException($"chi2: feature {j} has the negative value {x[i]} at row {i}; chi2 needs non-negative features (counts, frequencies). Use f_classif instead.", i);
                obs[index[y[i]]] += x[i];
                total += x[i];
            }
            double s = 0;
            for (int c = 0; c < k; c++)
            {
                double e = prob[c] * total;
                s += (obs[c] - e) * (obs[c] - e) / e;
            }
            chi[j] = s;
            pv[j] = Statistics.ChiSquaredDistribution.Sf(s, dof);
        }
        return (chi, pv);
    }

    internal static (double[] Scores, double[] PValues) Compute(ScoreFunction fn, IReadOnlyList<double[]> columns, double[] y) => fn switch
    {
        ScoreFunction.FClassif => FClassif(columns, y),
        ScoreFunction.FRegression => FRegression(columns, y),
        ScoreFunction.Chi2 => Chi2(columns, y),
        ScoreFunction.MutualInfoClassif => (MutualInformation.Classification(columns, y), []),
        _ => (MutualInformation.Regression(columns, y), []),
    };
}
