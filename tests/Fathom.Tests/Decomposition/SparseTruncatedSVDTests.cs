using System.Text.Json.Nodes;
using Fathom.Data;
using Fathom.Decomposition;
using Fathom.LinearAlgebra;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Core;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Decomposition;

public class SparseTruncatedSVDTests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Decomposition", "Reference", "sparse_truncated_svd_reference.json")))!);

    private static double[] D(JsonNode n) => n.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static SparseMatrix Load(string name) =>
        SvmLightReader.Read(TestDatasets.TestFilePath("Decomposition", "Reference", name)).X;

    private static void AssertComponentsUpToSign(JsonArray expected, Matrix actual, double tol)
    {
        for (int t = 0; t < expected.Count; t++)
        {
            var e = D(expected[t]!);
            double dot = 0;
            for (int j = 0; j < e.Length; j++) dot += e[j] * actual[t, j];
            double sign = dot < 0 ? -1 : 1;
            for (int j = 0; j < e.Length; j++) Assert.Equal(e[j], sign * actual[t, j], tol);
        }
    }

    [Fact]
    public void ArpackOnSparseRandomMatchesScikitLearn()
    {
        var r = Reference.Value["random"]!;
        var x = Load("sparse_random.svm");
        Assert.Equal(r["nnz"]!.GetValue<int>(), x.NonZeroCount);
        Assert.Equal((2000, 500), (x.Rows, x.Columns));
        var model = new TruncatedSVD { NComponents = 10, Algorithm = TruncatedSvdAlgorithm.Arpack }.Fit(x);
        var s = D(r["singular_values"]!);
        for (int t = 0; t < 10; t++) Assert.Equal(s[t], model.SingularValues[t], 1e-8);
        var ev = D(r["explained_variance"]!);
        var ratio = D(r["explained_variance_ratio"]!);
        for (int t = 0; t < 10; t++)
        {
            Assert.Equal(ev[t], model.ExplainedVariance[t], 1e-8);
            Assert.Equal(ratio[t], model.ExplainedVarianceRatio[t], 1e-8);
        }
        AssertComponentsUpToSign(r["components"]!.AsArray(), model.Components, 1e-8);
        // svd_flip makes the signs identical to scikit-learn's, not just equal up to sign.
        var head = r["transformed_head"]!.AsArray();
        var z = model.Transform(x);
        for (int i = 0; i < head.Count; i++)
        {
            var e = D(head[i]!);
            for (int t = 0; t < 10; t++) Assert.Equal(e[t], z[i, t], 1e-8);
        }
    }

    [Fact]
    public void RandomizedFindsTheSingularValuesAcrossAClearGap()
    {
        var r = Reference.Value["topics"]!;
        var x = Load("sparse_topics.svm");
        var exact = D(r["singular_values"]!);
        var model = new TruncatedSVD { NComponents = 5 }.Fit(x);
        for (int t = 0; t < 5; t++) Assert.Equal(exact[t], model.SingularValues[t], exact[t] * 1e-6);
        var ratio = D(r["randomized_explained_variance_ratio"]!);
        for (int t = 0; t < 5; t++) Assert.Equal(ratio[t], model.ExplainedVarianceRatio[t], 1e-6);
        var arpack = new TruncatedSVD { NComponents = 5, Algorithm = TruncatedSvdAlgorithm.Arpack }.Fit(x);
        for (int t = 0; t < 5; t++) Assert.Equal(exact[t], arpack.SingularValues[t], 1e-8);
        var qr = new TruncatedSVD { NComponents = 5, PowerIterationNormalizer = PowerIterationNormalizer.QR }.Fit(x);
        var none = new TruncatedSVD { NComponents = 5, PowerIterationNormalizer = PowerIterationNormalizer.None }.Fit(x);
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(exact[t], qr.SingularValues[t], exact[t] * 1e-6);
            Assert.Equal(exact[t], none.SingularValues[t], exact[t] * 1e-6);
        }
    }

    [Fact]
    public void SparseAndDenseFitsAndTransformsAgree()
    {
        var x = Load("sparse_topics.svm").SelectRows(Enumerable.Range(0, 400).Select(i => i * 3).ToArray());
        var dense = x.ToDense();
        foreach (var algo in new[] { TruncatedSvdAlgorithm.Randomized, TruncatedSvdAlgorithm.Arpack })
        {
            var est = new TruncatedSVD { NComponents = 4, Algorithm = algo, Seed = 3 };
            var a = est.Fit(x);
            var b = est.Fit(dense);
            for (int t = 0; t < 4; t++)
            {
                Assert.Equal(b.SingularValues[t], a.SingularValues[t], 1e-9 * b.SingularValues[0]);
                Assert.Equal(b.ExplainedVarianceRatio[t], a.ExplainedVarianceRatio[t], 1e-9);
            }
            var ca = a.Components;
            var cb = b.Components;
            for (int i = 0; i < ca.Storage.Length; i++) Assert.Equal(cb.Storage[i], ca.Storage[i], 1e-8);
            var za = a.Transform(x);
            var zd = a.Transform(dense);
            for (int i = 0; i < za.Storage.Length; i++) Assert.Equal(zd.Storage[i], za.Storage[i], 1e-10 * Math.Max(1, Math.Abs(zd.Storage[i])));
            var fz = est.FitTransform(x);
            Assert.Equal(za.Storage, fz.Storage);
            var loaded = (TruncatedSVDModel)ModelFile.Deserialize(ModelFile.Serialize(a)).Model;
            Assert.Equal(za.Storage, loaded.Transform(x).Storage);
            Assert.Equal(algo, loaded.Options.Algorithm);
        }
    }

    [Fact]
    public void WideSparseMatrixUsesTheTransposedPathAndMatchesTheDenseSvd()
    {
        // 60 × 400: both algorithms work on Xᵀ; compare with the dense SVD of the small dense copy.
        var rng = new RandomSource(11);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        for (int i = 0; i < 60; i++)
            for (int j = 0; j < 400; j++)
                if (rng.NextDouble() < 0.05) { rows.Add(i); cols.Add(j); vals.Add(rng.NextGaussian() + (j < 20 ? 3 : 0)); }
        var x = SparseMatrix.FromTriplets(60, 400, rows.ToArray(), cols.ToArray(), vals.ToArray());
        var exact = SingularValueDecomposition.Decompose(x.ToDense());
        var arpack = new TruncatedSVD { NComponents = 6, Algorithm = TruncatedSvdAlgorithm.Arpack }.Fit(x);
        for (int t = 0; t < 6; t++) Assert.Equal(exact.SingularValues[t], arpack.SingularValues[t], 1e-10 * exact.SingularValues[0]);
        var c = arpack.Components;
        for (int t = 0; t < 6; t++)
        {
            double dot = 0;
            for (int j = 0; j < 400; j++) dot += c[t, j] * exact.Vt![t, j];
            Assert.Equal(1.0, Math.Abs(dot), 1e-9);
        }
        var randomized = new TruncatedSVD { NComponents = 2, NIter = 20 }.Fit(x);
        for (int t = 0; t < 2; t++) Assert.Equal(exact.SingularValues[t], randomized.SingularValues[t], 1e-8 * exact.SingularValues[0]);
    }

    [Fact]
    public void HugeSparseMatrixIsNeverDensified()
    {
        // 200,000 × 200,000 with 1,000,000 non-zeros (dense: 320 GB): 40,000 random 5 × 5 blocks on the diagonal,
        // rows and columns shuffled. Its singular values are the union of the blocks' singular values, computed
        // here block by block with the dense SVD. Five blocks are nearly constant and scaled up, so the top five stand well apart.
        const int blocks = 40_000, b = 5, n = blocks * b;
        var rng = new RandomSource(2026);
        var rowPerm = Permutation(n, rng);
        var colPerm = Permutation(n, rng);
        var ri = new int[blocks * b * b];
        var ci = new int[ri.Length];
        var vs = new double[ri.Length];
        var all = new List<double>();
        int[] heavy = [17, 9_000, 21_345, 30_001, 39_999];
        double[] scale = [50, 40, 30, 25, 20];
        var first = new Matrix[5];
        int at = 0;
        for (int k = 0; k < blocks; k++)
        {
            int h = Array.IndexOf(heavy, k);
            var block = new Matrix(b, b);
            for (int i = 0; i < b; i++)
                for (int j = 0; j < b; j++)
                {
                    double u = rng.NextDouble();
                    double v = h >= 0 ? scale[h] * (1 + 0.05 * u) : u + 0.01;
                    block[i, j] = v;
                    ri[at] = rowPerm[k * b + i];
                    ci[at] = colPerm[k * b + j];
                    vs[at++] = v;
                }
            all.AddRange(SingularValueDecomposition.Decompose(block, computeVectors: false).SingularValues);
            if (h >= 0) first[h] = block;
        }
        var x = SparseMatrix.FromTriplets(n, n, ri, ci, vs);
        Assert.Equal(1_000_000, x.NonZeroCount);
        var expected = all.OrderByDescending(v => v).Take(5).ToArray();
        Assert.True(expected[4] > 1.5 * all.OrderByDescending(v => v).ElementAt(5));
        var model = new TruncatedSVD { NComponents = 5, Algorithm = TruncatedSvdAlgorithm.Arpack }.Fit(x);
        for (int t = 0; t < 5; t++) Assert.Equal(expected[t], model.SingularValues[t], 1e-9 * expected[0]);
        // The first component lives on the columns of the heaviest block: its right singular vector there.
        var v0 = SingularValueDecomposition.Decompose(first[0]).Vt!;
        var c = model.Components;
        double dot = 0, mass = 0;
        for (int j = 0; j < b; j++)
        {
            double cj = c[0, colPerm[heavy[0] * b + j]];
            dot += cj * v0[0, j];
            mass += cj * cj;
        }
        Assert.Equal(1.0, Math.Abs(dot), 1e-9);
        Assert.Equal(1.0, mass, 1e-9);
        var randomized = new TruncatedSVD { NComponents = 5 }.Fit(x);
        for (int t = 0; t < 5; t++) Assert.Equal(expected[t], randomized.SingularValues[t], 1e-6 * expected[t]);
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheModel()
    {
        // 20,000 × 2,000 with 200,000 non-zeros: large enough for the kernels' parallel row blocks.
        var rng = new RandomSource(4);
        int nnz = 200_000;
        var ri = new int[nnz];
        var ci = new int[nnz];
        var v = new double[nnz];
        for (int t = 0; t < nnz; t++) { ri[t] = (int)(rng.NextDouble() * 20_000); ci[t] = (int)(rng.NextDouble() * 2_000); v[t] = rng.NextDouble(); }
        var x = SparseMatrix.FromTriplets(20_000, 2_000, ri, ci, v);
        foreach (var algo in new[] { TruncatedSvdAlgorithm.Randomized, TruncatedSvdAlgorithm.Arpack })
        {
            var est = new TruncatedSVD { NComponents = 3, Algorithm = algo };
            var a = est.Fit(x, new FitContext { MaxThreads = 1 });
            var b = est.Fit(x, new FitContext { MaxThreads = 4 });
            Assert.Equal(a.Components.Storage, b.Components.Storage);
            Assert.Equal(a.SingularValues, b.SingularValues);
        }
    }

    [Fact]
    public void BadSparseInputIsRejected()
    {
        var x = SparseMatrix.FromDense(new double[,] { { 1, 0, 2 }, { 0, 3, 0 } });
        Assert.Throws<InvalidHyperparameterException>(() => new TruncatedSVD { NComponents = 3 }.Fit(x));
        Assert.Throws<InvalidInputException>(() => new TruncatedSVD { NComponents = 1 }.Fit(SparseMatrix.Zeros(0, 3)));
        var model = new TruncatedSVD { NComponents = 1 }.Fit(x);
        var ex = Assert.Throws<InvalidInputException>(() => model.Transform(SparseMatrix.Zeros(2, 4)));
        Assert.Contains("3 features", ex.Message);
        Assert.Throws<InvalidHyperparameterException>(() => new TruncatedSVD { Tol = -1 }.Fit(x));
    }

    private static int[] Permutation(int n, RandomSource rng)
    {
        var p = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(rng.NextDouble() * (i + 1));
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
