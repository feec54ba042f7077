namespace Fathom.ModelSelection;

/// <summary>
/// Platt's sigmoid calibration as scikit-learn 1.2's <c>_sigmoid_calibration</c>: fits A, B so that
/// P(positive | f) = 1 / (1 + exp(A·f + B)), minimising the (weighted) log-loss against Platt's smoothed targets
/// t₊ = (N₊ + 1)/(N₊ + 2) and t₋ = 1/(N₋ + 2), where N₊, N₋ are the (weighted) class counts. The problem is
/// convex in (A, B); it is solved by Newton's method with backtracking from B₀ = log((N₋ + 1)/(N₊ + 1)), A₀ = 0,
/// to a gradient of 1e-12 relative to the sample weight. O(n) per iteration.
/// </summary>
public static class PlattScaling
{
    /// <summary>Fits the sigmoid.</summary>
    /// <param name="scores">Uncalibrated scores f (finite).</param>
    /// <param name="positive">Whether each row is of the positive class.</param>
    /// <param name="sampleWeight">Optional non-negative weights.</param>
    /// <returns>(A, B); note A is usually negative for scores that grow with the positive class.</returns>
    public static (double A, double B) Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive, ReadOnlySpan<double> sampleWeight = default)
    {
        int n = scores.Length;
        if (positive.Length != n || (!sampleWeight.IsEmpty && sampleWeight.Length != n))
            throw new ArgumentException("scores, positive and sampleWeight must have the same length.");
        double prior0 = 0, prior1 = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            double w = sampleWeight.IsEmpty ? 1 : sampleWeight[i];
            if (positive[i]) prior1 += w; else prior0 += w;
            total += w;
        }
        double tPos = (prior1 + 1) / (prior1 + 2), tNeg = 1 / (prior0 + 2);
        double a = 0, b = Math.Log((prior0 + 1) / (prior1 + 1));
        double loss = Loss(scores, positive, sampleWeight, tPos, tNeg, a, b);
        double tol = 1e-12 * Math.Max(total, 1);
        for (int iter = 0; iter < 200; iter++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < n; i++)
            {
                double w = sampleWeight.IsEmpty ? 1 : sampleWeight[i];
                double f = scores[i], t = positive[i] ? tPos : tNeg;
                double p = Expit(-(a * f + b));       // P = 1/(1+e^z)
                double d = w * (t - p);               // ∂loss/∂z = T − P
                double h = w * p * (1 - p);
                ga += d * f; gb += d;
                haa += h * f * f; hab += h * f; hbb += h;
            }
            if (Math.Sqrt(ga * ga + gb * gb) < tol) break;
            double ridge = 1e-12 * (haa + hbb) + 1e-300;
            haa += ridge; hbb += ridge;
            double det = haa * hbb - hab * hab;
            double da, db;
            if (det > 0) { da = -(hbb * ga - hab * gb) / det; db = -(haa * gb - hab * ga) / det; }
            else { da = -ga / Math.Max(haa, 1e-300); db = -gb / Math.Max(hbb, 1e-300); }
            double step = 1;
            double next = loss;
            bool moved = false;
            for (int k = 0; k < 60; k++, step *= 0.5)
            {
                next = Loss(scores, positive, sampleWeight, tPos, tNeg, a + step * da, b + step * db);
                if (next <= loss + 1e-4 * step * (ga * da + gb * db)) { moved = true; break; }
            }
            if (!moved) break;
            a += step * da; b += step * db;
            if (Math.Abs(step * da) <= 1e-16 * (1 + Math.Abs(a)) && Math.Abs(step * db) <= 1e-16 * (1 + Math.Abs(b))) break;
            loss = next;
        }
        return (a, b);
    }

    /// <summary>Calibrated probability 1 / (1 + exp(A·f + B)) of each score.</summary>
    /// <param name="scores">Scores f.</param>
    /// <param name="a">Slope A from <see cref="Fit"/>.</param>
    /// <param name="b">Intercept B from <see cref="Fit"/>.</param>
    public static double[] Predict(ReadOnlySpan<double> scores, double a, double b)
    {
        var p = new double[scores.Length];
        for (int i = 0; i < p.Length; i++) p[i] = Expit(-(a * scores[i] + b));
        return p;
    }

    private static double Expit(double v) => v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v));

    // Σ w [log(1 + e^z) − (1 − T) z] with z = A f + B, which equals −[T log P + (1 − T) log(1 − P)].
    private static double Loss(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive, ReadOnlySpan<double> weight,
        double tPos, double tNeg, double a, double b)
    {
        double s = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double z = a * scores[i] + b, t = positive[i] ? tPos : tNeg;
            double softplus = z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z));
            s += (weight.IsEmpty ? 1 : weight[i]) * (softplus - (1 - t) * z);
        }
        return s;
    }
}
