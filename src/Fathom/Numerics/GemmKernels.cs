// Register-blocked GEMM micro-kernels, fully unrolled (the repetitive lines were written out by a throwaway
// script; the text is the source of truth). Each computes an MR × NR tile of C from packed panels: a[p*MR + i], b[p*NR + j].
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Fathom.Numerics;

internal static partial class GemmDriver<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>AVX-512 micro-kernel: 8 rows × 3 vectors (24 accumulators).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void Kernel512(int kc, T* a, T* b, T* c, int ldc, T alpha, T beta, int mode)
    {
        int w = Vector512<T>.Count;
        var c00 = Vector512<T>.Zero; var c01 = Vector512<T>.Zero; var c02 = Vector512<T>.Zero;
        var c10 = Vector512<T>.Zero; var c11 = Vector512<T>.Zero; var c12 = Vector512<T>.Zero;
        var c20 = Vector512<T>.Zero; var c21 = Vector512<T>.Zero; var c22 = Vector512<T>.Zero;
        var c30 = Vector512<T>.Zero; var c31 = Vector512<T>.Zero; var c32 = Vector512<T>.Zero;
        var c40 = Vector512<T>.Zero; var c41 = Vector512<T>.Zero; var c42 = Vector512<T>.Zero;
        var c50 = Vector512<T>.Zero; var c51 = Vector512<T>.Zero; var c52 = Vector512<T>.Zero;
        var c60 = Vector512<T>.Zero; var c61 = Vector512<T>.Zero; var c62 = Vector512<T>.Zero;
        var c70 = Vector512<T>.Zero; var c71 = Vector512<T>.Zero; var c72 = Vector512<T>.Zero;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 1 * w);
            var b2 = Vector512.Load(b + 2 * w);
            var a0 = Vector512.Create(a[0]);
            c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01); c02 = Fma(a0, b2, c02);
            var a1 = Vector512.Create(a[1]);
            c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11); c12 = Fma(a1, b2, c12);
            var a2 = Vector512.Create(a[2]);
            c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21); c22 = Fma(a2, b2, c22);
            var a3 = Vector512.Create(a[3]);
            c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31); c32 = Fma(a3, b2, c32);
            var a4 = Vector512.Create(a[4]);
            c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41); c42 = Fma(a4, b2, c42);
            var a5 = Vector512.Create(a[5]);
            c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51); c52 = Fma(a5, b2, c52);
            var a6 = Vector512.Create(a[6]);
            c60 = Fma(a6, b0, c60); c61 = Fma(a6, b1, c61); c62 = Fma(a6, b2, c62);
            var a7 = Vector512.Create(a[7]);
            c70 = Fma(a7, b0, c70); c71 = Fma(a7, b1, c71); c72 = Fma(a7, b2, c72);
            a += 8;
            b += 3 * w;
        }
        var va = Vector512.Create(alpha);
        var vb = Vector512.Create(beta);
        Store(c + 0 * ldc + 0 * w, c00, va, vb, mode); Store(c + 0 * ldc + 1 * w, c01, va, vb, mode); Store(c + 0 * ldc + 2 * w, c02, va, vb, mode);
        Store(c + 1 * ldc + 0 * w, c10, va, vb, mode); Store(c + 1 * ldc + 1 * w, c11, va, vb, mode); Store(c + 1 * ldc + 2 * w, c12, va, vb, mode);
        Store(c + 2 * ldc + 0 * w, c20, va, vb, mode); Store(c + 2 * ldc + 1 * w, c21, va, vb, mode); Store(c + 2 * ldc + 2 * w, c22, va, vb, mode);
        Store(c + 3 * ldc + 0 * w, c30, va, vb, mode); Store(c + 3 * ldc + 1 * w, c31, va, vb, mode); Store(c + 3 * ldc + 2 * w, c32, va, vb, mode);
        Store(c + 4 * ldc + 0 * w, c40, va, vb, mode); Store(c + 4 * ldc + 1 * w, c41, va, vb, mode); Store(c + 4 * ldc + 2 * w, c42, va, vb, mode);
        Store(c + 5 * ldc + 0 * w, c50, va, vb, mode); Store(c + 5 * ldc + 1 * w, c51, va, vb, mode); Store(c + 5 * ldc + 2 * w, c52, va, vb, mode);
        Store(c + 6 * ldc + 0 * w, c60, va, vb, mode); Store(c + 6 * ldc + 1 * w, c61, va, vb, mode); Store(c + 6 * ldc + 2 * w, c62, va, vb, mode);
        Store(c + 7 * ldc + 0 * w, c70, va, vb, mode); Store(c + 7 * ldc + 1 * w, c71, va, vb, mode); Store(c + 7 * ldc + 2 * w, c72, va, vb, mode);
    }

    /// <summary>AVX2 micro-kernel: 6 rows × 2 vectors (12 accumulators).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void Kernel256(int kc, T* a, T* b, T* c, int ldc, T alpha, T beta, int mode)
    {
        int w = Vector256<T>.Count;
        var c00 = Vector256<T>.Zero; var c01 = Vector256<T>.Zero;
        var c10 = Vector256<T>.Zero; var c11 = Vector256<T>.Zero;
        var c20 = Vector256<T>.Zero; var c21 = Vector256<T>.Zero;
        var c30 = Vector256<T>.Zero; var c31 = Vector256<T>.Zero;
        var c40 = Vector256<T>.Zero; var c41 = Vector256<T>.Zero;
        var c50 = Vector256<T>.Zero; var c51 = Vector256<T>.Zero;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 1 * w);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            a += 6;
            b += 2 * w;
        }
        var va = Vector256.Create(alpha);
        var vb = Vector256.Create(beta);
        Store(c + 0 * ldc + 0 * w, c00, va, vb, mode); Store(c + 0 * ldc + 1 * w, c01, va, vb, mode);
        Store(c + 1 * ldc + 0 * w, c10, va, vb, mode); Store(c + 1 * ldc + 1 * w, c11, va, vb, mode);
        Store(c + 2 * ldc + 0 * w, c20, va, vb, mode); Store(c + 2 * ldc + 1 * w, c21, va, vb, mode);
        Store(c + 3 * ldc + 0 * w, c30, va, vb, mode); Store(c + 3 * ldc + 1 * w, c31, va, vb, mode);
        Store(c + 4 * ldc + 0 * w, c40, va, vb, mode); Store(c + 4 * ldc + 1 * w, c41, va, vb, mode);
        Store(c + 5 * ldc + 0 * w, c50, va, vb, mode); Store(c + 5 * ldc + 1 * w, c51, va, vb, mode);
    }

    /// <summary>Scalar 4 × 4 micro-kernel (same per-element FMA chain as the vector kernels).</summary>
    internal static unsafe void KernelScalar(int kc, T* a, T* b, T* c, int ldc, T alpha, T beta, int mode)
    {
        T c00 = T.Zero; T c01 = T.Zero; T c02 = T.Zero; T c03 = T.Zero;
        T c10 = T.Zero; T c11 = T.Zero; T c12 = T.Zero; T c13 = T.Zero;
        T c20 = T.Zero; T c21 = T.Zero; T c22 = T.Zero; T c23 = T.Zero;
        T c30 = T.Zero; T c31 = T.Zero; T c32 = T.Zero; T c33 = T.Zero;
        for (int p = 0; p < kc; p++)
        {
            T b0 = b[0]; T b1 = b[1]; T b2 = b[2]; T b3 = b[3];
            T a0 = a[0];
            c00 = T.FusedMultiplyAdd(a0, b0, c00); c01 = T.FusedMultiplyAdd(a0, b1, c01); c02 = T.FusedMultiplyAdd(a0, b2, c02); c03 = T.FusedMultiplyAdd(a0, b3, c03);
            T a1 = a[1];
            c10 = T.FusedMultiplyAdd(a1, b0, c10); c11 = T.FusedMultiplyAdd(a1, b1, c11); c12 = T.FusedMultiplyAdd(a1, b2, c12); c13 = T.FusedMultiplyAdd(a1, b3, c13);
            T a2 = a[2];
            c20 = T.FusedMultiplyAdd(a2, b0, c20); c21 = T.FusedMultiplyAdd(a2, b1, c21); c22 = T.FusedMultiplyAdd(a2, b2, c22); c23 = T.FusedMultiplyAdd(a2, b3, c23);
            T a3 = a[3];
            c30 = T.FusedMultiplyAdd(a3, b0, c30); c31 = T.FusedMultiplyAdd(a3, b1, c31); c32 = T.FusedMultiplyAdd(a3, b2, c32); c33 = T.FusedMultiplyAdd(a3, b3, c33);
            a += 4;
            b += 4;
        }
        StoreScalar(c + 0 * ldc + 0, c00, alpha, beta, mode); StoreScalar(c + 0 * ldc + 1, c01, alpha, beta, mode); StoreScalar(c + 0 * ldc + 2, c02, alpha, beta, mode); StoreScalar(c + 0 * ldc + 3, c03, alpha, beta, mode);
        StoreScalar(c + 1 * ldc + 0, c10, alpha, beta, mode); StoreScalar(c + 1 * ldc + 1, c11, alpha, beta, mode); StoreScalar(c + 1 * ldc + 2, c12, alpha, beta, mode); StoreScalar(c + 1 * ldc + 3, c13, alpha, beta, mode);
        StoreScalar(c + 2 * ldc + 0, c20, alpha, beta, mode); StoreScalar(c + 2 * ldc + 1, c21, alpha, beta, mode); StoreScalar(c + 2 * ldc + 2, c22, alpha, beta, mode); StoreScalar(c + 2 * ldc + 3, c23, alpha, beta, mode);
        StoreScalar(c + 3 * ldc + 0, c30, alpha, beta, mode); StoreScalar(c + 3 * ldc + 1, c31, alpha, beta, mode); StoreScalar(c + 3 * ldc + 2, c32, alpha, beta, mode); StoreScalar(c + 3 * ldc + 3, c33, alpha, beta, mode);
    }
}
