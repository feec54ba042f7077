namespace Fathom.Optimization;

/// <summary>
/// Line search for the strong Wolfe conditions (Nocedal &amp; Wright, Numerical Optimization, 2nd ed.,
/// algorithms 3.5 and 3.6): bracketing by expansion, then zoom by safeguarded cubic interpolation.
/// Conditions on φ(α) = f(x + α d): φ(α) ≤ φ(0) + c₁ α φ'(0) and |φ'(α)| ≤ c₂ |φ'(0)|.
/// All buffers are supplied by the caller; nothing is allocated.
/// </summary>
internal static class WolfeLineSearch
{
    internal const double C1 = 1e-4;
    internal const double C2 = 0.9;

    /// <summary>Result of a search: whether the strong Wolfe conditions hold (<c>Strong</c>), whether at least
    /// sufficient decrease holds (<c>Decrease</c>), the step, and the number of evaluations.</summary>
    internal readonly record struct Outcome(bool Strong, bool Decrease, double Step, double Value, int Evaluations);

    /// <summary>
    /// Searches along <paramref name="d"/> from <paramref name="x"/>. On return <paramref name="xOut"/> and
    /// <paramref name="gOut"/> hold the accepted point and its gradient when <c>Decrease</c> is true.
    /// <paramref name="xTry"/>/<paramref name="gTry"/> are scratch.
    /// </summary>
    internal static Outcome Search(IDifferentiableFunction f, double[] x, double f0, double[] g0,
        double[] d, double step0, int maxEvaluations,
        double[] xOut, double[] gOut, double[] xTry, double[] gTry)
    {
        double dphi0 = Dot(g0, d);
        int evals = 0;
        // "lo" is the best point so far that satisfies sufficient decrease (α = 0 initially: the start point).
        double aLo = 0, phiLo = f0, dphiLo = dphi0;
        bool haveLo = false;
        double aPrev = 0, phiPrev = f0, dphiPrev = dphi0;
        double a = step0;
        double aHi = double.NaN, phiHi = double.NaN, dphiHi = double.NaN;
        bool bracketed = false;

        while (evals < maxEvaluations)
        {
            double phi = Eval(f, x, d, a, xTry, gTry, ref evals);
            double dphi = Dot(gTry, d);
            if (!double.IsFinite(phi) || phi > f0 + C1 * a * dphi0 || (evals > 1 && phi >= phiPrev))
            {
                aLo = aPrev; phiLo = phiPrev; dphiLo = dphiPrev;
                aHi = a; phiHi = phi; dphiHi = dphi;
                bracketed = true;
                break;
            }
            // Sufficient decrease holds at a.
            Accept(a, phi, dphi);
            if (Math.Abs(dphi) <= -C2 * dphi0) return new Outcome(true, true, a, phi, evals);
            if (dphi >= 0)
            {
                aHi = aPrev; phiHi = phiPrev; dphiHi = dphiPrev;
                bracketed = true;
                break;
            }
            // Expand: cubic extrapolation clamped to [1.1 a, 4 a].
            double next = CubicMin(aPrev, phiPrev, dphiPrev, a, phi, dphi);
            aPrev = a; phiPrev = phi; dphiPrev = dphi;
            a = double.IsFinite(next) ? Math.Clamp(next, 1.1 * a, 4 * a) : 2 * a;
        }

        if (bracketed)
        {
            // Zoom between aLo (sufficient decrease, lowest value) and aHi.
            while (evals < maxEvaluations)
            {
                double width = aHi - aLo;
                if (Math.Abs(width) <= 1e-16 * Math.Max(1.0, Math.Abs(aLo))) break;
                double t = double.IsFinite(phiHi) && double.IsFinite(dphiHi)
                    ? CubicMin(aLo, phiLo, dphiLo, aHi, phiHi, dphiHi)
                    : double.NaN;
                double lowB = Math.Min(aLo, aHi) + 0.1 * Math.Abs(width), highB = Math.Max(aLo, aHi) - 0.1 * Math.Abs(width);
                if (!double.IsFinite(t) || t < lowB || t > highB) t = aLo + 0.5 * width;
                double phi = Eval(f, x, d, t, xTry, gTry, ref evals);
                double dphi = Dot(gTry, d);
                if (!double.IsFinite(phi) || phi > f0 + C1 * t * dphi0 || phi >= phiLo)
                {
                    aHi = t; phiHi = phi; dphiHi = dphi;
                }
                else
                {
                    Accept(t, phi, dphi);
                    if (Math.Abs(dphi) <= -C2 * dphi0) return new Outcome(true, true, t, phi, evals);
                    if (dphi * (aHi - aLo) >= 0) { aHi = aLo; phiHi = phiLo; dphiHi = dphiLo; }
                    aLo = t; phiLo = phi; dphiLo = dphi;
                }
            }
        }
        return haveLo ? new Outcome(false, true, aLo, phiLo, evals) : new Outcome(false, false, 0, f0, evals);

        void Accept(double step, double value, double slope)
        {
            // Every accepted point has sufficient decrease and the lowest value so far: keep it, so a search
            // that runs out of evaluations can still move.
            Array.Copy(xTry, xOut, xTry.Length);
            Array.Copy(gTry, gOut, gTry.Length);
            haveLo = true;
            aLo = step; phiLo = value; dphiLo = slope;
        }
    }

    private static double Eval(IDifferentiableFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> d, double a,
        Span<double> xTry, Span<double> gTry, ref int evals)
    {
        for (int i = 0; i < x.Length; i++) xTry[i] = x[i] + a * d[i];
        evals++;
        return f.Evaluate(xTry, gTry);
    }

    /// <summary>Minimizer of the cubic interpolating (a, fa, da) and (b, fb, db); NaN when it has none.</summary>
    internal static double CubicMin(double a, double fa, double da, double b, double fb, double db)
    {
        if (a == b) return double.NaN;
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) return double.NaN;
        double d2 = Math.CopySign(Math.Sqrt(disc), b - a);
        double denom = db - da + 2 * d2;
        if (denom == 0) return double.NaN;
        return b - (b - a) * (db + d2 - d1) / denom;
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
