namespace Fathom.Boosting;

/// <summary>Half squared error ½(y − f)²: gradient f − y, hessian 1; baseline = weighted mean; identity link.</summary>
internal sealed class SquaredErrorLoss : IBoostingLoss
{
    public int TreesPerIteration => 1;

    public double[] Baseline(double[] y, double[]? weights) => [LossMath.WeightedMean(y, weights)];

    public void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            double w = weights?[i] ?? 1.0;
            gradient[i] = (float)(w * (raw[i] - y[i]));
            hessian[i] = (float)w;
        }
    }

    public double Loss(double[] y, double[] raw, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0, d = raw[i] - y[i];
            sum += w * 0.5 * d * d;
            total += w;
        }
        return sum / total;
    }

    public void InverseLink(ReadOnlySpan<double> raw, Span<double> output) => output[0] = raw[0];
}
