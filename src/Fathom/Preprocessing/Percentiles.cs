namespace Fathom.Preprocessing;

/// <summary>
/// Order statistics as NumPy computes them (<c>np.percentile</c> with the default linear method, and
/// <c>np.median</c>), so that learned quantiles match scikit-learn to rounding.
/// </summary>
internal static class Percentiles
{
    /// <summary>
    /// The <paramref name="q"/>-th percentile (0 ≤ q ≤ 100) of ascending <paramref name="sorted"/> values, linear
    /// interpolation between order statistics: position h = (n − 1)·q/100, value = a[⌊h⌋] + (a[⌊h⌋+1] − a[⌊h⌋])·t,
    /// computed from the upper end when t ≥ ½ as NumPy's <c>_lerp</c> does. NaN for no values. O(1).
    /// </summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        int n = sorted.Length;
        if (n == 0) return double.NaN;
        double quantile = q / 100.0;
        // NumPy's linear method: virtual index = (n − 1)·q.
        double h = (n - 1) * quantile;
        if (h <= 0) return sorted[0];
        if (h >= n - 1) return sorted[n - 1];
        int lo = (int)Math.Floor(h);
        double t = h - lo;
        double a = sorted[lo], b = sorted[lo + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /// <summary>The median of ascending values as NumPy: the middle value, or the mean of the two middle values.</summary>
    internal static double Median(ReadOnlySpan<double> sorted)
    {
        int n = sorted.Length;
        if (n == 0) return double.NaN;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>NumPy's <c>linspace(start, stop, num)</c> (endpoint included): start + i·step, last = stop.</summary>
    internal static double[] Linspace(double start, double stop, int num)
    {
        var r = new double[num];
        if (num == 1) { r[0] = start; return r; }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) r[i] = i * step + start;
        r[num - 1] = stop;
        return r;
    }

    /// <summary>
    /// NumPy's <c>interp(x, xp, fp)</c>: piecewise-linear through (xp, fp) with xp ascending (ties allowed),
    /// fp[0] left of xp[0] and fp[^1] right of xp[^1]; the interval is the last j with xp[j] ≤ x. O(log m).
    /// </summary>
    internal static double Interp(double x, ReadOnlySpan<double> xp, ReadOnlySpan<double> fp)
    {
        int m = xp.Length;
        if (double.IsNaN(x)) return x;
        if (x < xp[0]) return fp[0];
        if (x >= xp[m - 1]) return x == xp[m - 1] ? fp[m - 1] : fp[m - 1];
        int lo = 0, hi = m - 1; // xp[lo] <= x < xp[hi]
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (xp[mid] <= x) lo = mid; else hi = mid;
        }
        if (xp[lo] == x) return fp[lo];
        double slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
        double r = slope * (x - xp[lo]) + fp[lo];
        if (double.IsNaN(r))
        {
            r = slope * (x - xp[lo + 1]) + fp[lo + 1];
            if (double.IsNaN(r) && fp[lo] == fp[lo + 1]) r = fp[lo];
        }
        return r;
    }
}
