using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>
/// Coordinate descent for X ≈ W·H with W, H ≥ 0 (scikit-learn's <c>_fit_coordinate_descent</c>, no shuffling): each
/// sweep updates every column of W in order — W[i,t] ← max(0, W[i,t] − ∇/H Hᵀ[t,t]) with ∇ = (W·HHᵀ − X·Hᵀ)[i,t] —
/// then every row of H the same way on Xᵀ; it stops when the summed projected gradient falls below tol × its first value.
/// </summary>
internal static class NmfSolver
{
    /// <summary>Runs the sweeps in place; returns the number of sweeps.</summary>
    public static int Fit(Matrix x, Matrix w, Matrix ht, double tol, int maxIter, bool updateH, Func<bool>? cancelled = null)
    {
        Matrix? xt = updateH ? x.Transpose() : null;
        double initial = 0;
        int iter;
        for (iter = 1; iter <= maxIter; iter++)
        {
            double violation = Sweep(x, w, ht);
            if (updateH) violation += Sweep(xt!, ht, w);
            if (iter == 1) initial = violation;
            if (initial == 0 || violation / initial <= tol) break;
            if (cancelled?.Invoke() == true) break;
        }
        return Math.Min(iter, maxIter);
    }

    // One pass over the columns of W for X ≈ W·Htᵀ; returns the summed projected gradient.
    private static double Sweep(Matrix x, Matrix w, Matrix ht)
    {
        var hht = MatrixOps.TransposeMultiply(ht, ht);
        var xht = MatrixOps.Multiply(x, ht);
        int n = w.Rows, k = w.Columns;
        double violation = 0;
        for (int t = 0; t < k; t++)
        {
            double hess = hht[t, t];
            var hhtRow = hht.Row(t);
            for (int i = 0; i < n; i++)
            {
                var wi = w.Row(i);
                double grad = -xht[i, t];
                for (int r = 0; r < k; r++) grad += hhtRow[r] * wi[r];
                double pg = wi[t] == 0 ? Math.Min(0, grad) : grad;
                violation += Math.Abs(pg);
                if (hess != 0) wi[t] = Math.Max(wi[t] - grad / hess, 0);
            }
        }
        return violation;
    }
}
