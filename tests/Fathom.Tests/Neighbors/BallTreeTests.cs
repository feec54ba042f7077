using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Tests.Neighbors;

public class BallTreeTests
{
    /// <summary>Rows on a coarse integer grid (many exact ties) plus continuous ones.</summary>
    private static Matrix Data(int n, int d, long seed)
    {
        var r = new RandomSource(seed);
        var x = new Matrix(n, d);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x[i, j] = i % 2 == 0 ? r.NextInt(5) : r.NextGaussian() * 2;
        return x;
    }

    [Theory]
    [InlineData(NeighborMetric.Euclidean, 2.0)]
    [InlineData(NeighborMetric.Manhattan, 2.0)]
    [InlineData(NeighborMetric.Chebyshev, 2.0)]
    [InlineData(NeighborMetric.Minkowski, 3.0)]
    public void BallTreeAnswersExactlyAsBruteForce(NeighborMetric metric, double p)
    {
        var x = Data(700, 3, 1);
        var q = Data(120, 3, 2);
        var brute = NearestNeighbors.Build(x, metric, NeighborAlgorithm.Brute, p);
        var ball = NearestNeighbors.Build(x, metric, NeighborAlgorithm.BallTree, p);
        Assert.Equal(NeighborAlgorithm.BallTree, ball.Algorithm);
        foreach (int k in new[] { 1, 5, 40 })
        {
            var a = brute.KNeighbors(q, k);
            var b = ball.KNeighbors(q, k);
            Assert.Equal(a.Indices, b.Indices);
            Assert.Equal(a.Distances.AsSpan().ToArray(), b.Distances.AsSpan().ToArray());
        }
        Assert.Equal(brute.KNeighborsOfPoints(6).Indices, ball.KNeighborsOfPoints(6).Indices);
        var ra = brute.RadiusNeighbors(q, 1.5);
        var rb = ball.RadiusNeighbors(q, 1.5);
        for (int i = 0; i < q.Rows; i++)
        {
            Assert.Equal(ra.IndicesOf(i).ToArray(), rb.IndicesOf(i).ToArray());
            Assert.Equal(ra.DistancesOf(i).ToArray(), rb.DistancesOf(i).ToArray());
        }
    }

    [Fact]
    public void AutomaticChoiceFollowsTheDocumentedRule()
    {
        var x = Data(200, 3, 3);
        Assert.Equal(NeighborAlgorithm.KDTree, NearestNeighbors.Build(x).Algorithm);
        Assert.Equal(NeighborAlgorithm.BallTree, NearestNeighbors.Build(x, NeighborMetric.Manhattan).Algorithm);
        Assert.Equal(NeighborAlgorithm.BallTree, NearestNeighbors.Build(x, NeighborMetric.Minkowski, p: 3).Algorithm);
        Assert.Equal(NeighborAlgorithm.Brute, NearestNeighbors.Build(x, NeighborMetric.Cosine).Algorithm);
        Assert.Equal(NeighborAlgorithm.Brute, NearestNeighbors.Build(Data(200, 16, 3), NeighborMetric.Chebyshev).Algorithm);
        Assert.Equal(NeighborAlgorithm.Brute, NearestNeighbors.Build(Data(50, 3, 3), NeighborMetric.Manhattan).Algorithm);
        Assert.Throws<InvalidHyperparameterException>(() => NearestNeighbors.Build(x, NeighborMetric.NanEuclidean, NeighborAlgorithm.BallTree));
    }
}
