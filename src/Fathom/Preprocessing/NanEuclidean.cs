using Fathom.Numerics;

namespace Fathom.Preprocessing;

/// <summary>
/// scikit-learn's <c>nan_euclidean_distances</c>: the Euclidean distance over the coordinates present in both
/// rows, scaled up for the missing ones: <c>d(x, y) = √(p / |P| · Σ_{k∈P} (x_k − y_k)²)</c> with P the
/// coordinates present in both and p the column count; NaN when P is empty. Computed with the shared GEMM
/// kernels as scikit-learn does: the squared distance of the zero-filled rows, minus Σ x_k² over coordinates
/// missing in y and Σ y_k² over those missing in x, clipped at 0; |P| = presentX·presentYᵀ.
/// O(m·n·p).
/// </summary>
internal static class NanEuclidean
{
    /// <summary>Distances between the rows of x (m × p) and y (n × p), NaN = missing; a new m × n matrix.</summary>
    internal static Matrix Distances(Matrix x, Matrix y)
    {
        var (x0, xx, missX, presX) = Parts(x);
        var (y0, yy, missY, presY) = Parts(y);
        var d = Numerics.Distances.SquaredEuclidean(x0, y0);
        var a = MatrixOps.MultiplyTransposed(xx, missY);
        var b = MatrixOps.MultiplyTransposed(missX, yy);
        var count = MatrixOps.MultiplyTransposed(presX, presY);
        int p = x.Columns;
        for (int i = 0; i < d.Rows; i++)
            for (int j = 0; j < d.Columns; j++)
            {
                double v = Math.Max(d[i, j] - a[i, j] - b[i, j], 0);
                double c = count[i, j];
                d[i, j] = c == 0 ? double.NaN : Math.Sqrt(v / c * p);
            }
        return d;
    }

    private static (Matrix Zeroed, Matrix Squares, Matrix Missing, Matrix Present) Parts(Matrix x)
    {
        var z = new Matrix(x.Rows, x.Columns);
        var sq = new Matrix(x.Rows, x.Columns);
        var miss = new Matrix(x.Rows, x.Columns);
        var pres = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
            {
                double v = x[i, j];
                if (double.IsNaN(v)) miss[i, j] = 1;
                else { z[i, j] = v; sq[i, j] = v * v; pres[i, j] = 1; }
            }
        return (z, sq, miss, pres);
    }
}
