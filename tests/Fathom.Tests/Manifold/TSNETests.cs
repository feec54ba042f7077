using Fathom.Core;
using Fathom.Data;
using Fathom.Manifold;
using Fathom.Numerics;

namespace Fathom.Tests.Manifold;

public class TSNETests
{

    [Fact]
    public void ExactAffinitiesMatchScikitLearn()
    {
        var s = ManifoldReference.TsneReference["small"]!;
        var x = ManifoldReference.ToMatrix(s["x"]!);
        var expected = ManifoldReference.ToMatrix(s["p_exact"]!);
        var p = TsneAffinities.Dense(x, 5.0, 2);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Rows; j++)
                Assert.Equal(expected[i, j], p[i, j], 1e-12);
    }

    [Fact]
    public void NeighbourAffinitiesMatchScikitLearn()
    {
        var s = ManifoldReference.TsneReference["small"]!;
        var x = ManifoldReference.ToMatrix(s["x"]!);
        var expected = ManifoldReference.ToMatrix(s["p_bh"]!);
        var p = TsneAffinities.Sparse(x, 5.0, 2);
        var dense = new Matrix(x.Rows, x.Rows);
        for (int i = 0; i < x.Rows; i++)
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++) dense[i, p.Columns[a]] = p.Values[a];
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Rows; j++)
                Assert.Equal(expected[i, j], dense[i, j], 1e-12);
    }

    [Fact]
    public void CalibrationReachesThePerplexity()
    {
        var rng = new RandomSource(4);
        var d2 = Enumerable.Range(0, 90).Select(_ => 50 * rng.NextDouble()).ToArray();
        var p = new double[90];
        TsneAffinities.Calibrate(d2, p, 30.0);
        double h = -p.Where(v => v > 0).Sum(v => v * Math.Log(v));
        Assert.Equal(Math.Log(30.0), h, 1e-5);
        Assert.Equal(1.0, p.Sum(), 12);
    }

    [Fact]
    public void ExactGradientAndDivergenceMatchScikitLearn()
    {
        var s = ManifoldReference.TsneReference["small"]!;
        var p = ManifoldReference.ToMatrix(s["p_exact"]!);
        var y = ManifoldReference.ToMatrix(s["y"]!);
        var expected = ManifoldReference.ToMatrix(s["grad"]!);
        var (kl, grad) = TsneOptimizer.Gradient(y, null, p, 0.0, 1);
        Assert.Equal(s["kl"]!.GetValue<double>(), kl, 1e-12);
        for (int i = 0; i < y.Rows; i++)
            for (int t = 0; t < 2; t++) Assert.Equal(expected[i, t], grad[i * 2 + t], 1e-12);
    }

    [Fact]
    public void ExactGradientMatchesFiniteDifferences()
    {
        var s = ManifoldReference.TsneReference["small"]!;
        var p = ManifoldReference.ToMatrix(s["p_exact"]!);
        var y = ManifoldReference.ToMatrix(s["y"]!);
        var (_, grad) = TsneOptimizer.Gradient(y, null, p, 0.0, 1);
        const double h = 1e-6;
        foreach (int a in new[] { 0, 7, 33, 79 })
        {
            var yp = y.Clone();
            var ym = y.Clone();
            yp.Storage[a] += h;
            ym.Storage[a] -= h;
            double fd = (TsneOptimizer.Gradient(yp, null, p, 0.0, 1).Kl - TsneOptimizer.Gradient(ym, null, p, 0.0, 1).Kl) / (2 * h);
            Assert.Equal(fd, grad[a], 1e-6);
        }
    }

    [Fact]
    public void BarnesHutWithZeroAngleIsExact()
    {
        var s = ManifoldReference.TsneReference["small"]!;
        var x = ManifoldReference.ToMatrix(s["x"]!);
        var y = ManifoldReference.ToMatrix(s["y"]!);
        var sparse = TsneAffinities.Sparse(x, 5.0, 2);
        var dense = new Matrix(x.Rows, x.Rows);
        for (int i = 0; i < x.Rows; i++)
            for (int a = sparse.RowStart[i]; a < sparse.RowStart[i + 1]; a++) dense[i, sparse.Columns[a]] = sparse.Values[a];
        var (_, bh) = TsneOptimizer.Gradient(y, sparse, null, 0.0, 2);
        var (_, exact) = TsneOptimizer.Gradient(y, null, dense, 0.0, 1);
        for (int a = 0; a < bh.Length; a++) Assert.Equal(exact[a], bh[a], 1e-12);
        // a wider angle approximates: still close
        var (_, approx) = TsneOptimizer.Gradient(y, sparse, null, 0.25, 2);
        double err = 0, norm = 0;
        for (int a = 0; a < bh.Length; a++)
        {
            err += (approx[a] - exact[a]) * (approx[a] - exact[a]);
            norm += exact[a] * exact[a];
        }
        Assert.True(Math.Sqrt(err / norm) < 0.05, $"relative error {Math.Sqrt(err / norm)}");
    }

    [Fact]
    public void DigitsMatchesScikitLearnQuality()
    {
        var d = ManifoldReference.TsneReference["digits"]!;
        var x = ManifoldReference.Digits;
        var r = new TSNE().FitTransform(x);
        double tw = EmbeddingMetrics.Trustworthiness(x, r.Embedding, 5);
        Assert.True(r.KlDivergence <= d["kl_divergence"]!.GetValue<double>() + 0.02, $"KL {r.KlDivergence}");
        Assert.True(tw >= d["trustworthiness_k5"]!.GetValue<double>() - 0.01, $"trustworthiness {tw}");
        Assert.Equal(999, r.IterationCount);
        Assert.Equal(Math.Max(1797 / 12.0 / 4, 50), r.LearningRate);
    }

    [Fact]
    public void ExactMethodMatchesScikitLearnQuality()
    {
        var d = ManifoldReference.TsneReference["digits"]!;
        var x = ManifoldReference.Digits.RowRange(0, 300).Clone();
        var r = new TSNE { Method = TsneMethod.Exact }.FitTransform(x);
        double tw = EmbeddingMetrics.Trustworthiness(x, r.Embedding, 5);
        Assert.True(r.KlDivergence <= d["exact300_kl_divergence"]!.GetValue<double>() + 0.02, $"KL {r.KlDivergence}");
        Assert.True(tw >= d["exact300_trustworthiness_k5"]!.GetValue<double>() - 0.01, $"trustworthiness {tw}");
    }

    [Fact]
    public void SameSeedSameEmbeddingWhateverTheThreadCount()
    {
        var x = ManifoldReference.Digits.RowRange(0, 200).Clone();
        var est = new TSNE { Init = TsneInit.Random, Seed = 5, NIter = 300 };
        var a = est.FitTransform(x, new FitContext { MaxThreads = 1 });
        var b = est.FitTransform(x, new FitContext { MaxThreads = 2 });
        Assert.Equal(a.Embedding.Storage, b.Embedding.Storage);
        Assert.Equal(a.KlDivergence, b.KlDivergence);
        var c = (est with { Seed = 6 }).FitTransform(x);
        Assert.NotEqual(a.Embedding.Storage, c.Embedding.Storage);
    }

    [Fact]
    public void FrameOverloadNamesColumns()
    {
        var x = ManifoldReference.Digits.RowRange(0, 100).Clone();
        var frame = DataFrame.FromMatrix(x);
        var e = new TSNE { Perplexity = 10, NIter = 250 }.FitTransform(frame);
        Assert.Equal(new[] { "tsne0", "tsne1" }, e.ColumnNames.ToArray());
        Assert.Equal(100, e.RowCount);
    }

    [Fact]
    public void RejectsBadInput()
    {
        var x = ManifoldReference.Digits.RowRange(0, 20).Clone();
        var ex = Assert.Throws<InvalidHyperparameterException>(() => new TSNE().FitTransform(x));
        Assert.Contains("perplexity", ex.Message, StringComparison.Ordinal);
        var bad = x.Clone();
        bad[4, 2] = double.NaN;
        var nan = Assert.Throws<InvalidInputException>(() => new TSNE { Perplexity = 5 }.FitTransform(bad));
        Assert.Contains("row 4", nan.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidHyperparameterException>(() => new TSNE { Perplexity = 5, NComponents = 3 }.FitTransform(x));
        Assert.Throws<InvalidHyperparameterException>(() => new TSNE { Perplexity = -1 }.FitTransform(x));
        Assert.Throws<InvalidHyperparameterException>(() => new TSNE { Perplexity = 5, NIter = 100 }.FitTransform(x));
        Assert.Throws<InvalidInputException>(() => new TSNE { Perplexity = 5 }.FitTransform(new Matrix(1, 3)));
    }

    [Fact]
    public void ExactMethodEmbedsInThreeDimensions()
    {
        var x = ManifoldReference.Digits.RowRange(0, 60).Clone();
        var r = new TSNE { Method = TsneMethod.Exact, NComponents = 3, Perplexity = 10, NIter = 300 }.FitTransform(x);
        Assert.Equal(3, r.Embedding.Columns);
        Assert.True(double.IsFinite(r.KlDivergence) && r.KlDivergence > 0);
    }
}
