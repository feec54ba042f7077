using Fathom.Cluster;
using Fathom.Core;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

public class KMeansElkanTests
{
    [Theory]
    [InlineData(3, 0)]
    [InlineData(5, 1)]
    [InlineData(8, 2)]
    public void ElkanGivesLloydsIteratesOnIris(int k, int seed)
    {
        var x = TestDatasets.Iris().X;
        var lloyd = new KMeans { Clusters = k, Seed = seed, NInit = 3 }.Fit(x);
        var elkan = new KMeans { Clusters = k, Seed = seed, NInit = 3, Algorithm = KMeansAlgorithm.Elkan }.Fit(x);
        Assert.Equal(lloyd.Labels, elkan.Labels);
        Assert.Equal(lloyd.Iterations, elkan.Iterations);
        Assert.Equal(lloyd.Inertia, elkan.Inertia, 1e-9 * lloyd.Inertia);
        var a = lloyd.ClusterCenters;
        var b = elkan.ClusterCenters;
        for (int j = 0; j < k; j++)
            for (int f = 0; f < 4; f++) Assert.Equal(a[j, f], b[j, f], 1e-9);
    }

    [Fact]
    public void ElkanWithWeightsAndManyRowsMatchesLloydAndIgnoresThreadCount()
    {
        var (x, _) = Synthetic.Blobs(5000, 6, 7, seed: 3);
        var w = Enumerable.Range(0, x.Rows).Select(i => 0.5 + i % 4).ToArray();
        var lloyd = new KMeans { Clusters = 7, Seed = 5 }.Fit(x, w);
        var est = new KMeans { Clusters = 7, Seed = 5, Algorithm = KMeansAlgorithm.Elkan };
        var e1 = est.Fit(x, w, new FitContext { MaxThreads = 1 });
        var e2 = est.Fit(x, w, new FitContext { MaxThreads = 3 });
        Assert.Equal(lloyd.Labels, e1.Labels);
        Assert.Equal(lloyd.Inertia, e1.Inertia, 1e-9 * lloyd.Inertia);
        Assert.Equal(e1.ClusterCenters.AsSpan().ToArray(), e2.ClusterCenters.AsSpan().ToArray());
        Assert.Equal(e1.Labels, e2.Labels);
    }
}
