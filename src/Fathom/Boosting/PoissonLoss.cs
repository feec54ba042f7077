namespace Fathom.Boosting;

/// <summary>Half Poisson deviance with log link, e^f − y·f: gradient e^f − y, hessian e^f; baseline = log of the
/// weighted mean; inverse link exp.</summary>
internal sealed class PoissonLoss : IBoostingLoss
{
    public int TreesPerIteration => 1;

    public double[] Baseline(double[] y, double[]? weights) => [Math.Log(Math.Max(LossMath.WeightedMean(y, weights), 1e-300))];

    public void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            double w = weights?[i] ?? 1.0, mu = Math.Exp(raw[i]);
            gradient[i] = (float)(w * (mu - y[i]));
            hessian[i] = (float)(w * mu);
        }
    }

    public double Loss(double[] y, double[] raw, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0;
            sum += w * (Math.Exp(raw[i]) - y[i] * raw[i]);
            total += w;
        }
        return sum / total;
    }

    public void InverseLink(ReadOnlySpan<double> raw, Span<double> output) => output[0] = Math.Exp(raw[0]);
}
