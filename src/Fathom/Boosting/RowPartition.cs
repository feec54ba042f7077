using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Fathom.Boosting;

/// <summary>
/// Stable two-way partition of a node's row streams (bins, gradient pairs, row ids) by a per-row side mask: the rows
/// going left keep their order at the front of the destination, the rows going right keep theirs after them. With
/// AVX-512 sixteen (eight for 64-bit values) rows move per compress-store; otherwise one select-indexed store a row.
/// Every value is stored exactly once, so the destination range may sit beside live data of other nodes.
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

    /// <summary>dst[0, left) ← the values of rows with mask 0xFF, dst[left, count) ← the others, each side in row
    /// order. <paramref name="left"/> must be the number of 0xFF bytes in the mask. O(rows).</summary>
    public static void Split(ReadOnlySpan<uint> src, ReadOnlySpan<byte> mask, Span<uint> dst, int left)
    {
        int m = src.Length, k = 0, l = 0, r = left;
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && m >= 16)
        {
            unsafe
            {
                fixed (uint* s0 = src)
                fixed (byte* m0 = mask)
                fixed (uint* d0 = dst)
                {
                    for (; k <= m - 16; k += 16)
                    {
                        var bytes = Vector128.Load(m0 + k);
                        var side = Avx512F.ConvertToVector512Int32(bytes.AsSByte()).AsUInt32();
                        var v = Vector512.Load(s0 + k);
                        int n = BitOperations.PopCount(bytes.ExtractMostSignificantBits());
                        Avx512F.CompressStore(d0 + l, side, v);
                        Avx512F.CompressStore(d0 + r, ~side, v);
                        l += n;
                        r += 16 - n;
                    }
                }
            }
        }
        for (; k < m; k++)
        {
            int goLeft = mask[k] & 1;
            dst[goLeft != 0 ? l : r] = src[k];
            l += goLeft;
            r += 1 - goLeft;
        }
    }

    /// <summary><see cref="Split(ReadOnlySpan{uint}, ReadOnlySpan{byte}, Span{uint}, int)"/> for row ids.</summary>
    public static void Split(ReadOnlySpan<int> src, ReadOnlySpan<byte> mask, Span<int> dst, int left) =>
        Split(MemoryMarshal.Cast<int, uint>(src), mask, MemoryMarshal.Cast<int, uint>(dst), left);

    /// <summary><see cref="Split(ReadOnlySpan{uint}, ReadOnlySpan{byte}, Span{uint}, int)"/> for 64-bit values
    /// (gradient pairs), eight per compress-store.</summary>
    public static void Split(ReadOnlySpan<ulong> src, ReadOnlySpan<byte> mask, Span<ulong> dst, int left)
    {
        int m = src.Length, k = 0, l = 0, r = left;
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && m >= 8)
        {
            unsafe
            {
                fixed (ulong* s0 = src)
                fixed (byte* m0 = mask)
                fixed (ulong* d0 = dst)
                {
                    for (; k <= m - 8; k += 8)
                    {
                        var bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(m0 + k)).AsByte();
                        var side = Avx512F.ConvertToVector512Int64(bytes.AsSByte()).AsUInt64();
                        var v = Vector512.Load(s0 + k);
                        int n = BitOperations.PopCount(bytes.ExtractMostSignificantBits() & 0xFFu);
                        Avx512F.CompressStore(d0 + l, side, v);
                        Avx512F.CompressStore(d0 + r, ~side, v);
                        l += n;
                        r += 8 - n;
                    }
                }
            }
        }
        for (; k < m; k++)
        {
            int goLeft = mask[k] & 1;
            dst[goLeft != 0 ? l : r] = src[k];
            l += goLeft;
            r += 1 - goLeft;
        }
    }
}
