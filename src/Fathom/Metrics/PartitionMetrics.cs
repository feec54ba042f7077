using Fathom.Statistics;

namespace Fathom.Metrics;

/// <summary>
/// Agreement between two labelings of the same rows (a clustering against classes, or two clusterings), with
/// scikit-learn 1.2's definitions: mutual information and its normalized and chance-adjusted forms, homogeneity,
/// completeness and the V-measure. Label values only name groups: renumbering either labeling changes nothing.
/// Natural logarithms. O(n + cells) except the adjusted MI (O(R · C · min(N, max margin))).
/// </summary>
public static class PartitionMetrics
{
    /// <summary>MI = Σᵢⱼ (nᵢⱼ/N) ln(N nᵢⱼ / (aᵢ bⱼ)), ≥ 0; 0 when either labeling has a single group. Symmetric.</summary>
    public static double MutualInformation(IReadOnlyList<int> a, IReadOnlyList<int> b) => Mi(Contingency.Of(a, b));

    /// <summary>MI / average(H(a), H(b)) in [0, 1] (1 for identical partitions, also when both are one group). Symmetric.</summary>
    public static double NormalizedMutualInformation(IReadOnlyList<int> a, IReadOnlyList<int> b, PartitionAverage average = PartitionAverage.Arithmetic)
    {
        var c = Contingency.Of(a, b);
        if (SameTrivial(c)) return 1;
        double mi = Mi(c);
        if (mi == 0) return 0;
        return mi / Average(Contingency.Entropy(c.Rows), Contingency.Entropy(c.Columns), average);
    }

    /// <summary>
    /// Adjusted mutual information (MI − E[MI]) / (average(H(a), H(b)) − E[MI]) with E[MI] under the hypergeometric
    /// model of random labelings of the same group sizes (Vinh, Epps &amp; Bailey 2010): about 0 for independent
    /// labelings, 1 for identical ones. Symmetric.
    /// </summary>
    public static double AdjustedMutualInformation(IReadOnlyList<int> a, IReadOnlyList<int> b, PartitionAverage average = PartitionAverage.Arithmetic)
    {
        var c = Contingency.Of(a, b);
        if (SameTrivial(c)) return 1;
        double mi = Mi(c), emi = ExpectedMi(c);
        double normalizer = Average(Contingency.Entropy(c.Rows), Contingency.Entropy(c.Columns), average);
        double denominator = normalizer - emi;
        const double eps = 2.220446049250313e-16;
        denominator = denominator < 0 ? Math.Min(denominator, -eps) : Math.Max(denominator, eps);
        return (mi - emi) / denominator;
    }

    /// <summary>Homogeneity MI / H(classes): 1 when every cluster holds rows of one class only.</summary>
    /// <param name="classes">True classes.</param>
    /// <param name="clusters">Cluster labels.</param>
    public static double Homogeneity(IReadOnlyList<int> classes, IReadOnlyList<int> clusters) => HomogeneityCompletenessV(classes, clusters).Homogeneity;

    /// <summary>Completeness MI / H(clusters): 1 when all rows of a class fall in one cluster.</summary>
    /// <param name="classes">True classes.</param>
    /// <param name="clusters">Cluster labels.</param>
    public static double Completeness(IReadOnlyList<int> classes, IReadOnlyList<int> clusters) => HomogeneityCompletenessV(classes, clusters).Completeness;

    /// <summary>V-measure (1 + β)·h·c / (β·h + c) of homogeneity h and completeness c (β = 1: their harmonic mean; equals NMI with the arithmetic mean).</summary>
    /// <param name="classes">True classes.</param>
    /// <param name="clusters">Cluster labels.</param>
    /// <param name="beta">Weight of completeness relative to homogeneity.</param>
    public static double VMeasure(IReadOnlyList<int> classes, IReadOnlyList<int> clusters, double beta = 1) =>
        HomogeneityCompletenessV(classes, clusters, beta).VMeasure;

    /// <summary>Homogeneity, completeness and V-measure at once (scikit-learn's homogeneity_completeness_v_measure).</summary>
    public static (double Homogeneity, double Completeness, double VMeasure) HomogeneityCompletenessV(IReadOnlyList<int> classes,
        IReadOnlyList<int> clusters, double beta = 1)
    {
        var c = Contingency.Of(classes, clusters);
        if (c.Total == 0) return (1, 1, 1);
        double hc = Contingency.Entropy(c.Rows), hk = Contingency.Entropy(c.Columns), mi = Mi(c);
        double h = hc != 0 ? mi / hc : 1, comp = hk != 0 ? mi / hk : 1;
        double v = h + comp == 0 ? 0 : (1 + beta) * h * comp / (beta * h + comp);
        return (h, comp, v);
    }

    private static bool SameTrivial(Contingency c) =>
        (c.Rows.Length == 1 && c.Columns.Length == 1) || (c.Rows.Length == 0 && c.Columns.Length == 0);

    private static double Mi(Contingency c)
    {
        if (c.Rows.Length <= 1 || c.Columns.Length <= 1) return 0;
        const double eps = 2.220446049250313e-16;
        double n = c.Total, logN = Math.Log(n), mi = 0;
        foreach (var ((r, col), count) in c.Cells)
        {
            double p = count / n;
            double term = p * (Math.Log(count) - logN) + p * (-Math.Log((double)c.Rows[r] * c.Columns[col]) + 2 * logN);
            if (Math.Abs(term) >= eps) mi += term;
        }
        return Math.Max(mi, 0);
    }

    private static double ExpectedMi(Contingency c)
    {
        long n = c.Total;
        double logN = Math.Log(n), glnN = SpecialFunctions.LogGamma(n + 1);
        double emi = 0;
        foreach (long ai in c.Rows)
        {
            double glnA = SpecialFunctions.LogGamma(ai + 1), glnNa = SpecialFunctions.LogGamma(n - ai + 1), logA = Math.Log(ai);
            foreach (long bj in c.Columns)
            {
                double glnB = SpecialFunctions.LogGamma(bj + 1), glnNb = SpecialFunctions.LogGamma(n - bj + 1), logB = Math.Log(bj);
                long start = Math.Max(1, ai + bj - n), end = Math.Min(ai, bj);
                for (long nij = start; nij <= end; nij++)
                {
                    double term2 = logN + Math.Log(nij) - logA - logB;
                    double gln = glnA + glnB + glnNa + glnNb - glnN - SpecialFunctions.LogGamma(nij + 1)
                        - SpecialFunctions.LogGamma(ai - nij + 1) - SpecialFunctions.LogGamma(bj - nij + 1)
                        - SpecialFunctions.LogGamma(n - ai - bj + nij + 1);
                    emi += nij / (double)n * term2 * Math.Exp(gln);
                }
            }
        }
        return emi;
    }

    private static double Average(double u, double v, PartitionAverage average) => average switch
    {
        PartitionAverage.Geometric => Math.Sqrt(u * v),
        PartitionAverage.Min => Math.Min(u, v),
        PartitionAverage.Max => Math.Max(u, v),
        _ => (u + v) / 2,
    };
}
