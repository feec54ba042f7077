using System.Globalization;
using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// A kernel with its resolved parameters. Kernel values are computed from dot products given by the shared
/// GEMV/GEMM kernels (and squared row norms for the RBF kernel: ‖x − z‖² = ‖x‖² + ‖z‖² − 2 x·z), then mapped
/// element-wise with the SIMD primitives.
/// </summary>
internal sealed record KernelFunction(SvmKernel Kind, double Gamma, double Coef0, int Degree)
{
    /// <summary>Resolves scikit-learn's <c>gamma</c>: "scale" = 1 / (p · Var(X)) (1 when the variance is 0),
    /// "auto" = 1 / p, or a positive number.</summary>
    public static double ResolveGamma(string? gamma, Matrix x, string estimator)
    {
        string g = (gamma ?? "scale").Trim();
        if (g.Equals("scale", StringComparison.OrdinalIgnoreCase))
        {
            double mean = 0, m2 = 0;
            long count = 0;
            for (int i = 0; i < x.Rows; i++)
                foreach (double v in x.Row(i))
                {
                    count++;
                    double d = v - mean;
                    mean += d / count;
                    m2 += d * (v - mean);
                }
            double var = m2 / count;
            return var > 0 ? 1.0 / (x.Columns * var) : 1.0;
        }
        if (g.Equals("auto", StringComparison.OrdinalIgnoreCase)) return 1.0 / x.Columns;
        if (double.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value > 0)
            return value;
        throw new InvalidHyperparameterException("gamma",
            $"{estimator}: gamma = '{gamma}' is not valid; it must be \"scale\", \"auto\" or a number > 0 (the kernel coefficient of rbf, poly and sigmoid).");
    }

    /// <summary>Maps dot products to kernel values in place. <paramref name="rowNorm"/> is ‖x‖² and
    /// <paramref name="colNorms"/> the ‖z‖² of each entry (RBF only).</summary>
    public void FromDots(Span<double> dots, double rowNorm, ReadOnlySpan<double> colNorms)
    {
        switch (Kind)
        {
            case SvmKernel.Linear:
                return;
            case SvmKernel.Rbf:
                // exp(−γ (‖x‖² + ‖z‖² − 2 x·z))
                TensorPrimitives.Multiply(dots, -2.0, dots);
                TensorPrimitives.Add(dots, colNorms, dots);
                TensorPrimitives.Add(dots, rowNorm, dots);
                TensorPrimitives.Multiply(dots, -Gamma, dots);
                TensorPrimitives.Exp(dots, dots);
                return;
            case SvmKernel.Poly:
                TensorPrimitives.Multiply(dots, Gamma, dots);
                TensorPrimitives.Add(dots, Coef0, dots);
                for (int i = 0; i < dots.Length; i++) dots[i] = IntPow(dots[i], Degree);
                return;
            default:
                TensorPrimitives.Multiply(dots, Gamma, dots);
                TensorPrimitives.Add(dots, Coef0, dots);
                TensorPrimitives.Tanh(dots, dots);
                return;
        }
    }

    private static double IntPow(double v, int degree)
    {
        double r = 1;
        for (int k = 0; k < degree; k++) r *= v;
        return r;
    }

    /// <summary>K(a_i, b_j) for all pairs (a.Rows × b.Rows), by one GEMM (and the shared squared-distance
    /// kernel for RBF). O(n·m·p).</summary>
    public Matrix Compute(Matrix a, Matrix b, int threads = 0)
    {
        if (Kind == SvmKernel.Rbf)
        {
            var d = Distances.SquaredEuclidean(a, b, threads);
            var span = d.AsSpan();
            TensorPrimitives.Multiply(span, -Gamma, span);
            TensorPrimitives.Exp(span, span);
            return d;
        }
        var k = MatrixOps.MultiplyTransposed(a, b, threads);
        if (Kind != SvmKernel.Linear) FromDots(k.AsSpan(), 0, default);
        return k;
    }
}
