using System.Numerics.Tensors;

namespace Fathom.Boosting;

/// <summary>Binary log-loss log(1 + e^f) − y·f with the logistic link: gradient σ(f) − y, hessian σ(f)(1 − σ(f));
/// baseline = logit of the weighted positive rate (clipped to [ε, 1 − ε]). y holds class codes 0/1.</summary>
internal sealed class BinaryLogLoss : IBoostingLoss
{
    public int TreesPerIteration => 1;

    public double[] Baseline(double[] y, double[]? weights)
    {
        double p = Math.Clamp(LossMath.WeightedMean(y, weights), 2.220446049250313e-16, 1 - 2.220446049250313e-16);
        return [Math.Log(p / (1 - p))];
    }

    public void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end)
    {
        // σ(f) for the whole range with the vectorized kernel, then g = w(p − y), h = w·p(1 − p).
        Span<double> p = end - start <= 8192 ? stackalloc double[end - start] : new double[end - start];
        TensorPrimitives.Sigmoid(raw.AsSpan(start, end - start), p);
        for (int i = start; i < end; i++)
        {
            double w = weights?[i] ?? 1.0, pi = p[i - start];
            gradient[i] = (float)(w * (pi - y[i]));
            hessian[i] = (float)(w * pi * (1 - pi));
        }
    }

    public double Loss(double[] y, double[] raw, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0, f = raw[i];
            sum += w * (LossMath.Log1pExp(f) - y[i] * f);
            total += w;
        }
        return sum / total;
    }

    public void InverseLink(ReadOnlySpan<double> raw, Span<double> output)
    {
        double p = LossMath.Sigmoid(raw[0]);
        output[0] = 1 - p;
        output[1] = p;
    }
}
