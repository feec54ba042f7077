using System.Runtime.InteropServices;

namespace Fathom.Boosting;

/// <summary>
/// The rows of a growing tree's nodes, held physically in node order so that every histogram pass reads its node's
/// bins sequentially. Three sets of the same shape: set 0 is the training data itself (the binned matrix and row ids
/// 0..n−1), sets 1 and 2 are work copies. A node owns a contiguous range
/// [start, start + count) of one set; splitting it keeps one child in that set (compacted in place) and writes the
/// other to the same range of the other work set, so no range is ever written while a live node reads it (set 0 is
/// read-only: the root's children both go to set 1). Each set holds, for each four-feature block
/// (<see cref="BinMapper.Index"/>), the rows' 32-bit words of bins, and the row ids. Memory: 2 · n · (4 · blocks + 4)
/// bytes.
/// </summary>
internal sealed class NodeRowStore
{
    private readonly byte[][] _bins;
    private readonly int[][] _rows;
    private readonly int _n;

    /// <summary>Wraps the binned matrix (set 0) and allocates the two work sets.</summary>
    public NodeRowStore(byte[] binned, int n, int blocks)
    {
        _n = n;
        var identity = new int[n];
        for (int i = 0; i < n; i++) identity[i] = i;
        _bins = [binned, new byte[(long)blocks * 4 * n], new byte[(long)blocks * 4 * n]];
        _rows = [identity, new int[n], new int[n]];
    }

    /// <summary>The work set a node in <paramref name="set"/> moves a child to.</summary>
    public static int Other(int set) => set == 1 ? 2 : 1;

    /// <summary>Rows [start, start + count) of block <paramref name="block"/>'s bin words in a set.</summary>
    public Span<uint> Bins(int set, int block, int start, int count) =>
        MemoryMarshal.Cast<byte, uint>(_bins[set].AsSpan((int)((long)block * _n * 4), _n * 4)).Slice(start, count);

    /// <summary>Rows [start, start + count) of the row ids in a set.</summary>
    public Span<int> Rows(int set, int start, int count) => _rows[set].AsSpan(start, count);

    /// <summary>Copies the given rows (ascending) of set 0 into work set 1 at [0, rows.Length): the blocks listed and
    /// the ids. O(rows · blocks).</summary>
    public void Gather(ReadOnlySpan<int> rows, ReadOnlySpan<int> blocks)
    {
        int m = rows.Length;
        foreach (int b in blocks)
        {
            var from = Bins(0, b, 0, _n);
            var to = Bins(1, b, 0, m);
            for (int k = 0; k < m; k++) to[k] = from[rows[k]];
        }
        rows.CopyTo(_rows[1]);
    }
}
