using Fathom.Cluster;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

public class KMeansTests
{
    [Fact]
    public void IrisReachesScikitLearnsBestInertiaOverFiftyStarts()
    {
        var x = TestDatasets.Iris().X;
        var reference = ClusterReference.Get("kmeans_iris");
        double expected = reference["inertia"]!.GetValue<double>();
        var model = new KMeans { Clusters = 3, NInit = 10 }.Fit(x);
        Assert.Equal(expected, model.Inertia, expected * 1e-6);
        Assert.Equal(ClusterReference.Ints(reference["sizes"]!), model.Labels.GroupBy(l => l).Select(g => g.Count()).Order());
    }

    [Fact]
    public void ResultIsALloydFixedPointWithConsistentInertia()
    {
        var x = TestDatasets.Iris().X;
        var model = new KMeans { Clusters = 4, Seed = 3 }.Fit(x);
        var centers = model.ClusterCenters;
        // Independent answer: each centre is the mean of its rows, each row is nearest to its centre, and the
        // inertia is the sum of squared distances recomputed directly.
        double inertia = 0;
        for (int j = 0; j < 4; j++)
        {
            var rows = Enumerable.Range(0, x.Rows).Where(i => model.Labels[i] == j).ToArray();
            Assert.NotEmpty(rows);
            for (int c = 0; c < x.Columns; c++)
                Assert.Equal(rows.Average(i => x[i, c]), centers[j, c], 1e-9);
        }
        for (int i = 0; i < x.Rows; i++)
        {
            var d = Enumerable.Range(0, 4).Select(j => Distances.SquaredEuclidean(x.Row(i), centers.Row(j))).ToArray();
            Assert.Equal(d.Min(), d[model.Labels[i]], 12);
            inertia += d[model.Labels[i]];
        }
        Assert.Equal(inertia, model.Inertia, 1e-9);
        Assert.Equal(model.Labels, model.Predict(x));
        Assert.Equal(-model.Inertia, model.Score(x), 1e-9);
    }

    [Fact]
    public void TransformGivesEuclideanDistancesToCentres()
    {
        var (x, _) = Synthetic.Blobs(40, 3, 3, seed: 2);
        var model = new KMeans { Clusters = 3 }.Fit(x);
        var t = model.Transform(x);
        var c = model.ClusterCenters;
        Assert.Equal(3, t.Columns);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(Math.Sqrt(Distances.SquaredEuclidean(x.Row(i), c.Row(j))), t[i, j], 9);
    }

    [Fact]
    public void SeparatedGroupsGiveTheirMeans()
    {
        double[,] data = { { 0 }, { 1 }, { 2 }, { 100 }, { 101 }, { 102 }, { 103 } };
        var model = new KMeans { Clusters = 2 }.Fit(data);
        var centers = model.ClusterCenters.Column(0).Order().ToArray();
        Assert.Equal(1.0, centers[0], 12);
        Assert.Equal(101.5, centers[1], 12);
        Assert.Equal(2 + 5.0, model.Inertia, 9);
    }

    [Fact]
    public void WeightsShiftTheCentre()
    {
        double[,] data = { { 0 }, { 1 }, { 10 }, { 11 } };
        var model = new KMeans { Clusters = 2 }.Fit(data, [3, 1, 1, 1]);
        var centers = model.ClusterCenters.Column(0).Order().ToArray();
        Assert.Equal(0.25, centers[0], 12);
        Assert.Equal(10.5, centers[1], 12);
        Assert.Equal(3 * 0.0625 + 0.5625 + 0.5, model.Inertia, 12);
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheModel()
    {
        var (x, _) = Synthetic.Blobs(3000, 5, 6, seed: 4);
        var one = new KMeans { Clusters = 6, NInit = 2 }.Fit(x, context: new FitContext { MaxThreads = 1 });
        var two = new KMeans { Clusters = 6, NInit = 2 }.Fit(x, context: new FitContext { MaxThreads = 2 });
        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(one.ClusterCenters.AsSpan().ToArray(), two.ClusterCenters.AsSpan().ToArray());
        Assert.Equal(one.Inertia, two.Inertia);
    }

    [Fact]
    public void RandomInitAndMoreRunsWork()
    {
        var x = TestDatasets.Iris().X;
        var model = new KMeans { Clusters = 3, Init = KMeansInit.Random, NInit = 30, Seed = 1 }.Fit(x);
        double expected = ClusterReference.Get("kmeans_iris")["inertia"]!.GetValue<double>();
        Assert.Equal(expected, model.Inertia, expected * 1e-6);
    }

    [Fact]
    public void DuplicateRowsWithMoreClustersThanDistinctPointsStillGiveValidLabels()
    {
        double[,] data = { { 1, 1 }, { 1, 1 }, { 1, 1 }, { 2, 2 } };
        var model = new KMeans { Clusters = 3 }.Fit(data);
        Assert.All(model.Labels, l => Assert.InRange(l, 0, 2));
        Assert.Equal(0.0, model.Inertia, 12);
    }

    [Fact]
    public void TooManyClustersIsAClearError()
    {
        var e = Assert.Throws<InvalidHyperparameterException>(() => new KMeans { Clusters = 5 }.Fit(new double[,] { { 1 }, { 2 } }));
        Assert.Equal("clusters", e.Parameter);
        Assert.Contains("rows (2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveLoadKeepsState()
    {
        var x = TestDatasets.Iris().X;
        var model = new KMeans { Clusters = 3 }.Fit(x);
        var back = (KMeansModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Inertia, back.Inertia);
        Assert.Equal(model.Iterations, back.Iterations);
        Assert.Equal(model.Labels, back.Labels);
        Assert.Equal(model.Predict(x), back.Predict(x));
        Assert.Equal(3, back.Options.Clusters);
    }
}
