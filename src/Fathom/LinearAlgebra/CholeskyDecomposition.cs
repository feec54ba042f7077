using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;
using Fathom.Numerics;

namespace Fathom.LinearAlgebra;

/// <summary>
/// Cholesky factorization A = L·Lᵀ of a symmetric positive definite matrix, with L lower triangular and a
/// positive diagonal. Only the lower triangle of A is read. Factorization costs n³/3 multiply-adds (blocked,
/// the trailing updates run on the GEMM kernel); each
/// solve costs n² per right-hand side. Immutable and thread-safe once built.
/// </summary>
public sealed class CholeskyDecomposition
{
    private readonly Matrix _l;

    private CholeskyDecomposition(Matrix l) => _l = l;

    /// <summary>Order n of the factored matrix.</summary>
    public int Size => _l.Rows;

    /// <summary>Factors the symmetric positive definite matrix <paramref name="a"/> (n × n; lower triangle read).</summary>
    /// <exception cref="MatrixNotPositiveDefiniteException">A pivot is ≤ 0 or NaN; the message names it.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square.</exception>
    public static CholeskyDecomposition Decompose(Matrix a)
    {
        var l = Factor(a, out int pivot, out double value);
        if (l is null) throw new MatrixNotPositiveDefiniteException(pivot, value);
        return new CholeskyDecomposition(l);
    }

    /// <summary>Like <see cref="Decompose"/>, but returns false instead of throwing when A is not positive definite.</summary>
    public static bool TryDecompose(Matrix a, [NotNullWhen(true)] out CholeskyDecomposition? result)
    {
        var l = Factor(a, out _, out _);
        result = l is null ? null : new CholeskyDecomposition(l);
        return result is not null;
    }

    private const int Block = 128;

    private static Matrix? Factor(Matrix a, out int failedPivot, out double failedValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns) throw new ArgumentException($"Cholesky needs a square matrix, got {a.Rows} x {a.Columns}.", nameof(a));
        int n = a.Rows;
        var l = new Matrix(n, n);
        var d = l.Storage;
        for (int i = 0; i < n; i++) a.Row(i)[..(i + 1)].CopyTo(d.AsSpan(i * n, i + 1));
        failedPivot = -1;
        failedValue = 0;
        // Blocked right-looking: factor a diagonal block and its panel with contiguous row dot products
        // (Cholesky–Crout within the block), then update the trailing lower triangle with GEMM.
        for (int k0 = 0; k0 < n; k0 += Block)
        {
            int kb = Math.Min(Block, n - k0);
            for (int i = k0; i < n; i++)
            {
                var li = d.AsSpan(i * n + k0, kb);
                int jEnd = Math.Min(i, k0 + kb);
                for (int j = k0; j < jEnd; j++)
                {
                    double s = li[j - k0] - TensorPrimitives.Dot<double>(li[..(j - k0)], d.AsSpan(j * n + k0, j - k0));
                    li[j - k0] = s / d[j * n + j];
                }
                if (i < k0 + kb)
                {
                    double diag = li[i - k0] - TensorPrimitives.Dot<double>(li[..(i - k0)], li[..(i - k0)]);
                    if (!(diag > 0.0))
                    {
                        failedPivot = i;
                        failedValue = diag;
                        return null;
                    }
                    li[i - k0] = Math.Sqrt(diag);
                }
            }
            int r0 = k0 + kb, rest = n - r0;
            if (rest <= 0) break;
            // A22 −= L21·L21ᵀ on the lower triangle, by row chunks (each chunk up to its last row's column).
            const int chunk = 192;
            for (int c0 = 0; c0 < rest; c0 += chunk)
            {
                int rows = Math.Min(chunk, rest - c0);
                int cols = c0 + rows;
                Blas.Gemm(false, true, rows, cols, kb, -1.0, d.AsSpan((r0 + c0) * n + k0), n, d.AsSpan(r0 * n + k0), n,
                    1.0, d.AsSpan((r0 + c0) * n + r0), n);
            }
        }
        for (int i = 0; i < n; i++) d.AsSpan(i * n + i + 1, n - i - 1).Clear();
        return l;
    }

    /// <summary>A copy of the lower-triangular factor L (zeros above the diagonal).</summary>
    public Matrix GetL() => _l.Clone();

    /// <summary>log det A = 2 Σ log Lᵢᵢ.</summary>
    public double LogDeterminant
    {
        get
        {
            double s = 0;
            for (int i = 0; i < Size; i++) s += Math.Log(_l.Storage[i * Size + i]);
            return 2 * s;
        }
    }

    /// <summary>Solves A·x = b for one right-hand side (length n). O(n²).</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        int n = Size;
        if (b.Length != n) throw new ArgumentException($"Right-hand side has length {b.Length}, expected {n}.", nameof(b));
        var x = b.ToArray();
        var d = _l.Storage;
        // Forward: L·y = b.
        for (int i = 0; i < n; i++)
            x[i] = (x[i] - TensorPrimitives.Dot<double>(d.AsSpan(i * n, i), x.AsSpan(0, i))) / d[i * n + i];
        // Backward: Lᵀ·x = y, column-oriented so that rows of L are read contiguously.
        for (int i = n - 1; i >= 0; i--)
        {
            x[i] /= d[i * n + i];
            if (i > 0) TensorPrimitives.MultiplyAdd<double>(d.AsSpan(i * n, i), -x[i], x.AsSpan(0, i), x.AsSpan(0, i));
        }
        return x;
    }

    /// <summary>Solves A·X = B for the n × k matrix B (k right-hand sides). Returns a new n × k matrix. O(n²k).</summary>
    public Matrix Solve(Matrix b)
    {
        ArgumentNullException.ThrowIfNull(b);
        int n = Size;
        if (b.Rows != n) throw new ArgumentException($"Right-hand side has {b.Rows} rows, expected {n}.", nameof(b));
        var x = b.Clone();
        int k = b.Columns;
        var d = _l.Storage;
        var xs = x.Storage;
        for (int i = 0; i < n; i++)
        {
            var xi = xs.AsSpan(i * k, k);
            for (int p = 0; p < i; p++)
            {
                double lip = d[i * n + p];
                if (lip != 0) TensorPrimitives.MultiplyAdd<double>(xs.AsSpan(p * k, k), -lip, xi, xi);
            }
            TensorPrimitives.Divide<double>(xi, d[i * n + i], xi);
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var xi = xs.AsSpan(i * k, k);
            TensorPrimitives.Divide<double>(xi, d[i * n + i], xi);
            for (int p = 0; p < i; p++)
            {
                double lip = d[i * n + p];
                if (lip != 0) TensorPrimitives.MultiplyAdd<double>(xi, -lip, xs.AsSpan(p * k, k), xs.AsSpan(p * k, k));
            }
        }
        return x;
    }

    /// <summary>A⁻¹ as a new n × n matrix (solves against the identity). O(n³).</summary>
    public Matrix Inverse() => Solve(Matrix.Identity(Size));
}
