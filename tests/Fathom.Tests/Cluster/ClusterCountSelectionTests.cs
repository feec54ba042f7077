using Fathom.Cluster;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

public class ClusterCountSelectionTests
{
    [Fact]
    public void FourSeparatedBlobsGiveFourByBothRules()
    {
        var (x, _) = Synthetic.Blobs(400, 2, 4, seed: 11);
        var r = ClusterCountSelection.Evaluate(new KMeans { NInit = 3 }, x, 2, 8);
        Assert.Equal(Enumerable.Range(2, 7), r.Candidates.Select(c => c.K));
        Assert.Equal(4, r.BestSilhouetteK);
        Assert.Equal(4, r.ElbowK);
        // Cluster means minimize the squared distances for fixed labels: never above k-means' inertia, and close to it.
        foreach (var c in r.Candidates)
        {
            double km = ((KMeansModel)c.Model).Inertia;
            Assert.InRange(c.Inertia, 0.99 * km, km * (1 + 1e-12));
        }
        Assert.Equal(4, ((KMeansModel)r.BestBySilhouette.Model).ClusterCount);
    }

    [Fact]
    public void ElbowIsThePointFarthestBelowTheChord()
    {
        // 100, 40, 20, 15, 12, 10: the chord from (1,100) to (6,10) is 100 − 18(k − 1); gaps below it are
        // 42 (k = 2), 44 (k = 3), 31 (k = 4), 16 (k = 5): the elbow is k = 3.
        var curve = new (double, double)[] { (1, 100), (2, 40), (3, 20), (4, 15), (5, 12), (6, 10) };
        Assert.Equal(3, ClusterCountSelection.Elbow(curve));
        Assert.Equal(1, ClusterCountSelection.Elbow([(1, 5), (2, 4), (3, 3)])); // straight: no elbow
    }

    [Fact]
    public void WorksForMixturesAndNamesMissingParameter()
    {
        var (x, _) = Synthetic.Blobs(300, 2, 3, seed: 5);
        var r = ClusterCountSelection.Evaluate(new GaussianMixture(), x, 2, 5);
        Assert.Equal(3, r.BestSilhouetteK);
        Assert.Equal("k", Assert.Throws<InvalidHyperparameterException>(() => ClusterCountSelection.Evaluate(new DBSCAN(), x)).Parameter);
        Assert.Equal(0, ClusterCountSelection.Inertia(Matrix.FromArray(new double[,] { { 1, 1 }, { 1, 1 } }), [0, 0]));
    }
}
