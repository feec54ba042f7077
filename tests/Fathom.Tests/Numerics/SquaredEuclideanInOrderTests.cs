using Fathom.Numerics;

namespace Fathom.Tests.Numerics;

public class SquaredEuclideanInOrderTests
{
    [Fact]
    public void SumsInIndexOrderBitForBit()
    {
        // Values whose rounding depends on the summation order: the result must equal the plain left-to-right loop.
        var r = new Fathom.Core.RandomSource(3);
        for (int trial = 0; trial < 200; trial++)
        {
            int d = 1 + trial % 19;
            var a = Enumerable.Range(0, d).Select(_ => r.NextGaussian() * 1e3).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => r.NextGaussian()).ToArray();
            double expected = 0;
            for (int i = 0; i < d; i++) expected += (a[i] - b[i]) * (a[i] - b[i]);
            Assert.Equal(expected, Distances.SquaredEuclideanInOrder(a, b));
            Assert.Equal(expected, Distances.SquaredEuclidean(a, b), expected * 1e-14);
        }
        Assert.Throws<ArgumentException>(() => Distances.SquaredEuclideanInOrder([1.0], [1.0, 2.0]));
    }
}
