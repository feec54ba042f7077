using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Tests.LinearAlgebra;

public class LanczosEigenTests
{
    [Fact]
    public void LargestEigenpairsMatchTheDenseSolver()
    {
        // A = Qᵀ·diag(λ)·Q-like symmetric matrix: Gram of a random 400 × 150 matrix (clustered bulk, distinct top).
        var rng = new RandomSource(5);
        var x = new Matrix(400, 150);
        for (int i = 0; i < x.Storage.Length; i++) x.Storage[i] = rng.NextGaussian();
        for (int i = 0; i < 400; i++) x[i, 0] += 4; // one dominant direction
        var a = MatrixOps.Gram(x);
        var dense = SymmetricEigenDecomposition.Decompose(a);
        var start = new double[150];
        for (int i = 0; i < 150; i++) start[i] = rng.NextDouble() - 0.5;
        var (values, vectors) = LanczosEigen.Largest(150, (v, y) => Blas.Gemv(false, 150, 150, 1.0, a.Storage, 150, v, 0.0, y), 6, start, out bool converged);
        Assert.True(converged);
        for (int c = 0; c < 6; c++)
        {
            double expected = dense.Eigenvalues[149 - c];
            Assert.Equal(expected, values[c], 1e-10 * dense.Eigenvalues[149]);
            double dot = 0;
            for (int i = 0; i < 150; i++) dot += vectors[c, i] * dense.Eigenvectors[i, 149 - c];
            Assert.Equal(1.0, Math.Abs(dot), 1e-9);
        }
    }

    [Fact]
    public void SmallOperatorsAndInvariantSubspacesAreHandled()
    {
        // diag(1..60) with a start vector in a 3-dimensional invariant subspace: Lanczos breaks down and must restart
        // with a fresh direction to find the true largest eigenvalues 60, 59, 58.
        var start = new double[60];
        start[0] = 1; start[1] = 1; start[2] = 1;
        var (values, _) = LanczosEigen.Largest(60, (v, y) => { for (int i = 0; i < 60; i++) y[i] = (i + 1) * v[i]; }, 3, start, out bool ok);
        Assert.True(ok);
        Assert.Equal(new[] { 60.0, 59.0, 58.0 }, values.Select(v => Math.Round(v, 9)).ToArray());
        // n ≤ basis size + 1: the dense path.
        var (small, vecs) = LanczosEigen.Largest(4, (v, y) => { for (int i = 0; i < 4; i++) y[i] = (4 - i) * v[i]; }, 2, [1, 1, 1, 1], out _);
        Assert.Equal(new[] { 4.0, 3.0 }, small);
        Assert.Equal(1.0, Math.Abs(vecs[0, 0]), 1e-12);
        Assert.Throws<ArgumentException>(() => LanczosEigen.Largest(4, (v, y) => v.CopyTo(y), 5, new double[4], out _));
    }
}
