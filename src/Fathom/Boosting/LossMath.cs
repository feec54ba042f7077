namespace Fathom.Boosting;

/// <summary>Small numeric helpers the losses share.</summary>
internal static class LossMath
{
    /// <summary>Σ w·y / Σ w (plain mean without weights).</summary>
    public static double WeightedMean(double[] y, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0;
            sum += w * y[i];
            total += w;
        }
        return sum / total;
    }

    /// <summary>1 / (1 + e^−f), computed without overflow.</summary>
    public static double Sigmoid(double f) => f >= 0 ? 1 / (1 + Math.Exp(-f)) : Math.Exp(f) / (1 + Math.Exp(f));

    /// <summary>log(1 + e^f) without overflow.</summary>
    public static double Log1pExp(double f) => f > 0 ? f + Math.Log(1 + Math.Exp(-f)) : Math.Log(1 + Math.Exp(f));

    /// <summary>
    /// The q-quantile (q in [0, 1]) of <paramref name="values"/> (reordered in place), as scikit-learn's losses fit a
    /// constant: without weights numpy's linear-interpolation percentile (the median averages the two middle values);
    /// with weights scikit-learn's <c>_weighted_percentile</c>, the smallest value whose cumulative weight reaches
    /// q · total weight (no interpolation). O(m log m).
    /// </summary>
    public static double Quantile(Span<double> values, Span<double> weights, double q)
    {
        int m = values.Length;
        if (m == 0) return 0;
        if (weights.IsEmpty)
        {
            values.Sort();
            double index = q * (m - 1);
            int lo = (int)Math.Floor(index);
            if (lo >= m - 1) return values[m - 1];
            double t = index - lo, a = values[lo], b = values[lo + 1];
            return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t; // numpy's _lerp
        }
        values.Sort(weights);
        double total = 0;
        foreach (double w in weights) total += w;
        double target = q * total;
        if (target == 0) target = Math.BitIncrement(0.0);
        double cdf = 0;
        for (int i = 0; i < m; i++)
        {
            cdf += weights[i];
            if (cdf >= target) return values[i];
        }
        return values[m - 1];
    }

    /// <summary>The q-quantile of y − raw[offset + r] over <paramref name="rows"/> (weighted when weights are given).</summary>
    public static double ResidualQuantile(ReadOnlySpan<int> rows, double[] y, double[] raw, int offset, double[]? weights, double q)
    {
        var residuals = new double[rows.Length];
        var w = weights is null ? null : new double[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            int r = rows[k];
            residuals[k] = y[r] - raw[offset + r];
            if (w is not null) w[k] = weights![r];
        }
        return Quantile(residuals, w, q);
    }
}
