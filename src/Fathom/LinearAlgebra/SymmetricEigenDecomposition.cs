using Fathom.Numerics;
using MN = MathNet.Numerics.LinearAlgebra;

namespace Fathom.LinearAlgebra;

/// <summary>
/// Eigendecomposition A = V·diag(λ)·Vᵀ of a symmetric n × n matrix (as numpy.linalg.eigh): eigenvalues in
/// ASCENDING order, and column i of <see cref="Eigenvectors"/> is the unit eigenvector of
/// <c>Eigenvalues[i]</c>. Only the symmetric part is used (A is assumed symmetric). Uses MathNet.Numerics'
/// Householder tridiagonalization + implicit QL; cost O(n³). Eigenvector signs are not normalized.
/// </summary>
public sealed class SymmetricEigenDecomposition
{
    private SymmetricEigenDecomposition(double[] values, Matrix vectors)
    {
        Eigenvalues = values;
        Eigenvectors = vectors;
    }

    /// <summary>Eigenvalues, ascending.</summary>
    public double[] Eigenvalues { get; }

    /// <summary>n × n orthogonal matrix whose column i is the eigenvector of Eigenvalues[i].</summary>
    public Matrix Eigenvectors { get; }

    /// <summary>Decomposes the symmetric matrix <paramref name="a"/> (not modified).</summary>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square.</exception>
    public static SymmetricEigenDecomposition Decompose(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns) throw new ArgumentException($"Eigendecomposition needs a square matrix, got {a.Rows} x {a.Columns}.", nameof(a));
        int n = a.Rows;
        if (n == 0) return new SymmetricEigenDecomposition([], new Matrix(0, 0));
        var cm = new double[(long)n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) cm[j * n + i] = 0.5 * (a[i, j] + a[j, i]);
        var evd = MN.Matrix<double>.Build.Dense(n, n, cm).Evd(MN.Symmetricity.Symmetric);
        var vals = new double[n];
        for (int i = 0; i < n; i++) vals[i] = evd.EigenValues[i].Real;
        var order = Enumerable.Range(0, n).OrderBy(i => vals[i]).ToArray();
        var v = new Matrix(n, n);
        var ev = evd.EigenVectors;
        var sorted = new double[n];
        for (int c = 0; c < n; c++)
        {
            sorted[c] = vals[order[c]];
            for (int r = 0; r < n; r++) v.Storage[r * n + c] = ev[r, order[c]];
        }
        return new SymmetricEigenDecomposition(sorted, v);
    }
}
