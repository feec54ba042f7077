namespace Fathom.Boosting;

/// <summary>Pseudo-Huber loss δ²(√(1 + (r/δ)²) − 1) of the residual r = f − y (identity link), XGBoost's
/// <c>reg:pseudohubererror</c> / LightGBM's smooth Huber: quadratic for |r| ≪ δ, linear (slope δ) beyond.
/// Gradient r/s, hessian 1/s³ with s = √(1 + (r/δ)²) (times the weight). Baseline: the constant minimizing the
/// weighted loss, by iteratively reweighted means from the median.</summary>
internal sealed class PseudoHuberLoss(double delta) : IBoostingLoss
{
    public int TreesPerIteration => 1;

    public double[] Baseline(double[] y, double[]? weights)
    {
        double c = LossMath.Quantile((double[])y.Clone(), weights is null ? default : (double[])weights.Clone(), 0.5);
        for (int iter = 0; iter < 200; iter++)
        {
            // Stationarity Σ w (c − y)/s = 0 as a weighted mean of y with weights w/s (s evaluated at the current c).
            double num = 0, den = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double r = (c - y[i]) / delta, v = (weights?[i] ?? 1.0) / Math.Sqrt(1 + r * r);
                num += v * y[i];
                den += v;
            }
            double next = num / den;
            bool done = Math.Abs(next - c) <= 1e-13 * Math.Max(1, Math.Abs(c));
            c = next;
            if (done) break;
        }
        return [c];
    }

    public void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            double w = weights?[i] ?? 1.0, r = raw[i] - y[i], u = r / delta, s = Math.Sqrt(1 + u * u);
            gradient[i] = (float)(w * r / s);
            hessian[i] = (float)(w / (s * s * s));
        }
    }

    public double Loss(double[] y, double[] raw, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0, u = (raw[i] - y[i]) / delta;
            sum += w * delta * delta * (Math.Sqrt(1 + u * u) - 1);
            total += w;
        }
        return sum / total;
    }

    public void InverseLink(ReadOnlySpan<double> raw, Span<double> output) => output[0] = raw[0];
}
