using Fathom.Boosting;

namespace Fathom.Tests.Boosting;

public class RowPartitionTests
{
    private static (uint[] Values, byte[] Mask, int Left) Case(int m, int seed, int percentLeft)
    {
        var rng = new Random(seed);
        var values = Enumerable.Range(0, m).Select(_ => (uint)rng.Next()).ToArray();
        var mask = Enumerable.Range(0, m).Select(_ => rng.Next(100) < percentLeft ? (byte)0xFF : (byte)0).ToArray();
        return (values, mask, mask.Count(b => b != 0));
    }

    /// <summary>The stable partition written plainly: lefts in order, then rights in order.</summary>
    private static T[] Expected<T>(T[] values, byte[] mask) =>
        values.Where((_, k) => mask[k] != 0).Concat(values.Where((_, k) => mask[k] == 0)).ToArray();

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 50)]
    [InlineData(15, 30)]
    [InlineData(16, 50)]
    [InlineData(17, 0)]
    [InlineData(33, 100)]
    [InlineData(1000, 35)]
    [InlineData(4099, 80)]
    public void SplitIntoAnotherBufferIsTheStablePartition(int m, int percentLeft)
    {
        var (values, mask, left) = Case(m, m + percentLeft, percentLeft);
        var expected = Expected(values, mask);
        foreach (bool backward in new[] { false, true })
        {
            // Sentinels either side of the node's range must survive: only the range is written.
            var dst = Enumerable.Repeat(0xDEADBEEFu, m + 40).ToArray();
            RowPartition.Split(values, mask, dst.AsSpan(20, m), dst.AsSpan(20, m), left, backward);
            Assert.Equal(expected, dst.AsSpan(20, m).ToArray());
            Assert.All(dst[..20].Concat(dst[(20 + m)..]), v => Assert.Equal(0xDEADBEEFu, v));
        }
    }

    [Theory]
    [InlineData(7, 40)]
    [InlineData(64, 50)]
    [InlineData(1001, 70)]
    [InlineData(4099, 20)]
    public void InPlaceSplitKeepsOneSideInTheSourceAndMovesTheOther(int m, int percentLeft)
    {
        var (values, mask, left) = Case(m, 3 * m + percentLeft, percentLeft);
        var expected = Expected(values, mask);
        // Keep the left side: read front to back, the source doubles as the left destination.
        var data = (uint[])values.Clone();
        var other = new uint[m];
        RowPartition.Split(data, mask, data, other, left, backward: false);
        Assert.Equal(expected[..left], data[..left]);
        Assert.Equal(expected[left..], other[left..]);
        // Keep the right side: read back to front, the source doubles as the right destination.
        data = (uint[])values.Clone();
        other = new uint[m];
        RowPartition.Split(data, mask, other, data, left, backward: true);
        Assert.Equal(expected[..left], other[..left]);
        Assert.Equal(expected[left..], data[left..]);
    }

    [Theory]
    [InlineData(0, 7, false)]
    [InlineData(8, 100, true)]
    [InlineData(24, 0, false)]
    public void ThresholdMaskSendsBinsAtOrBelowTheThresholdAndMissingValuesAsToldLeft(int shift, int bin, bool missingLeft)
    {
        const int missingBin = 255;
        var rng = new Random(shift + bin);
        int m = 1037;
        var stream = Enumerable.Range(0, m).Select(_ => (uint)rng.Next()).ToArray();
        for (int k = 0; k < m; k += 9) stream[k] |= 0xFFu << shift; // some rows missing in this feature
        var mask = new byte[m];
        int left = RowPartition.ThresholdMask(stream, shift, bin, missingLeft, missingBin, mask);
        for (int k = 0; k < m; k++)
        {
            int b = (int)(stream[k] >> shift) & 0xFF;
            bool expected = b == missingBin ? missingLeft : b <= bin;
            Assert.Equal(expected ? 0xFF : 0, mask[k]);
        }
        Assert.Equal(mask.Count(b => b != 0), left);
        // The table form with the same sides gives the same mask.
        var side = Enumerable.Range(0, 256).Select(b => (byte)((b == missingBin ? missingLeft : b <= bin) ? 1 : 0)).ToArray();
        var fromTable = new byte[m];
        Assert.Equal(left, RowPartition.TableMask(stream, shift, side, fromTable));
        Assert.Equal(mask, fromTable);
    }
}
