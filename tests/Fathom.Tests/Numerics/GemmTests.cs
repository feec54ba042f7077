using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Tests.Numerics;

public class GemmTests
{
    private static double[] Randn(int len, long seed)
    {
        var r = new RandomSource(seed);
        var x = new double[len];
        for (int i = 0; i < x.Length; i++) x[i] = r.NextGaussian();
        return x;
    }

    /// <summary>Naive triple loop in double: C = α·op(A)·op(B) + β·C.</summary>
    private static double[] Naive(bool ta, bool tb, int m, int n, int k, double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        var r = (double[])c.Clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += (ta ? a[p * lda + i] : a[i * lda + p]) * (tb ? b[j * ldb + p] : b[p * ldb + j]);
                r[i * ldc + j] = alpha * s + (beta == 0 ? 0 : beta * c[i * ldc + j]);
            }
        return r;
    }

    public static TheoryData<int, int, int, bool, bool, int> Shapes()
    {
        var d = new TheoryData<int, int, int, bool, bool, int>();
        int[][] shapes = [[1, 1, 1], [7, 7, 7], [1, 33, 7], [33, 1, 257], [33, 7, 1], [257, 33, 7], [7, 257, 33], [65, 70, 300], [130, 97, 260], [257, 129, 65], [2000, 1, 100], [1000, 3, 100], [500, 11, 64], [7, 5, 3000], [33, 40, 4500],
            // few columns (≤ 32) with several k-slices: the register-tile path for skinny products
            [300, 20, 600], [50, 32, 1500], [66, 17, 257], [9, 31, 40]];
        foreach (var s in shapes)
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    foreach (int path in new[] { 512, 256, 0 })
                        d.Add(s[0], s[1], s[2], ta, tb, path);
        return d;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DoubleMatchesNaiveOnEveryPath(int m, int n, int k, bool ta, bool tb, int path)
    {
        // Leading dimensions larger than needed (views with Stride > Columns), α and β not 1.
        int lda = (ta ? m : k) + 3, ldb = (tb ? k : n) + 2, ldc = n + 5;
        var a = Randn((ta ? k : m) * lda, 1);
        var b = Randn((tb ? n : k) * ldb, 2);
        var c = Randn(m * ldc, 3);
        var expected = Naive(ta, tb, m, n, k, 0.7, a, lda, b, ldb, -1.3, c, ldc);
        KernelSettings.MaxVectorBits = path;
        try
        {
            var got = (double[])c.Clone();
            Blas.Gemm(ta, tb, m, n, k, 0.7, a, lda, b, ldb, -1.3, got, ldc, threads: 2);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < ldc; j++)
                {
                    int idx = i * ldc + j;
                    if (j >= n) Assert.Equal(c[idx], got[idx]); // padding untouched
                    else Assert.True(Math.Abs(expected[idx] - got[idx]) <= 1e-12 * (k + 1) * (1 + Math.Abs(expected[idx])), $"({i},{j}) {expected[idx]} vs {got[idx]}");
                }
        }
        finally { KernelSettings.Reset(); }
    }

    [Theory]
    [InlineData(7, 7, 7, false, true, 512)]
    [InlineData(130, 97, 260, false, false, 512)]
    [InlineData(130, 97, 260, true, true, 256)]
    [InlineData(257, 33, 129, true, false, 0)]
    [InlineData(65, 257, 300, false, true, 512)]
    [InlineData(600, 20, 50, true, false, 512)]
    [InlineData(3000, 1, 70, false, false, 256)]
    public void FloatMatchesNaiveOnEveryPath(int m, int n, int k, bool ta, bool tb, int path)
    {
        int lda = (ta ? m : k) + 1, ldb = (tb ? k : n) + 3, ldc = n + 2;
        var a = Randn((ta ? k : m) * lda, 4);
        var b = Randn((tb ? n : k) * ldb, 5);
        var c = Randn(m * ldc, 6);
        var af = Array.ConvertAll(a, x => (float)x);
        var bf = Array.ConvertAll(b, x => (float)x);
        var cf = Array.ConvertAll(c, x => (float)x);
        var expected = Naive(ta, tb, m, n, k, 0.5, Array.ConvertAll(af, x => (double)x), lda, Array.ConvertAll(bf, x => (double)x), ldb, 2.0, Array.ConvertAll(cf, x => (double)x), ldc);
        KernelSettings.MaxVectorBits = path;
        try
        {
            Blas.Gemm(ta, tb, m, n, k, 0.5f, af, lda, bf, ldb, 2f, cf, ldc, threads: 2);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    int idx = i * ldc + j;
                    Assert.True(Math.Abs(expected[idx] - cf[idx]) <= 2e-6 * Math.Sqrt(k) * (2 + Math.Abs(expected[idx])), $"({i},{j}) {expected[idx]} vs {cf[idx]}");
                }
        }
        finally { KernelSettings.Reset(); }
    }

    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(0)]
    public void ThreadCountsGiveBitIdenticalResults(int path)
    {
        KernelSettings.MaxVectorBits = path;
        try
        {
            foreach (var (m, n, k) in new[] { (257, 300, 260), (401, 97, 333), (20000, 5, 200), (9000, 20, 700) })
            {
                var a = Randn(m * k, 7);
                var b = Randn(n * k, 8);
                var c0 = Randn(m * n, 9);
                double[]? first = null;
                float[]? firstF = null;
                var af = Array.ConvertAll(a, x => (float)x);
                var bf = Array.ConvertAll(b, x => (float)x);
                foreach (int t in new[] { 1, 2, 3 })
                {
                    var c = (double[])c0.Clone();
                    Blas.Gemm(false, true, m, n, k, 1.1, a, k, b, k, 0.3, c, n, t);
                    if (first is null) first = c;
                    else Assert.Equal(first, c);
                    var cf = new float[m * n];
                    Blas.Gemm(true, false, m, n, k, 1f, af, m, bf, n, 0f, cf, n, t);
                    if (firstF is null) firstF = cf;
                    else Assert.Equal(firstF, cf);
                }
            }
        }
        finally { KernelSettings.Reset(); }
    }

    [Fact]
    public void BetaZeroIgnoresNaNInCAndAlphaZeroOnlyScales()
    {
        int m = 70, n = 80, k = 90;
        var a = Randn(m * k, 1);
        var b = Randn(k * n, 2);
        var c = Enumerable.Repeat(double.NaN, m * n).ToArray();
        Blas.Gemm(false, false, m, n, k, 1.0, a, k, b, n, 0.0, c, n);
        Assert.All(c, v => Assert.True(double.IsFinite(v)));
        var c2 = Enumerable.Repeat(2.0, m * n).ToArray();
        Blas.Gemm(false, false, m, n, k, 0.0, a, k, b, n, 3.0, c2, n);
        Assert.All(c2, v => Assert.Equal(6.0, v));
        var c3 = Enumerable.Repeat(2.0, 6).ToArray();
        Blas.Gemm(false, false, 2, 3, 0, 1.0, a, 1, b, 3, 0.5, c3, 3);
        Assert.All(c3, v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void RejectsTooShortSpansAndBadLeadingDimensions()
    {
        var a = new double[10];
        Assert.Throws<ArgumentOutOfRangeException>(() => Blas.Gemm(false, false, 2, 2, 5, 1.0, a, 4, a, 2, 0.0, new double[4], 2));
        Assert.Throws<ArgumentException>(() => Blas.Gemm(false, false, 3, 2, 5, 1.0, a, 5, a, 2, 0.0, new double[6], 2));
    }

    [Fact]
    public void MatrixConveniencesMatchNaiveOnViews()
    {
        var big = new Matrix(Randn(60 * 50, 11), 60, 50);
        var x = big.Slice(3, 2, 41, 33);   // Stride 50 > Columns 33
        var y = big.Slice(10, 5, 33, 17);
        var w = big.Slice(0, 0, 41, 17);
        static Matrix Ref(Matrix p, Matrix q, bool tp, bool tq)
        {
            var pp = tp ? p.Transpose() : p;
            var qq = tq ? q.Transpose() : q;
            var r = new Matrix(pp.Rows, qq.Columns);
            for (int i = 0; i < r.Rows; i++)
                for (int j = 0; j < r.Columns; j++)
                {
                    double s = 0;
                    for (int t = 0; t < pp.Columns; t++) s += pp[i, t] * qq[t, j];
                    r[i, j] = s;
                }
            return r;
        }
        AssertClose(Ref(x, y, false, false), MatrixOps.Multiply(x, y));
        AssertClose(Ref(x, x, false, true), MatrixOps.MultiplyTransposed(x, x));
        AssertClose(Ref(x, w, true, false), MatrixOps.TransposeMultiply(x, w));
        AssertClose(Ref(x, x, true, false), MatrixOps.Gram(x));
        var v = Randn(33, 3);
        var mv = MatrixOps.Multiply(x, v);
        var refMv = Ref(x, new Matrix(v, 33, 1), false, false);
        for (int i = 0; i < 41; i++) Assert.Equal(refMv[i, 0], mv[i], 1e-12);
        var u = Randn(41, 4);
        var tv = MatrixOps.TransposeMultiply(x, u);
        var refTv = Ref(x, new Matrix(u, 41, 1), true, false);
        for (int i = 0; i < 33; i++) Assert.Equal(refTv[i, 0], tv[i], 1e-12);
        Assert.Throws<ArgumentException>(() => MatrixOps.Multiply(x, x));
    }

    private static void AssertClose(Matrix e, Matrix g)
    {
        Assert.Equal((e.Rows, e.Columns), (g.Rows, g.Columns));
        for (int i = 0; i < e.Rows; i++)
            for (int j = 0; j < e.Columns; j++) Assert.True(Math.Abs(e[i, j] - g[i, j]) <= 1e-11 * (1 + Math.Abs(e[i, j])));
    }

    [Fact]
    public void GramOfWideMatrixIsSymmetricAndMatchesFullProduct()
    {
        var big = new Matrix(Randn(50 * 420, 12), 50, 420);
        var x = big.Slice(1, 3, 45, 401); // d = 401 > 2 blocks, a view
        var g = MatrixOps.Gram(x);
        var full = MatrixOps.TransposeMultiply(x, x);
        for (int i = 0; i < 401; i++)
            for (int j = 0; j < 401; j++)
            {
                Assert.Equal(g[i, j], g[j, i]);
                Assert.Equal(full[i, j], g[i, j], 1e-12);
            }
    }

    [Fact]
    public void GemvDotAxpyMatchNaive()
    {
        int m = 37, n = 29, lda = 31;
        var a = Randn(m * lda, 1);
        var x = Randn(m, 2);
        var y0 = Randn(m, 3);
        var y = (double[])y0.Clone();
        Blas.Gemv(false, m, n, 2.0, a, lda, x.AsSpan(0, n), 0.5, y);
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i * lda + j] * x[j];
            Assert.Equal(2 * s + 0.5 * y0[i], y[i], 1e-12);
        }
        var yt = Randn(n, 4);
        var yt0 = (double[])yt.Clone();
        Blas.Gemv(true, m, n, -1.0, a, lda, x, 2.0, yt);
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < m; i++) s += a[i * lda + j] * x[i];
            Assert.Equal(-s + 2 * yt0[j], yt[j], 1e-12);
        }
        var fa = Array.ConvertAll(a, v => (float)v);
        var fx = Array.ConvertAll(x, v => (float)v);
        var fy = new float[m];
        Blas.Gemv(false, m, n, 1f, fa, lda, fx.AsSpan(0, n), 0f, fy);
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += fa[i * lda + j] * (double)fx[j];
            Assert.Equal(s, fy[i], 1e-4);
        }
        Assert.Equal(x.Zip(y0).Sum(t => t.First * t.Second), Blas.Dot(x, y0), 1e-12);
        var z = (double[])y0.Clone();
        Blas.Axpy(3.0, x, z);
        for (int i = 0; i < m; i++) Assert.Equal(3 * x[i] + y0[i], z[i], 1e-14);
    }
}
