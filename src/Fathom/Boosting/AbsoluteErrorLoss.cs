namespace Fathom.Boosting;

/// <summary>Absolute error |y − f| (identity link), scikit-learn's <c>absolute_error</c>: gradient sign(f − y) (−1 on
/// ties), hessian 1 (times the weight); baseline = weighted median; after each tree is grown, every leaf's value is
/// replaced by the (weighted) median of the residuals y − f of its rows, times the learning rate.</summary>
internal sealed class AbsoluteErrorLoss : IBoostingLoss
{
    public int TreesPerIteration => 1;

    public double[] Baseline(double[] y, double[]? weights) => [LossMath.Quantile((double[])y.Clone(), weights is null ? default : (double[])weights.Clone(), 0.5)];

    public void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            double w = weights?[i] ?? 1.0;
            gradient[i] = (float)(raw[i] > y[i] ? w : -w);
            hessian[i] = (float)w;
        }
    }

    public double Loss(double[] y, double[] raw, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0;
            sum += w * Math.Abs(y[i] - raw[i]);
            total += w;
        }
        return sum / total;
    }

    public LeafValueUpdate? LeafUpdate(double[] y, double[] raw, int offset, double[]? weights) =>
        rows => LossMath.ResidualQuantile(rows, y, raw, offset, weights, 0.5);

    public void InverseLink(ReadOnlySpan<double> raw, Span<double> output) => output[0] = raw[0];
}
