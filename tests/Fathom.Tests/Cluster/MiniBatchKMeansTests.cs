using Fathom.Cluster;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

public class MiniBatchKMeansTests
{
    [Fact]
    public void SeparatedBlobsGiveKMeansPartitionAtNearlyItsInertia()
    {
        var (x, truth) = Synthetic.Blobs(6000, 4, 5, seed: 21);
        var full = new KMeans { Clusters = 5, NInit = 5 }.Fit(x);
        var mb = new MiniBatchKMeans { Clusters = 5, BatchSize = 256, NInit = 3 }.Fit(x);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(full.Labels, mb.Labels), 6);
        Assert.InRange(mb.Inertia, full.Inertia * (1 - 1e-9), full.Inertia * 1.01);
        Assert.True(mb.Steps < 100 * 6000 / 256, "should stop early on the smoothed inertia");
        // Labels and inertia are those of the final centres on all rows.
        var c = mb.ClusterCenters;
        double inertia = 0;
        for (int i = 0; i < x.Rows; i++) inertia += Distances.SquaredEuclidean(x.Row(i), c.Row(mb.Labels[i]));
        Assert.Equal(inertia, mb.Inertia, 1e-6 * inertia);
        Assert.Equal(mb.Labels, mb.Predict(x));
        _ = truth;
    }

    [Fact]
    public void CentresAreRunningMeansOfTheRowsTheyWereGiven()
    {
        // One cluster, one pass of single-row batches: the running mean over the drawn rows; with many passes it
        // converges to the data mean (the least-squares centre).
        var (x, _) = Synthetic.Blobs(500, 3, 1, seed: 2);
        var mb = new MiniBatchKMeans { Clusters = 1, BatchSize = 50, MaxIter = 200, MaxNoImprovement = 0 }.Fit(x);
        var mean = Reductions.ColumnMeans(x);
        for (int f = 0; f < 3; f++) Assert.Equal(mean[f], mb.ClusterCenters[0, f], 0.05);
        Assert.Equal(200 * 500 / 50, mb.Steps);
    }

    [Fact]
    public void SameSeedSameModelAndErrorsNameTheProblem()
    {
        var (x, _) = Synthetic.Blobs(800, 2, 3, seed: 8);
        var a = new MiniBatchKMeans { Clusters = 3, BatchSize = 100, Seed = 4 }.Fit(x);
        var b = new MiniBatchKMeans { Clusters = 3, BatchSize = 100, Seed = 4 }.Fit(x, context: new FitContext { MaxThreads = 1 });
        Assert.Equal(a.ClusterCenters.AsSpan().ToArray(), b.ClusterCenters.AsSpan().ToArray());
        Assert.Equal("batch_size", Assert.Throws<InvalidHyperparameterException>(() => new MiniBatchKMeans { BatchSize = 0 }.Fit(x)).Parameter);
        Assert.Equal("clusters", Assert.Throws<InvalidHyperparameterException>(() =>
            new MiniBatchKMeans { Clusters = 9 }.Fit(new double[,] { { 1 }, { 2 } })).Parameter);
        var nan = x.Clone();
        nan[5, 1] = double.NaN;
        Assert.Equal(5, Assert.Throws<InvalidInputException>(() => new MiniBatchKMeans().Fit(nan)).Row);
        var back = (MiniBatchKMeansModel)ModelFile.Deserialize(ModelFile.Serialize(a)).Model;
        Assert.Equal(a.Predict(x), back.Predict(x));
        Assert.Equal(a.Inertia, back.Inertia);
    }
}
