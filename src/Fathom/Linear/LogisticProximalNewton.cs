using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Proximal Newton for L1 / elastic-net penalized logistic regression (the method of glmnet and of newGLMNET):
/// minimizes F(W, b) = Σᵢ sᵢ ℓᵢ + l1·‖W‖₁ + ½·l2·‖W‖², intercept not penalized. Binary (k = 1, y ∈ {0, 1}) uses
/// one block; multinomial (k ≥ 2) cycles over the classes, each class's row being one block with the others fixed.
/// For a block, the loss is replaced by its second-order expansion around the current point (weights
/// hᵢ = sᵢ pᵢ (1 − pᵢ), gradients gᵢ = sᵢ (pᵢ − yᵢ)), that penalized quadratic is minimized by cyclic coordinate descent
/// (soft-threshold updates, unpenalized intercept), and the resulting direction is accepted with a backtracking
/// line search on F (Armijo rule of Tseng and Yun, σ = 0.01). Stops when the largest component of the minimum-norm
/// subgradient of F is at most <c>tol</c>: the exact optimality condition, so the answer is the optimum to that
/// accuracy whatever the path.
/// </summary>
/// <remarks>Cost per outer iteration: O(n·p·k) for the gradients plus O(n·p) per inner sweep and block. The
/// design is kept transposed (p × n) so every coordinate reads one contiguous column.</remarks>
internal sealed class LogisticProximalNewton
{
    private const int MaxInnerSweeps = 100;
    private const double Armijo = 0.01;

    private readonly Matrix _x;
    private readonly Matrix _xt;
    private readonly Matrix _hx; // p × n: hᵢ·xᵢⱼ of the current block
    private readonly double[] _sw;
    private readonly bool _intercept;
    private readonly double _l1;
    private readonly double _l2;
    private readonly int _n;
    private readonly int _p;

    /// <param name="x">Features (n × p).</param>
    /// <param name="sampleWeight">Weight per row (null: all 1).</param>
    /// <param name="fitIntercept">Whether to fit an unpenalized intercept per block.</param>
    /// <param name="l1">L1 strength (ρ/C).</param>
    /// <param name="l2">L2 strength ((1 − ρ)/C).</param>
    public LogisticProximalNewton(Matrix x, double[]? sampleWeight, bool fitIntercept, double l1, double l2)
    {
        _x = x;
        _xt = x.Transpose();
        _hx = new Matrix(x.Columns, x.Rows);
        _n = x.Rows;
        _p = x.Columns;
        _sw = sampleWeight ?? Enumerable.Repeat(1.0, _n).ToArray();
        _intercept = fitIntercept;
        _l1 = l1;
        _l2 = l2;
    }

    /// <summary>Minimizes F. <paramref name="k"/> = 1: binary with y = codes ∈ {0, 1}; k ≥ 2: softmax over k classes.</summary>
    /// <returns>Coefficients (k × p), intercepts (k), outer iterations and whether the tolerance was met.</returns>
    public (Matrix W, double[] B, int Iterations, bool Converged) Solve(int[] codes, int k, int maxIter, double tol, CancellationToken cancel)
    {
        int n = _n, p = _p;
        var w = new Matrix(k, p);
        var b = new double[k];
        var z = new double[n * k];
        var g = new double[n];
        var h = new double[n];
        var gx = new double[p];
        var d = new double[p];
        var hr = new double[n];
        var r = new double[n];
        var a = new double[p];
        var zc = new double[n];
        double f = Loss(z, codes, k) + Penalty(w.AsSpan());
        int iter = 0;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            if (Violation(z, codes, k, w, g, h) <= tol) return (w, Centered(b, k), iter, true);
            if (iter >= maxIter) return (w, Centered(b, k), iter, false);
            iter++;
            bool moved = false;
            for (int c = 0; c < k; c++)
            {
                Derivatives(z, codes, k, c, g, h);
                for (int j = 0; j < p; j++) gx[j] = Blas.Dot(_xt.Row(j), g);
                var wc = w.Row(c);
                double db = InnerSolve(wc, g, h, gx, a, d, hr);

                // r = X·d + db: the change of the class-c scores along the direction.
                LinearKernels.Project(_x, 0, n, d, [db], 1, r);
                double delta = 0, dsum = 0;
                for (int i = 0; i < n; i++) delta += g[i] * r[i];
                for (int j = 0; j < p; j++)
                {
                    delta += _l2 * wc[j] * d[j] + _l1 * (Math.Abs(wc[j] + d[j]) - Math.Abs(wc[j]));
                    dsum += Math.Abs(d[j]);
                }
                if (dsum == 0 && db == 0) continue;
                if (!(delta < 0)) continue;

                double penaltyOld = Penalty(wc), penaltyAll = Penalty(w.AsSpan());
                double t = 1;
                bool accepted = false;
                for (int ls = 0; ls < 40; ls++)
                {
                    for (int i = 0; i < n; i++) zc[i] = z[i * k + c] + t * r[i];
                    double lossNew = LossWithColumn(z, codes, k, c, zc);
                    double penNew = 0;
                    for (int j = 0; j < p; j++)
                    {
                        double v = wc[j] + t * d[j];
                        penNew += _l1 * Math.Abs(v) + 0.5 * _l2 * v * v;
                    }
                    double fNew = lossNew + penaltyAll - penaltyOld + penNew;
                    // The unit step is also taken when its change of F is below F's rounding: close to the optimum the
                    // decrease (~ gradient²) vanishes under the last bits of F, where the quadratic model is exact.
                    if (fNew <= f + Armijo * t * delta || (t == 1 && fNew - f <= 1e-13 * Math.Abs(f)))
                    {
                        for (int j = 0; j < p; j++) wc[j] += t * d[j];
                        b[c] += t * db;
                        for (int i = 0; i < n; i++) z[i * k + c] = zc[i];
                        f = fNew;
                        accepted = true;
                        break;
                    }
                    t *= 0.5;
                }
                moved |= accepted;
            }
            if (!moved) return (w, Centered(b, k), iter, Violation(z, codes, k, w, g, h) <= tol);
        }
    }

    /// <summary>Softmax intercepts are defined up to a common constant; return them with zero mean, the point a
    /// gradient method started at zero stays on (as scikit-learn's solvers do).</summary>
    private static double[] Centered(double[] b, int k)
    {
        if (k < 2) return b;
        double mean = b.Average();
        for (int c = 0; c < k; c++) b[c] -= mean;
        return b;
    }

    private double Penalty(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double v in w) s += _l1 * Math.Abs(v) + 0.5 * _l2 * v * v;
        return s;
    }

    /// <summary>
    /// Coordinate descent on the penalized quadratic model of block <paramref name="wc"/>; returns the intercept
    /// step and leaves the coefficient step in <paramref name="d"/>.
    /// </summary>
    private double InnerSolve(Span<double> wc, double[] g, double[] h, double[] gx, double[] a, double[] d, double[] hr)
    {
        int n = _n, p = _p;
        Array.Clear(d);
        Array.Clear(hr);
        for (int j = 0; j < p; j++)
        {
            var hxj = _hx.Row(j);
            System.Numerics.Tensors.TensorPrimitives.Multiply(_xt.Row(j), h, hxj);
            a[j] = Blas.Dot(hxj, _xt.Row(j));
        }
        double hb = 0, gb = 0;
        for (int i = 0; i < n; i++) { hb += h[i]; gb += g[i]; }
        double db = 0;
        double firstMax = -1;
        for (int sweep = 0; sweep < MaxInnerSweeps; sweep++)
        {
            double maxDelta = 0;
            if (_intercept && hb > 0)
            {
                double grad = gb;
                for (int i = 0; i < n; i++) grad += hr[i];
                double step = -grad / hb;
                if (step != 0)
                {
                    db += step;
                    Blas.Axpy(step, h, hr);
                    maxDelta = Math.Abs(step);
                }
            }
            for (int j = 0; j < p; j++)
            {
                double denom = a[j] + _l2;
                if (denom <= 0) continue;
                var col = _xt.Row(j);
                double u0 = wc[j] + d[j];
                double gq = gx[j] + Blas.Dot(col, hr);
                double m = a[j] * u0 - gq;
                double u = Math.Abs(m) > _l1 ? Math.CopySign(Math.Abs(m) - _l1, m) / denom : 0.0;
                double step = u - u0;
                if (step == 0) continue;
                d[j] += step;
                Blas.Axpy(step, _hx.Row(j), hr);
                maxDelta = Math.Max(maxDelta, Math.Abs(step));
            }
            if (firstMax < 0) firstMax = maxDelta;
            if (maxDelta <= 1e-4 * firstMax || maxDelta == 0) break;
        }
        return db;
    }

    /// <summary>gᵢ = sᵢ (pᵢc − yᵢc) and hᵢ = sᵢ pᵢc (1 − pᵢc) for block c at scores z.</summary>
    private void Derivatives(double[] z, int[] codes, int k, int c, double[] g, double[] h)
    {
        for (int i = 0; i < _n; i++)
        {
            double pc;
            double yc;
            if (k == 1)
            {
                pc = Sigmoid(z[i]);
                yc = codes[i];
            }
            else
            {
                pc = SoftmaxEntry(z.AsSpan(i * k, k), c);
                yc = codes[i] == c ? 1 : 0;
            }
            g[i] = _sw[i] * (pc - yc);
            h[i] = _sw[i] * pc * (1 - pc);
        }
    }

    /// <summary>Largest component of the minimum-norm subgradient of F over every block (and intercept).</summary>
    private double Violation(double[] z, int[] codes, int k, Matrix w, double[] g, double[] hDummy)
    {
        double worst = 0;
        for (int c = 0; c < k; c++)
        {
            Derivatives(z, codes, k, c, g, hDummy);
            if (_intercept)
            {
                double s = 0;
                for (int i = 0; i < _n; i++) s += g[i];
                worst = Math.Max(worst, Math.Abs(s));
            }
            var wc = w.Row(c);
            for (int j = 0; j < _p; j++)
            {
                double grad = Blas.Dot(_xt.Row(j), g) + _l2 * wc[j];
                double v = wc[j] > 0 ? Math.Abs(grad + _l1)
                    : wc[j] < 0 ? Math.Abs(grad - _l1)
                    : Math.Max(0, Math.Abs(grad) - _l1);
                worst = Math.Max(worst, v);
            }
        }
        return worst;
    }

    /// <summary>Σ sᵢ ℓᵢ at scores z.</summary>
    private double Loss(double[] z, int[] codes, int k)
    {
        double loss = 0;
        for (int i = 0; i < _n; i++) loss += _sw[i] * RowLoss(z.AsSpan(i * k, k), codes[i], k, -1, 0);
        return loss;
    }

    /// <summary>Σ sᵢ ℓᵢ with column c of the scores replaced by <paramref name="zc"/>.</summary>
    private double LossWithColumn(double[] z, int[] codes, int k, int c, double[] zc)
    {
        double loss = 0;
        for (int i = 0; i < _n; i++) loss += _sw[i] * RowLoss(z.AsSpan(i * k, k), codes[i], k, c, zc[i]);
        return loss;
    }

    /// <summary>ℓ of one row; entry <paramref name="c"/> (when ≥ 0) replaced by <paramref name="zcValue"/>.</summary>
    private static double RowLoss(ReadOnlySpan<double> zi, int y, int k, int c, double zcValue)
    {
        if (k == 1)
        {
            double v = c == 0 ? zcValue : zi[0];
            return Math.Max(v, 0) + LogisticObjective.Log1p(Math.Exp(-Math.Abs(v))) - y * v;
        }
        double mx = double.NegativeInfinity;
        for (int j = 0; j < k; j++) mx = Math.Max(mx, j == c ? zcValue : zi[j]);
        double sum = 0;
        for (int j = 0; j < k; j++) sum += Math.Exp((j == c ? zcValue : zi[j]) - mx);
        double zy = y == c ? zcValue : zi[y];
        return Math.Log(sum) + mx - zy;
    }

    private static double Sigmoid(double v)
    {
        double e = Math.Exp(-Math.Abs(v));
        return v >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    private static double SoftmaxEntry(ReadOnlySpan<double> zi, int c)
    {
        double mx = double.NegativeInfinity;
        foreach (double v in zi) mx = Math.Max(mx, v);
        double sum = 0;
        foreach (double v in zi) sum += Math.Exp(v - mx);
        return Math.Exp(zi[c] - mx) / sum;
    }
}
