using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Fathom.Boosting;

/// <summary>
/// Stable two-way partition of a node's row streams (bin words, row ids) by a per-row side mask: the rows
/// going left keep their order at the front of the node's range, the rows going right keep theirs after them. With
/// AVX-512 sixteen rows move per compress-store; otherwise one store a row. Every value is
/// stored exactly once and only inside the node's range, so the range may sit beside live data of other nodes; one
/// side may stay in the source memory (compacted in place), which saves the cache misses of writing it elsewhere.
/// </summary>
internal static class RowPartition
{
    /// <summary>Left-side mask of a threshold split: mask[k] = 0xFF when row k's bin of the feature (byte
    /// <paramref name="shift"/>/8 of stream[k]) is ≤ <paramref name="bin"/>, or is <paramref name="missingBin"/> and
    /// missing values go left; else 0. Returns the number of rows going left. O(rows).</summary>
    public static int ThresholdMask(ReadOnlySpan<uint> stream, int shift, int bin, bool missingLeft, int missingBin, Span<byte> mask)
    {
        int m = stream.Length, k = 0, left = 0;
        if (Vector512.IsHardwareAccelerated && Avx512BW.IsSupported)
        {
            var limit = Vector512.Create((uint)bin);
            var missing = Vector512.Create((uint)missingBin);
            var missingSide = missingLeft ? Vector512<uint>.AllBitsSet : Vector512<uint>.Zero;
            var low = Vector512.Create(0xFFu);
            ref uint s0 = ref MemoryMarshal.GetReference(stream);
            ref byte m0 = ref MemoryMarshal.GetReference(mask);
            for (; k <= m - 16; k += 16)
            {
                var b = (Vector512.LoadUnsafe(ref s0, (nuint)k) >> shift) & low;
                // bin ≤ limit never holds for the missing bin (limit < missingBin), so the two cases are disjoint.
                var side = Vector512.LessThanOrEqual(b, limit) | (Vector512.Equals(b, missing) & missingSide);
                var bytes = Avx512F.ConvertToVector128Byte(side);
                bytes.StoreUnsafe(ref m0, (nuint)k);
                left += BitOperations.PopCount(bytes.ExtractMostSignificantBits());
            }
        }
        for (; k < m; k++)
        {
            int b = (int)(stream[k] >> shift) & 0xFF;
            bool goLeft = b == missingBin ? missingLeft : b <= bin;
            mask[k] = goLeft ? (byte)0xFF : (byte)0;
            left += goLeft ? 1 : 0;
        }
        return left;
    }

    /// <summary>Left-side mask from a per-bin side table (categorical splits): mask[k] = 0xFF when
    /// side[bin of row k] is 1. Returns the number of rows going left. O(rows).</summary>
    public static int TableMask(ReadOnlySpan<uint> stream, int shift, ReadOnlySpan<byte> side, Span<byte> mask)
    {
        int left = 0;
        for (int k = 0; k < stream.Length; k++)
        {
            int goLeft = side[(int)(stream[k] >> shift) & 0xFF];
            mask[k] = (byte)(0 - goLeft);
            left += goLeft;
        }
        return left;
    }

    /// <summary>
    /// leftTo[0, left) ← the values of rows with mask 0xFF, rightTo[left, count) ← the others, each side in row order
    /// (count = src.Length; <paramref name="left"/> must be the number of 0xFF bytes in the mask). The source may be
    /// the same memory as one destination: as <paramref name="leftTo"/> when <paramref name="backward"/> is false (rows
    /// are read front to back, and a left row is never written past the row being read), as
    /// <paramref name="rightTo"/> when it is true (back to front). O(rows).
    /// </summary>
    public static unsafe void Split(ReadOnlySpan<uint> src, ReadOnlySpan<byte> mask, Span<uint> leftTo, Span<uint> rightTo, int left, bool backward)
    {
        int m = src.Length;
        if (m == 0) return;
        fixed (uint* s0 = src)
        fixed (byte* m0 = mask)
        fixed (uint* l0 = leftTo)
        fixed (uint* r0 = rightTo)
        {
            bool wide = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;
            if (!backward)
            {
                int k = 0, l = 0, r = left;
                if (wide)
                    for (; k <= m - 16; k += 16)
                    {
                        var bytes = Vector128.Load(m0 + k);
                        var side = Avx512F.ConvertToVector512Int32(bytes.AsSByte()).AsUInt32();
                        var v = Vector512.Load(s0 + k);
                        int n = BitOperations.PopCount(bytes.ExtractMostSignificantBits());
                        Avx512F.CompressStore(l0 + l, side, v);
                        Avx512F.CompressStore(r0 + r, ~side, v);
                        l += n;
                        r += 16 - n;
                    }
                for (; k < m; k++)
                {
                    uint v = s0[k];
                    if (m0[k] != 0) l0[l++] = v;
                    else r0[r++] = v;
                }
            }
            else
            {
                int k = m, l = left, r = m;
                if (wide)
                    for (; k >= 16; k -= 16)
                    {
                        var bytes = Vector128.Load(m0 + k - 16);
                        var side = Avx512F.ConvertToVector512Int32(bytes.AsSByte()).AsUInt32();
                        var v = Vector512.Load(s0 + k - 16);
                        int n = BitOperations.PopCount(bytes.ExtractMostSignificantBits());
                        l -= n;
                        r -= 16 - n;
                        Avx512F.CompressStore(l0 + l, side, v);
                        Avx512F.CompressStore(r0 + r, ~side, v);
                    }
                for (k--; k >= 0; k--)
                {
                    uint v = s0[k];
                    if (m0[k] != 0) l0[--l] = v;
                    else r0[--r] = v;
                }
            }
        }
    }

    /// <summary><see cref="Split(ReadOnlySpan{uint}, ReadOnlySpan{byte}, Span{uint}, Span{uint}, int, bool)"/> for row
    /// ids.</summary>
    public static void Split(ReadOnlySpan<int> src, ReadOnlySpan<byte> mask, Span<int> leftTo, Span<int> rightTo, int left, bool backward) =>
        Split(MemoryMarshal.Cast<int, uint>(src), mask, MemoryMarshal.Cast<int, uint>(leftTo), MemoryMarshal.Cast<int, uint>(rightTo), left, backward);
}
