using Fathom.Numerics;

namespace Fathom.LinearAlgebra;

/// <summary>
/// Thin singular value decomposition A = U·diag(S)·Vᵀ of an m × n matrix, k = min(m, n): U is m × k with
/// orthonormal columns, <see cref="SingularValues"/> has k values in descending order, Vᵀ is k × n with
/// orthonormal rows. Tall (or wide) inputs are first reduced by a QR factorization to a k × k problem,
/// which is then solved by Golub–Kahan bidiagonalization and implicit-shift QR; cost O(mnk + k³). The matrices are new and owned
/// by the caller. Signs of singular vector pairs are not normalized.
/// </summary>
public sealed class SingularValueDecomposition
{
    private SingularValueDecomposition(Matrix? u, double[] s, Matrix? vt)
    {
        U = u;
        SingularValues = s;
        Vt = vt;
    }

    /// <summary>Left singular vectors, m × k (null when vectors were not requested).</summary>
    public Matrix? U { get; }

    /// <summary>Singular values, descending, length k = min(m, n).</summary>
    public double[] SingularValues { get; }

    /// <summary>Right singular vectors as rows, k × n (null when vectors were not requested).</summary>
    public Matrix? Vt { get; }

    /// <summary>Computes the thin SVD of <paramref name="a"/> (not modified).</summary>
    public static SingularValueDecomposition Decompose(Matrix a, bool computeVectors = true) => Decompose(a, computeVectors, computeVectors);

    /// <summary>
    /// Computes the singular values and the right singular vectors Vᵀ only (<see cref="U"/> is null). For a tall
    /// matrix this skips forming the m × k orthonormal factor of the QR reduction and the m × k product U, so
    /// the cost is the QR's ≈ 2mn² flops plus O(n³) — what PCA needs (U, when wanted for a few columns, is
    /// A·vⱼ/σⱼ).
    /// </summary>
    public static SingularValueDecomposition DecomposeRight(Matrix a)
    {
        var full = Decompose(a, computeVectors: true, computeLeft: false);
        return full.U is null ? full : new SingularValueDecomposition(null, full.SingularValues, full.Vt);
    }

    private static SingularValueDecomposition Decompose(Matrix a, bool computeVectors, bool computeLeft)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows < a.Columns)
        {
            var t = Decompose(a.Transpose(), computeVectors);
            return new SingularValueDecomposition(t.Vt?.Transpose(), t.SingularValues, t.U?.Transpose());
        }
        int m = a.Rows, n = a.Columns;
        if (n == 0) return new SingularValueDecomposition(computeVectors ? new Matrix(m, 0) : null, [], computeVectors ? new Matrix(0, 0) : null);
        // m ≥ n: reduce to the n × n triangular factor when clearly tall.
        Matrix core;
        QRDecomposition? qr = null;
        if (!computeLeft && TallSkinnyQR.Suits(m, n))
            core = TallSkinnyQR.R(a, 0);
        else if (m > n + n / 4)
        {
            qr = QRDecomposition.Decompose(a, pivoting: false);
            core = qr.GetR();
        }
        else core = a;
        var (uc, s, vt) = DenseSvd(core, computeVectors);
        if (!computeVectors) return new SingularValueDecomposition(null, s, null);
        if (!computeLeft) return new SingularValueDecomposition(null, s, vt);
        Matrix u = qr is null ? uc! : MatrixOps.Multiply(qr.GetQ(), uc!);
        return new SingularValueDecomposition(u, s, vt);
    }

    /// <summary>SVD of an r × c matrix with r ≥ c (Golub–Kahan); returns U (r × c), S (c), Vᵀ (c × c).</summary>
    private static (Matrix? U, double[] S, Matrix? Vt) DenseSvd(Matrix a, bool vectors)
    {
        int r = a.Rows, c = a.Columns;
        var (ut, s, vt) = BidiagonalSvd.Decompose(a, vectors);
        if (!vectors) return (null, s, null);
        var u = new Matrix(r, c);
        for (int j = 0; j < c; j++)
            for (int i = 0; i < r; i++) u.Storage[i * c + j] = ut![j * r + i];
        return (u, s, new Matrix(vt!, c, c));
    }
}
