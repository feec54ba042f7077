namespace Fathom.Numerics;

/// <summary>Argument checks shared by the GEMM overloads.</summary>
internal static class GemmArgs
{
    public static void Check(bool transA, bool transB, int m, int n, int k, int aLen, int lda, int bLen, int ldb, int cLen, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        if (lda < Math.Max(1, aCols)) throw new ArgumentOutOfRangeException(nameof(lda), $"lda = {lda} must be ≥ {aCols} (columns of A as stored).");
        if (ldb < Math.Max(1, bCols)) throw new ArgumentOutOfRangeException(nameof(ldb), $"ldb = {ldb} must be ≥ {bCols} (columns of B as stored).");
        if (ldc < Math.Max(1, n)) throw new ArgumentOutOfRangeException(nameof(ldc), $"ldc = {ldc} must be ≥ n = {n}.");
        if (aRows > 0 && aCols > 0 && aLen < (long)(aRows - 1) * lda + aCols) throw new ArgumentException($"A is too short: {aRows} x {aCols} with lda {lda} needs {(long)(aRows - 1) * lda + aCols} elements, got {aLen}.", "a");
        if (bRows > 0 && bCols > 0 && bLen < (long)(bRows - 1) * ldb + bCols) throw new ArgumentException($"B is too short: {bRows} x {bCols} with ldb {ldb} needs {(long)(bRows - 1) * ldb + bCols} elements, got {bLen}.", "b");
        if (m > 0 && n > 0 && cLen < (long)(m - 1) * ldc + n) throw new ArgumentException($"C is too short: {m} x {n} with ldc {ldc} needs {(long)(m - 1) * ldc + n} elements, got {cLen}.", "c");
    }
}
