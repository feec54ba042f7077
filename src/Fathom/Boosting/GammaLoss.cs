namespace Fathom.Boosting;

/// <summary>Half Gamma deviance with a log link, f + y·e^−f (up to a constant; targets &gt; 0): gradient 1 − y·e^−f,
/// hessian y·e^−f (times the weight); baseline = log of the weighted mean; predictions e^f.</summary>
internal sealed class GammaLoss : IBoostingLoss
{
    public int TreesPerIteration => 1;

    public double[] Baseline(double[] y, double[]? weights) => [Math.Log(LossMath.WeightedMean(y, weights))];

    public void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            double w = weights?[i] ?? 1.0, t = y[i] * Math.Exp(-raw[i]);
            gradient[i] = (float)(w * (1 - t));
            hessian[i] = (float)(w * t);
        }
    }

    public double Loss(double[] y, double[] raw, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0;
            sum += w * (raw[i] + y[i] * Math.Exp(-raw[i]));
            total += w;
        }
        return sum / total;
    }

    public void InverseLink(ReadOnlySpan<double> raw, Span<double> output) => output[0] = Math.Exp(raw[0]);
}
