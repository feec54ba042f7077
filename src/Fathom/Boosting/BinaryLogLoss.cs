using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        int i = start;
        if (weights is null && Vector256.IsHardwareAccelerated)
        {
            // Unweighted: four rows at a time, narrowed to float (the same values as the scalar loop below).
            ref double p0 = ref MemoryMarshal.GetReference(p);
            ref double y0 = ref MemoryMarshal.GetArrayDataReference(y);
            ref float g0 = ref MemoryMarshal.GetArrayDataReference(gradient);
            ref float h0 = ref MemoryMarshal.GetArrayDataReference(hessian);
            for (; i + 4 <= end; i += 4)
            {
                var pv = Vector256.LoadUnsafe(ref p0, (nuint)(i - start));
                var yv = Vector256.LoadUnsafe(ref y0, (nuint)i);
                var g = Vector256.Narrow(pv - yv, Vector256<double>.Zero).GetLower();
                var h = Vector256.Narrow(pv * (Vector256<double>.One - pv), Vector256<double>.Zero).GetLower();
                g.StoreUnsafe(ref g0, (nuint)i);
                h.StoreUnsafe(ref h0, (nuint)i);
            }
        }
        for (; i < end; i++)
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
