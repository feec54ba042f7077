namespace Fathom.Boosting;

/// <summary>Small numeric helpers the losses share.</summary>
internal static class LossMath
{
    /// <summary>Σ w·y / Σ w (plain mean without weights).</summary>
    public static double WeightedMean(double[] y, double[]? weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0;
            sum += w * y[i];
            total += w;
        }
        return sum / total;
    }

    /// <summary>1 / (1 + e^−f), computed without overflow.</summary>
    public static double Sigmoid(double f) => f >= 0 ? 1 / (1 + Math.Exp(-f)) : Math.Exp(f) / (1 + Math.Exp(f));

    /// <summary>log(1 + e^f) without overflow.</summary>
    public static double Log1pExp(double f) => f > 0 ? f + Math.Log(1 + Math.Exp(-f)) : Math.Log(1 + Math.Exp(f));
}
