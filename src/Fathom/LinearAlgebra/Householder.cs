using System.Numerics;
using System.Numerics.Tensors;

namespace Fathom.LinearAlgebra;

/// <summary>Shared Householder reflector and Givens rotation kernels (LAPACK dlarfg conventions).</summary>
internal static class Householder
{
    /// <summary>
    /// Turns x into β·e₁ by H = I − τ·v·vᵀ (v₀ = 1, the tail of v stored in x[1..], β in x[0]); returns τ
    /// (0, meaning H = I, when the tail of x is already zero).
    /// </summary>
    public static double Make(Span<double> x)
    {
        if (x.Length <= 1) return 0.0;
        var tail = x[1..];
        double xnorm = TensorPrimitives.Norm<double>(tail);
        if (xnorm == 0) return 0.0;
        double alpha = x[0];
        double beta = -Math.CopySign(double.Hypot(alpha, xnorm), alpha);
        double tau = (beta - alpha) / beta;
        TensorPrimitives.Multiply<double>(tail, 1.0 / (alpha - beta), tail);
        x[0] = beta;
        return tau;
    }

    /// <summary>y ← (I − τ·v·vᵀ)·y where v = (1, vTail).</summary>
    public static void Apply(double tau, ReadOnlySpan<double> vTail, Span<double> y)
    {
        if (tau == 0) return;
        double w = y[0] + TensorPrimitives.Dot(vTail, y[1..]);
        double tw = tau * w;
        y[0] -= tw;
        TensorPrimitives.MultiplyAdd(vTail, -tw, y[1..], y[1..]);
    }

    /// <summary>Plane rotation of two rows: (x, y) ← (c·x − s·y, s·x + c·y), vectorized.</summary>
    public static void Rotate(Span<double> x, Span<double> y, double c, double s)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<double>.Count;
            var vc = new Vector<double>(c);
            var vs = new Vector<double>(s);
            for (; i <= x.Length - w; i += w)
            {
                var a = new Vector<double>(x[i..]);
                var b = new Vector<double>(y[i..]);
                (vc * a - vs * b).CopyTo(x[i..]);
                (vs * a + vc * b).CopyTo(y[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            double a = x[i], b = y[i];
            x[i] = c * a - s * b;
            y[i] = s * a + c * b;
        }
    }
}
