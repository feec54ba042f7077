namespace Fathom.Boosting;

/// <summary>Pinball loss of the α-quantile (identity link), scikit-learn's <c>quantile</c>: α(y − f) when y ≥ f, else
/// (1 − α)(f − y); gradient −α when y ≥ f, else 1 − α; hessian 1 (times the weight); baseline = weighted α-quantile
/// of y; after each tree is grown every leaf's value is replaced by the α-quantile of its rows' residuals y − f,
/// times the learning rate.</summary>
internal sealed class QuantileLoss(double alpha) : IBoostingLoss
{
    public int TreesPerIteration => 1;

    public double[] Baseline(double[] y, double[]? weights) => [LossMath.Quantile((double[])y.Clone(), weights is null ? default : (double[])weights.Clone(), alpha)];

    public void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            double w = weights?[i] ?? 1.0;
            gradient[i] = (float)(w * (y[i] >= raw[i] ? -alpha : 1 - alpha));
            hessian[i] = (float)w;
        }
    }

    public double Loss(double[] y, double[] raw, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0, d = y[i] - raw[i];
            sum += w * (d >= 0 ? alpha * d : (alpha - 1) * d);
            total += w;
        }
        return sum / total;
    }

    public LeafValueUpdate? LeafUpdate(double[] y, double[] raw, int offset, double[]? weights) =>
        rows => LossMath.ResidualQuantile(rows, y, raw, offset, weights, alpha);

    public void InverseLink(ReadOnlySpan<double> raw, Span<double> output) => output[0] = raw[0];
}
