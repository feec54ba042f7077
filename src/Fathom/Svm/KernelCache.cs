using System.Buffers;

namespace Fathom.Svm;

/// <summary>
/// Least-recently-used cache of kernel (Q-matrix) rows with a memory budget, as libsvm's: row i holds its first
/// <c>len</c> entries (a row is extended when a longer prefix is asked for), rows are evicted oldest first when
/// the budget is exceeded, and the budget always allows at least two full rows. Arrays are rented from the
/// shared pool and returned on eviction and <see cref="Dispose"/>.
/// </summary>
internal sealed class KernelCache : IDisposable
{
    private readonly double[]?[] _data;
    private readonly int[] _len;
    private readonly int[] _prev;
    private readonly int[] _next;
    private readonly int _head; // sentinel of the circular LRU list: _next[_head] is the oldest row
    private long _free;         // doubles still available

    /// <summary>A cache for <paramref name="rows"/> rows with a budget of <paramref name="megabytes"/> MB.</summary>
    public KernelCache(int rows, double megabytes)
    {
        _data = new double[]?[rows];
        _len = new int[rows];
        _prev = new int[rows + 1];
        _next = new int[rows + 1];
        _head = rows;
        _prev[_head] = _next[_head] = _head;
        long budget = (long)(megabytes * (1 << 20) / sizeof(double));
        _free = Math.Max(budget, 2L * rows);
    }

    /// <summary>Number of rows computed (for diagnostics).</summary>
    public long Misses { get; private set; }

    private void Unlink(int i)
    {
        _next[_prev[i]] = _next[i];
        _prev[_next[i]] = _prev[i];
    }

    private void LinkNewest(int i)
    {
        _next[i] = _head;
        _prev[i] = _prev[_head];
        _next[_prev[i]] = i;
        _prev[_head] = i;
    }

    private void Evict(int i)
    {
        Unlink(i);
        ArrayPool<double>.Shared.Return(_data[i]!);
        _free += _len[i];
        _data[i] = null;
        _len[i] = 0;
    }

    /// <summary>
    /// Row <paramref name="i"/> with room for <paramref name="len"/> entries; entries [<paramref name="start"/>, len)
    /// are not yet computed and must be filled by the caller. The array stays valid until the next call that may
    /// evict (another <see cref="Get"/> can evict only rows older than this one, and the budget holds two full rows).
    /// </summary>
    public double[] Get(int i, int len, out int start)
    {
        int have = _len[i];
        if (have > 0) Unlink(i);
        if (have >= len)
        {
            LinkNewest(i);
            start = len;
            return _data[i]!;
        }
        long more = len - have;
        while (_free < more && _next[_head] != _head) Evict(_next[_head]);
        var old = _data[i];
        double[] row;
        if (old is not null && old.Length >= len) row = old;
        else
        {
            row = ArrayPool<double>.Shared.Rent(len);
            if (old is not null)
            {
                Array.Copy(old, row, have);
                ArrayPool<double>.Shared.Return(old);
            }
        }
        _free -= more;
        _data[i] = row;
        _len[i] = len;
        LinkNewest(i);
        start = have;
        Misses++;
        return row;
    }

    /// <summary>
    /// Exchanges the roles of indices i and j (the solver reorders its variables when shrinking): their rows swap,
    /// and within every cached row the entries i and j swap; a row holding only one of them is dropped.
    /// </summary>
    public void Swap(int i, int j)
    {
        if (i == j) return;
        if (_len[i] > 0) Unlink(i);
        if (_len[j] > 0) Unlink(j);
        (_data[i], _data[j]) = (_data[j], _data[i]);
        (_len[i], _len[j]) = (_len[j], _len[i]);
        if (_len[i] > 0) LinkNewest(i);
        if (_len[j] > 0) LinkNewest(j);
        if (i > j) (i, j) = (j, i);
        for (int h = _next[_head]; h != _head;)
        {
            int nextH = _next[h];
            if (_len[h] > i)
            {
                if (_len[h] > j)
                {
                    var d = _data[h]!;
                    (d[i], d[j]) = (d[j], d[i]);
                }
                else Evict(h);
            }
            h = nextH;
        }
    }

    /// <summary>Returns every rented row to the pool.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _data.Length; i++)
            if (_data[i] is { } d)
            {
                ArrayPool<double>.Shared.Return(d);
                _data[i] = null;
                _len[i] = 0;
            }
    }
}
