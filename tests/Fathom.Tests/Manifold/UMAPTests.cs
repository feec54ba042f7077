using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Manifold;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Manifold;

public class UMAPTests
{
    private static readonly Lazy<UMAPModel> DigitsModel = new(() => new UMAP().Fit(ManifoldReference.Digits));

    [Fact]
    public void CurveParametersMatchScipyCurveFit()
    {
        var cases = JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Manifold", "Reference", "umap_curve.json")))!.AsArray();
        foreach (var c in cases)
        {
            var (a, b) = UmapCurve.Fit(c!["min_dist"]!.GetValue<double>(), c["spread"]!.GetValue<double>());
            Assert.Equal(c["a"]!.GetValue<double>(), a, 1e-6);
            Assert.Equal(c["b"]!.GetValue<double>(), b, 1e-6);
        }
    }

    [Fact]
    public void CurveFitIsALeastSquaresMinimum()
    {
        // closed check: the gradient of the sum of squares vanishes at the fitted (a, b)
        var (a, b) = UmapCurve.Fit(0.1, 1.0);
        double Sse(double aa, double bb)
        {
            double s = 0;
            for (int i = 0; i < 300; i++)
            {
                double x = 3.0 * i / 299, y = x < 0.1 ? 1 : Math.Exp(-(x - 0.1));
                double r = 1 / (1 + aa * Math.Pow(x, 2 * bb)) - y;
                s += r * r;
            }
            return s;
        }
        const double h = 1e-6;
        Assert.True(Math.Abs((Sse(a + h, b) - Sse(a - h, b)) / (2 * h)) < 1e-7);
        Assert.True(Math.Abs((Sse(a, b + h) - Sse(a, b - h)) / (2 * h)) < 1e-7);
    }

    [Fact]
    public void SmoothKnnDistancesSolveTheirEquation()
    {
        var x = ManifoldReference.Digits.RowRange(0, 300).Clone();
        const int k = 15;
        var nn = NearestNeighbors.Build(x).KNeighborsOfPoints(k - 1);
        int n = x.Rows;
        var full = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k - 1; t++) full[i * k + t + 1] = nn.Distances[i, t];
        var (sigma, rho) = UmapGraph.SmoothKnn(full, n, k, k, 1.0, skip: 1);
        double goal = Math.Log2(k);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(nn.Distances[i, 0], rho[i]); // nearest other row
            // brute force: bisection on log sigma to machine precision
            double Sum(double s)
            {
                double p = 0;
                for (int t = 1; t < k; t++) p += Math.Exp(-Math.Max(0, full[i * k + t] - rho[i]) / s);
                return p;
            }
            double lo = Math.Log(1e-12), hi = Math.Log(1e12);
            for (int it = 0; it < 200; it++)
            {
                double mid = (lo + hi) / 2;
                if (Sum(Math.Exp(mid)) > goal) hi = mid; else lo = mid;
            }
            double exact = Math.Exp((lo + hi) / 2);
            Assert.True(Math.Abs(Sum(sigma[i]) - goal) < 1e-5, $"row {i}");
            Assert.Equal(exact, sigma[i], exact * 1e-3);
        }
    }

    [Fact]
    public void FuzzyUnionIsSymmetricProbabilisticOr()
    {
        int[] ids = [1, 2, 0, 2, 0, 1];
        double[] w = [0.5, 0.2, 0.4, 1.0, 0.0, 0.3];
        var g = UmapGraph.FuzzyUnion(3, 2, ids, w);
        var d = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int a = g.RowStart[i]; a < g.RowStart[i + 1]; a++) d[i, g.Columns[a]] = g.Values[a];
        Assert.Equal(0.5 + 0.4 - 0.2, d[0, 1], 15);
        Assert.Equal(0.2 + 0.0, d[0, 2], 15);
        Assert.Equal(1.0 + 0.3 - 0.3, d[1, 2], 15);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(d[i, j], d[j, i]);
    }

    [Fact]
    public void NeighbourDescentRecallsExactNeighbours()
    {
        var x = ManifoldReference.Digits;
        const int k = 14;
        var (ids, dist) = NNDescent.Search(x, k, new RandomSource(0), 2);
        var exact = NearestNeighbors.Build(x).KNeighborsOfPoints(k);
        long hits = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            var truth = exact.IndicesOf(i).ToArray();
            double kth = exact.Distances[i, k - 1];
            for (int t = 0; t < k; t++)
            {
                // a neighbour tied with the true k-th counts as found
                if (Array.IndexOf(truth, ids[i * k + t]) >= 0 || dist[i * k + t] <= kth + 1e-9) hits++;
                if (t > 0) Assert.True(dist[i * k + t] >= dist[i * k + t - 1]);
            }
        }
        double recall = hits / (double)(x.Rows * k);
        Assert.True(recall >= 0.95, $"recall {recall}");
    }

    [Fact]
    public void DigitsEmbeddingIsTrustworthy()
    {
        var model = DigitsModel.Value;
        double tw = EmbeddingMetrics.Trustworthiness(ManifoldReference.Digits, model.Embedding, 5);
        Assert.True(tw >= 0.95, $"trustworthiness {tw}");
        Assert.Equal(1.577, model.A, 3);
        Assert.Equal(0.895, model.B, 3);
    }

    [Fact]
    public void DescentNeighboursAlsoGiveATrustworthyEmbedding()
    {
        var x = ManifoldReference.Digits.RowRange(0, 800).Clone();
        var model = new UMAP { NeighborSearch = UmapNeighborSearch.Descent, NEpochs = 200 }.Fit(x);
        double tw = EmbeddingMetrics.Trustworthiness(x, model.Embedding, 5);
        Assert.True(tw >= 0.93, $"trustworthiness {tw}");
    }

    [Fact]
    public void TransformPlacesNewRowsAmongTheirClass()
    {
        var all = TestDatasets.LoadCsv("digits.csv", "target");
        int nTrain = 1500;
        var xTrain = all.X.RowRange(0, nTrain).Clone();
        var xTest = all.X.RowRange(nTrain, all.X.Rows - nTrain).Clone();
        var model = new UMAP { NEpochs = 200 }.Fit(xTrain);
        var z = model.Transform(xTest);
        var emb = model.Embedding;
        var index = NearestNeighbors.Build(emb);
        var nn = index.KNeighbors(z, 1);
        int correct = 0;
        for (int i = 0; i < xTest.Rows; i++)
            if (all.Target[nn[i, 0]] == all.Target[nTrain + i]) correct++;
        Assert.True(correct >= 0.9 * xTest.Rows, $"{correct} of {xTest.Rows}");
        // deterministic and the same after a save/load round trip
        Assert.Equal(z.Storage, model.Transform(xTest).Storage);
        var loaded = (UMAPModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(z.Storage, loaded.Transform(xTest).Storage);
        Assert.Equal(emb.Storage, loaded.Embedding.Storage);
    }

    [Fact]
    public void SameSeedSameEmbeddingWhateverTheThreadCount()
    {
        var x = ManifoldReference.Digits.RowRange(0, 300).Clone();
        var est = new UMAP { NEpochs = 50 };
        var a = est.Fit(x, new FitContext { MaxThreads = 1 });
        var b = est.Fit(x, new FitContext { MaxThreads = 2 });
        Assert.Equal(a.Embedding.Storage, b.Embedding.Storage);
        var c = (est with { Seed = 1 }).Fit(x);
        Assert.NotEqual(a.Embedding.Storage, c.Embedding.Storage);
        var frame = new UMAP { NEpochs = 50, Init = UmapInit.Random }.Fit(DataFrame.FromMatrix(x)).Transform(DataFrame.FromMatrix(x.RowRange(0, 5).Clone()));
        Assert.Equal(new[] { "umap0", "umap1" }, frame.ColumnNames.ToArray());
    }

    [Fact]
    public void TransformIgnoresColumnOrder()
    {
        var x = ManifoldReference.Digits.RowRange(0, 100).SelectColumns([10, 20, 30, 43]);
        var frame = DataFrame.FromMatrix(x);
        var model = new UMAP { NEpochs = 30 }.Fit(frame);
        var a = model.Transform(frame).ToMatrix();
        var b = model.Transform(frame.Select("x3", "x1", "x0", "x2")).ToMatrix();
        Assert.Equal(a.Storage, b.Storage);
    }

    [Fact]
    public void RejectsBadInput()
    {
        var x = ManifoldReference.Digits.RowRange(0, 30).Clone();
        var bad = x.Clone();
        bad[2, 5] = double.NaN;
        Assert.Throws<InvalidInputException>(() => new UMAP().Fit(bad));
        Assert.Throws<InvalidHyperparameterException>(() => new UMAP { MinDist = 2 }.Fit(x));
        Assert.Throws<InvalidHyperparameterException>(() => new UMAP { NNeighbors = 1 }.Fit(x));
        Assert.Throws<InvalidInputException>(() => new UMAP().Fit(new Matrix(1, 3)));
        var model = new UMAP { NEpochs = 20 }.Fit(x);
        Assert.Throws<InvalidInputException>(() => model.Transform(new Matrix(2, 5)));
    }
}
