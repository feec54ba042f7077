namespace Fathom.Boosting;

/// <summary>Multinomial log-loss with the softmax link, one tree per class per iteration: for class k, gradient
/// p_k − [y = k], hessian p_k(1 − p_k); baseline = log of the weighted class priors minus their mean
/// (scikit-learn's symmetric multinomial logit). y holds class codes 0..K−1.</summary>
internal sealed class MultinomialLoss(int classes) : IBoostingLoss
{
    public int TreesPerIteration => classes;

    public double[] Baseline(double[] y, double[]? weights)
    {
        var prior = new double[classes];
        double total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights?[i] ?? 1.0;
            prior[(int)y[i]] += w;
            total += w;
        }
        double mean = 0;
        for (int k = 0; k < classes; k++)
        {
            prior[k] = Math.Log(Math.Clamp(prior[k] / total, 2.220446049250313e-16, 1 - 2.220446049250313e-16));
            mean += prior[k];
        }
        mean /= classes;
        for (int k = 0; k < classes; k++) prior[k] -= mean;
        return prior;
    }

    public void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end)
    {
        int n = y.Length;
        Span<double> p = classes <= 64 ? stackalloc double[classes] : new double[classes];
        for (int i = start; i < end; i++)
        {
            Softmax(raw, i, n, p);
            double w = weights?[i] ?? 1.0;
            int label = (int)y[i];
            for (int k = 0; k < classes; k++)
            {
                gradient[k * n + i] = (float)(w * (p[k] - (k == label ? 1.0 : 0.0)));
                hessian[k * n + i] = (float)(w * p[k] * (1 - p[k]));
            }
        }
    }

    public double Loss(double[] y, double[] raw, double[]? weights)
    {
        int n = y.Length;
        double sum = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < classes; k++) max = Math.Max(max, raw[k * n + i]);
            double s = 0;
            for (int k = 0; k < classes; k++) s += Math.Exp(raw[k * n + i] - max);
            double w = weights?[i] ?? 1.0;
            sum += w * (max + Math.Log(s) - raw[(int)y[i] * n + i]);
            total += w;
        }
        return sum / total;
    }

    public void InverseLink(ReadOnlySpan<double> raw, Span<double> output)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < raw.Length; k++) max = Math.Max(max, raw[k]);
        double s = 0;
        for (int k = 0; k < raw.Length; k++) s += output[k] = Math.Exp(raw[k] - max);
        for (int k = 0; k < raw.Length; k++) output[k] /= s;
    }

    private void Softmax(double[] raw, int i, int n, Span<double> p)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < classes; k++) max = Math.Max(max, raw[k * n + i]);
        double s = 0;
        for (int k = 0; k < classes; k++) s += p[k] = Math.Exp(raw[k * n + i] - max);
        for (int k = 0; k < classes; k++) p[k] /= s;
    }
}
