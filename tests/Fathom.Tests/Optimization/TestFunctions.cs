using Fathom.Optimization;

namespace Fathom.Tests.Optimization;

/// <summary>Rosenbrock's function Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1).</summary>
internal sealed class Rosenbrock(int n) : IDifferentiableFunction
{
    public int Dimension => n;
    public int Calls { get; private set; }

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Calls++;
        gradient.Clear();
        double f = 0;
        for (int i = 0; i + 1 < n; i++)
        {
            double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            f += 100 * a * a + b * b;
            gradient[i] += -400 * a * x[i] - 2 * b;
            gradient[i + 1] += 200 * a;
        }
        return f;
    }
}

/// <summary>f(x) = ½ (x − x*)ᵀ A (x − x*) + c with A = Bᵀ B + I (SPD), minimum c at x*.</summary>
internal sealed class Quadratic : IDifferentiableFunction
{
    private readonly double[,] _a;
    public double[] Minimizer { get; }
    public double MinValue { get; }

    public Quadratic(int n, int seed, double minValue)
    {
        var rng = new Random(seed);
        var b = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i, j] = rng.NextDouble() * 2 - 1;
        _a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) s += b[k, i] * b[k, j];
                _a[i, j] = s;
            }
        Minimizer = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
        MinValue = minValue;
    }

    public int Dimension => Minimizer.Length;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        int n = Dimension;
        double f = 0;
        for (int i = 0; i < n; i++)
        {
            double gi = 0;
            for (int j = 0; j < n; j++) gi += _a[i, j] * (x[j] - Minimizer[j]);
            gradient[i] = gi;
            f += 0.5 * (x[i] - Minimizer[i]) * gi;
        }
        return f + MinValue;
    }
}

/// <summary>Central finite-difference check of an objective's gradient.</summary>
internal static class GradientCheck
{
    /// <summary>max_i |g_i − fd_i| / max(1, |fd_i|) at <paramref name="x"/>.</summary>
    public static double MaxError(IDifferentiableFunction f, double[] x, double h = 1e-6)
    {
        int n = f.Dimension;
        var g = new double[n];
        var scratch = new double[n];
        f.Evaluate(x, g);
        double worst = 0;
        var xp = (double[])x.Clone();
        for (int i = 0; i < n; i++)
        {
            double step = h * Math.Max(1, Math.Abs(x[i]));
            xp[i] = x[i] + step;
            double fp = f.Evaluate(xp, scratch);
            xp[i] = x[i] - step;
            double fm = f.Evaluate(xp, scratch);
            xp[i] = x[i];
            double fd = (fp - fm) / (2 * step);
            worst = Math.Max(worst, Math.Abs(g[i] - fd) / Math.Max(1, Math.Abs(fd)));
        }
        return worst;
    }
}
