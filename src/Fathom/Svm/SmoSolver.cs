using System.Numerics.Tensors;
using Fathom.Core;

namespace Fathom.Svm;

/// <summary>
/// Sequential minimal optimization for the SVM dual, as libsvm's solver (Fan, Chen and Lin 2005):
/// minimize ½ αᵀQα + pᵀα subject to yᵀα = Δ and 0 ≤ α_i ≤ C_i, y_i = ±1. Each step picks the pair (i, j) by
/// second-order working-set selection (i maximizes −y_i∇_i over I_up, j maximizes the decrease of the objective
/// over I_low), solves the two-variable problem in closed form and updates the gradient with two rows of Q.
/// Variables that are bound and unlikely to move are shrunk out of the active set every min(l, 1000) steps;
/// the gradient of the shrunk ones is rebuilt from Ḡ (the bound part) before the final optimality check.
/// The ν variant keeps the two sign classes apart in selection, shrinking and ρ
/// (Chang and Lin 2001). Stops when the maximal violation m(α) − M(α) &lt; tol.
/// </summary>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private const byte Lower = 0, Upper = 1, Free = 2;

    private readonly QMatrix _q;
    private readonly bool _nu;
    private readonly int _l;
    private readonly double[] _y;
    private readonly double[] _p;
    private readonly double[] _c;
    private readonly double[] _alpha;
    private readonly double[] _g;
    private readonly double[] _gBar;
    private readonly byte[] _status;
    private readonly int[] _activeSet;
    private readonly double[] _qd;
    private readonly double _eps;
    private int _activeSize;
    private bool _unshrink;

    private SmoSolver(QMatrix q, double[] p, double[] y, double[] alpha, double[] c, double eps, bool nu)
    {
        _q = q;
        _nu = nu;
        _l = y.Length;
        _p = (double[])p.Clone();
        _y = (double[])y.Clone();
        _alpha = (double[])alpha.Clone();
        _c = (double[])c.Clone();
        _eps = eps;
        _qd = q.Diagonal;
        _g = new double[_l];
        _gBar = new double[_l];
        _status = new byte[_l];
        _activeSet = new int[_l];
        for (int i = 0; i < _l; i++)
        {
            _activeSet[i] = i;
            UpdateStatus(i);
        }
        _activeSize = _l;
    }

    /// <summary>The result: α in the original order, ρ (the decision offset), the ν solver's r, iterations.</summary>
    public sealed record Result(double[] Alpha, double Rho, double R, double Objective, int Iterations, bool Converged);

    /// <summary>Solves the dual from the feasible start <paramref name="alpha"/>.</summary>
    /// <param name="q">The Q matrix (reordered in place while shrinking).</param>
    /// <param name="p">Linear term.</param>
    /// <param name="y">±1 per variable.</param>
    /// <param name="alpha">Feasible start.</param>
    /// <param name="c">Upper bound per variable.</param>
    /// <param name="eps">Stopping tolerance on the maximal violation.</param>
    /// <param name="shrinking">Use the shrinking heuristic.</param>
    /// <param name="nu">ν-SVM variant.</param>
    /// <param name="maxIter">Iteration limit; ≤ 0 for libsvm's max(10⁷, 100 l).</param>
    /// <param name="context">Cancellation and warnings.</param>
    public static Result Solve(QMatrix q, double[] p, double[] y, double[] alpha, double[] c, double eps, bool shrinking, bool nu,
        int maxIter, FitContext? context)
    {
        var s = new SmoSolver(q, p, y, alpha, c, eps, nu);
        return s.Run(shrinking, maxIter, context);
    }

    private void UpdateStatus(int i) =>
        _status[i] = _alpha[i] >= _c[i] ? Upper : _alpha[i] <= 0 ? Lower : Free;

    private bool IsUpper(int i) => _status[i] == Upper;

    private bool IsLower(int i) => _status[i] == Lower;

    private bool IsFree(int i) => _status[i] == Free;

    private Result Run(bool shrinking, int maxIter, FitContext? context)
    {
        int l = _l;
        // Gradient G = Qα + p and Ḡ = Σ_{α_i = C_i} C_i Q_i.
        Array.Copy(_p, _g, l);
        for (int i = 0; i < l; i++)
        {
            if (IsLower(i)) continue;
            var qi = _q.GetRow(i, l).AsSpan(0, l);
            TensorPrimitives.MultiplyAdd(qi, _alpha[i], _g, _g);
            if (IsUpper(i)) TensorPrimitives.MultiplyAdd(qi, _c[i], _gBar, _gBar);
        }

        long limit = maxIter > 0 ? maxIter : Math.Max(10_000_000L, 100L * l);
        int iter = 0;
        int counter = Math.Min(l, 1000) + 1;
        bool converged = true;
        var token = context?.CancellationToken ?? CancellationToken.None;
        while (iter < limit)
        {
            if (--counter == 0)
            {
                counter = Math.Min(l, 1000);
                if (shrinking) Shrink();
                token.ThrowIfCancellationRequested();
            }
            if (!SelectWorkingSet(out int i, out int j))
            {
                ReconstructGradient();
                _activeSize = l;
                if (!SelectWorkingSet(out i, out j)) break;
                counter = 1; // shrink at the next iteration
            }
            iter++;
            Step(i, j);
        }
        if (iter >= limit)
        {
            converged = false;
            if (_activeSize < l)
            {
                ReconstructGradient();
                _activeSize = l;
            }
            context?.Log?.Invoke($"SVM solver reached max_iter = {limit} before converging; consider scaling the data or raising max_iter.");
        }

        double r = 0;
        double rho = _nu ? RhoNu(out r) : Rho();
        double obj = 0;
        for (int i = 0; i < l; i++) obj += _alpha[i] * (_g[i] + _p[i]);
        obj /= 2;
        var alpha = new double[l];
        for (int i = 0; i < l; i++) alpha[_activeSet[i]] = _alpha[i];
        return new Result(alpha, rho, r, obj, iter, converged);
    }

    private void Step(int i, int j)
    {
        int active = _activeSize;
        var qi = _q.GetRow(i, active);
        var qj = _q.GetRow(j, active);
        double ci = _c[i], cj = _c[j];
        double oldI = _alpha[i], oldJ = _alpha[j];
        if (_y[i] != _y[j])
        {
            double quad = _qd[i] + _qd[j] + 2 * qi[j];
            if (quad <= 0) quad = Tau;
            double delta = (-_g[i] - _g[j]) / quad;
            double diff = _alpha[i] - _alpha[j];
            _alpha[i] += delta;
            _alpha[j] += delta;
            if (diff > 0)
            {
                if (_alpha[j] < 0) { _alpha[j] = 0; _alpha[i] = diff; }
            }
            else if (_alpha[i] < 0) { _alpha[i] = 0; _alpha[j] = -diff; }
            if (diff > ci - cj)
            {
                if (_alpha[i] > ci) { _alpha[i] = ci; _alpha[j] = ci - diff; }
            }
            else if (_alpha[j] > cj) { _alpha[j] = cj; _alpha[i] = cj + diff; }
        }
        else
        {
            double quad = _qd[i] + _qd[j] - 2 * qi[j];
            if (quad <= 0) quad = Tau;
            double delta = (_g[i] - _g[j]) / quad;
            double sum = _alpha[i] + _alpha[j];
            _alpha[i] -= delta;
            _alpha[j] += delta;
            if (sum > ci)
            {
                if (_alpha[i] > ci) { _alpha[i] = ci; _alpha[j] = sum - ci; }
            }
            else if (_alpha[j] < 0) { _alpha[j] = 0; _alpha[i] = sum; }
            if (sum > cj)
            {
                if (_alpha[j] > cj) { _alpha[j] = cj; _alpha[i] = sum - cj; }
            }
            else if (_alpha[i] < 0) { _alpha[i] = 0; _alpha[j] = sum; }
        }

        double dI = _alpha[i] - oldI, dJ = _alpha[j] - oldJ;
        var g = _g.AsSpan(0, active);
        TensorPrimitives.MultiplyAdd(qi.AsSpan(0, active), dI, g, g);
        TensorPrimitives.MultiplyAdd(qj.AsSpan(0, active), dJ, g, g);

        bool ui = IsUpper(i), uj = IsUpper(j);
        UpdateStatus(i);
        UpdateStatus(j);
        if (ui != IsUpper(i))
        {
            var row = _q.GetRow(i, _l).AsSpan(0, _l);
            TensorPrimitives.MultiplyAdd(row, ui ? -ci : ci, _gBar, _gBar);
        }
        if (uj != IsUpper(j))
        {
            var row = _q.GetRow(j, _l).AsSpan(0, _l);
            TensorPrimitives.MultiplyAdd(row, uj ? -cj : cj, _gBar, _gBar);
        }
    }

    /// <summary>Second-order working-set selection; false when optimal within tol.</summary>
    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        if (_nu) return SelectNu(out outI, out outJ);
        int active = _activeSize;
        double gmax = double.NegativeInfinity, gmax2 = double.NegativeInfinity;
        int gmaxIdx = -1, gminIdx = -1;
        double objMin = double.PositiveInfinity;
        for (int t = 0; t < active; t++)
        {
            if (_y[t] > 0)
            {
                if (!IsUpper(t) && -_g[t] >= gmax) { gmax = -_g[t]; gmaxIdx = t; }
            }
            else if (!IsLower(t) && _g[t] >= gmax) { gmax = _g[t]; gmaxIdx = t; }
        }
        int i = gmaxIdx;
        double[]? qi = i != -1 ? _q.GetRow(i, active) : null;
        for (int j = 0; j < active; j++)
        {
            if (_y[j] > 0)
            {
                if (IsLower(j)) continue;
                double gradDiff = gmax + _g[j];
                if (_g[j] >= gmax2) gmax2 = _g[j];
                if (gradDiff > 0)
                {
                    double quad = _qd[i] + _qd[j] - 2.0 * _y[i] * qi![j];
                    double obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                    if (obj <= objMin) { gminIdx = j; objMin = obj; }
                }
            }
            else
            {
                if (IsUpper(j)) continue;
                double gradDiff = gmax - _g[j];
                if (-_g[j] >= gmax2) gmax2 = -_g[j];
                if (gradDiff > 0)
                {
                    double quad = _qd[i] + _qd[j] + 2.0 * _y[i] * qi![j];
                    double obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                    if (obj <= objMin) { gminIdx = j; objMin = obj; }
                }
            }
        }
        outI = gmaxIdx;
        outJ = gminIdx;
        return !(gmax + gmax2 < _eps || gminIdx == -1);
    }

    private bool SelectNu(out int outI, out int outJ)
    {
        int active = _activeSize;
        double gmaxp = double.NegativeInfinity, gmaxp2 = double.NegativeInfinity;
        double gmaxn = double.NegativeInfinity, gmaxn2 = double.NegativeInfinity;
        int ip = -1, inn = -1, gminIdx = -1;
        double objMin = double.PositiveInfinity;
        for (int t = 0; t < active; t++)
        {
            if (_y[t] > 0)
            {
                if (!IsUpper(t) && -_g[t] >= gmaxp) { gmaxp = -_g[t]; ip = t; }
            }
            else if (!IsLower(t) && _g[t] >= gmaxn) { gmaxn = _g[t]; inn = t; }
        }
        double[]? qip = ip != -1 ? _q.GetRow(ip, active) : null;
        double[]? qin = inn != -1 ? _q.GetRow(inn, active) : null;
        // the second row fetch may not evict the first (LRU keeps the newest two rows)
        for (int j = 0; j < active; j++)
        {
            if (_y[j] > 0)
            {
                if (IsLower(j)) continue;
                double gradDiff = gmaxp + _g[j];
                if (_g[j] >= gmaxp2) gmaxp2 = _g[j];
                if (gradDiff > 0)
                {
                    double quad = _qd[ip] + _qd[j] - 2 * qip![j];
                    double obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                    if (obj <= objMin) { gminIdx = j; objMin = obj; }
                }
            }
            else
            {
                if (IsUpper(j)) continue;
                double gradDiff = gmaxn - _g[j];
                if (-_g[j] >= gmaxn2) gmaxn2 = -_g[j];
                if (gradDiff > 0)
                {
                    double quad = _qd[inn] + _qd[j] - 2 * qin![j];
                    double obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                    if (obj <= objMin) { gminIdx = j; objMin = obj; }
                }
            }
        }
        outI = gminIdx >= 0 && _y[gminIdx] > 0 ? ip : inn;
        outJ = gminIdx;
        return !(Math.Max(gmaxp + gmaxp2, gmaxn + gmaxn2) < _eps || gminIdx == -1);
    }

    private void ReconstructGradient()
    {
        int l = _l, active = _activeSize;
        if (active == l) return;
        for (int j = active; j < l; j++) _g[j] = _gBar[j] + _p[j];
        int nFree = 0;
        for (int j = 0; j < active; j++) if (IsFree(j)) nFree++;
        if ((long)nFree * l > 2L * active * (l - active))
        {
            for (int i = active; i < l; i++)
            {
                var qi = _q.GetRow(i, active);
                double s = 0;
                for (int j = 0; j < active; j++) if (IsFree(j)) s += _alpha[j] * qi[j];
                _g[i] += s;
            }
        }
        else
        {
            var tail = _g.AsSpan(active, l - active);
            for (int i = 0; i < active; i++)
            {
                if (!IsFree(i)) continue;
                var qi = _q.GetRow(i, l);
                TensorPrimitives.MultiplyAdd(qi.AsSpan(active, l - active), _alpha[i], tail, tail);
            }
        }
    }

    private void Shrink()
    {
        if (_nu)
        {
            ShrinkNu();
            return;
        }
        double gmax1 = double.NegativeInfinity, gmax2 = double.NegativeInfinity;
        for (int i = 0; i < _activeSize; i++)
        {
            if (_y[i] > 0)
            {
                if (!IsUpper(i) && -_g[i] >= gmax1) gmax1 = -_g[i];
                if (!IsLower(i) && _g[i] >= gmax2) gmax2 = _g[i];
            }
            else
            {
                if (!IsUpper(i) && -_g[i] >= gmax2) gmax2 = -_g[i];
                if (!IsLower(i) && _g[i] >= gmax1) gmax1 = _g[i];
            }
        }
        if (!_unshrink && gmax1 + gmax2 <= _eps * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _l;
        }
        Compact(i => BeShrunk(i, gmax1, gmax2));
    }

    private bool BeShrunk(int i, double gmax1, double gmax2)
    {
        if (IsUpper(i)) return _y[i] > 0 ? -_g[i] > gmax1 : -_g[i] > gmax2;
        if (IsLower(i)) return _y[i] > 0 ? _g[i] > gmax2 : _g[i] > gmax1;
        return false;
    }

    private void ShrinkNu()
    {
        double g1 = double.NegativeInfinity, g2 = double.NegativeInfinity, g3 = double.NegativeInfinity, g4 = double.NegativeInfinity;
        for (int i = 0; i < _activeSize; i++)
        {
            if (!IsUpper(i))
            {
                if (_y[i] > 0) { if (-_g[i] > g1) g1 = -_g[i]; }
                else if (-_g[i] > g4) g4 = -_g[i];
            }
            if (!IsLower(i))
            {
                if (_y[i] > 0) { if (_g[i] > g2) g2 = _g[i]; }
                else if (_g[i] > g3) g3 = _g[i];
            }
        }
        if (!_unshrink && Math.Max(g1 + g2, g3 + g4) <= _eps * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _l;
        }
        Compact(i =>
        {
            if (IsUpper(i)) return _y[i] > 0 ? -_g[i] > g1 : -_g[i] > g4;
            if (IsLower(i)) return _y[i] > 0 ? _g[i] > g2 : _g[i] > g3;
            return false;
        });
    }

    /// <summary>Moves the variables to shrink behind the active prefix.</summary>
    private void Compact(Func<int, bool> shrink)
    {
        for (int i = 0; i < _activeSize; i++)
        {
            if (!shrink(i)) continue;
            _activeSize--;
            while (_activeSize > i)
            {
                if (!shrink(_activeSize))
                {
                    SwapIndex(i, _activeSize);
                    break;
                }
                _activeSize--;
            }
        }
    }

    private void SwapIndex(int i, int j)
    {
        _q.Swap(i, j);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_g[i], _g[j]) = (_g[j], _g[i]);
        (_status[i], _status[j]) = (_status[j], _status[i]);
        (_alpha[i], _alpha[j]) = (_alpha[j], _alpha[i]);
        (_p[i], _p[j]) = (_p[j], _p[i]);
        (_activeSet[i], _activeSet[j]) = (_activeSet[j], _activeSet[i]);
        (_gBar[i], _gBar[j]) = (_gBar[j], _gBar[i]);
        (_c[i], _c[j]) = (_c[j], _c[i]);
    }

    private double Rho()
    {
        double ub = double.PositiveInfinity, lb = double.NegativeInfinity, sumFree = 0;
        int nFree = 0;
        for (int i = 0; i < _activeSize; i++)
        {
            double yg = _y[i] * _g[i];
            if (IsUpper(i))
            {
                if (_y[i] < 0) ub = Math.Min(ub, yg); else lb = Math.Max(lb, yg);
            }
            else if (IsLower(i))
            {
                if (_y[i] > 0) ub = Math.Min(ub, yg); else lb = Math.Max(lb, yg);
            }
            else
            {
                nFree++;
                sumFree += yg;
            }
        }
        return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
    }

    private double RhoNu(out double r)
    {
        double ub1 = double.PositiveInfinity, ub2 = double.PositiveInfinity;
        double lb1 = double.NegativeInfinity, lb2 = double.NegativeInfinity;
        double sum1 = 0, sum2 = 0;
        int n1 = 0, n2 = 0;
        for (int i = 0; i < _activeSize; i++)
        {
            if (_y[i] > 0)
            {
                if (IsUpper(i)) lb1 = Math.Max(lb1, _g[i]);
                else if (IsLower(i)) ub1 = Math.Min(ub1, _g[i]);
                else { n1++; sum1 += _g[i]; }
            }
            else
            {
                if (IsUpper(i)) lb2 = Math.Max(lb2, _g[i]);
                else if (IsLower(i)) ub2 = Math.Min(ub2, _g[i]);
                else { n2++; sum2 += _g[i]; }
            }
        }
        double r1 = n1 > 0 ? sum1 / n1 : (ub1 + lb1) / 2;
        double r2 = n2 > 0 ? sum2 / n2 : (ub2 + lb2) / 2;
        r = (r1 + r2) / 2;
        return (r1 - r2) / 2;
    }
}
