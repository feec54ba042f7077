using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Boosting;

/// <summary>
/// Quantile binning of the features as scikit-learn's <c>_BinMapper</c>: per feature at most <c>maxBins</c> bins
/// for the non-missing values (thresholds = midpoints between distinct values when there are few, otherwise the
/// "midpoint" percentiles of a subsample of up to 200,000 rows drawn by the seed) and one extra bin, index
/// <c>maxBins</c>, for missing values (NaN). A value v falls in bin b = number of thresholds strictly below v, so
/// "bin ≤ b" is the same test as "v ≤ threshold[b]". A categorical feature's bins are its known categories instead
/// (the distinct values of the same subsample, ascending; bin b = category Thresholds[b]); values that are not a
/// known category go to the missing bin.
/// </summary>
internal sealed class BinMapper
{
    /// <summary>Rows the thresholds are computed from at most (scikit-learn's default subsample).</summary>
    internal const int Subsample = 200_000;

    private BinMapper(double[][] thresholds, int missingBin, bool[] categorical)
    {
        Thresholds = thresholds;
        MissingBin = missingBin;
        Categorical = categorical;
    }

    /// <summary>Bin thresholds of each feature (ascending; length = non-missing bins − 1), or the known categories of
    /// a categorical feature.</summary>
    public double[][] Thresholds { get; }

    /// <summary>Whether each feature is categorical.</summary>
    public bool[] Categorical { get; }

    /// <summary>Index of the missing-value bin (= max_bins); histograms have MissingBin + 1 bins.</summary>
    public int MissingBin { get; }

    /// <summary>Number of bins holding non-missing values, for feature <paramref name="f"/>.</summary>
    public int NonMissingBins(int f) => Categorical[f] ? Thresholds[f].Length : Thresholds[f].Length + 1;

    /// <summary>Computes the thresholds of every feature. O(p · m log m) for m = min(n, 200,000).</summary>
    public static BinMapper Fit(Matrix x, int maxBins, int seed, int threads) => Fit(x, null, maxBins, seed, threads, null);

    /// <summary>Computes the thresholds from the rows <paramref name="use"/> of x (all rows when null);
    /// <paramref name="categorical"/> flags the categorical features (null: none).</summary>
    public static BinMapper Fit(Matrix x, int[]? use, int maxBins, int seed, int threads, bool[]? categorical)
    {
        categorical ??= new bool[x.Columns];
        int n = use?.Length ?? x.Rows, p = x.Columns;
        int[]? rows = null;
        if (n > Subsample)
        {
            // Draw Subsample distinct rows (partial Fisher–Yates), then sort them for cache-friendly reads.
            var perm = new int[n];
            for (int i = 0; i < n; i++) perm[i] = i;
            var rng = new RandomSource(seed);
            for (int i = 0; i < Subsample; i++)
            {
                int j = i + rng.NextInt(n - i);
                (perm[i], perm[j]) = (perm[j], perm[i]);
            }
            rows = perm.AsSpan(0, Subsample).ToArray();
            Array.Sort(rows);
        }
        if (use is not null) rows = rows is null ? use : Array.ConvertAll(rows, k => use[k]);
        // Copy the (subsampled) columns out a group of features at a time (one pass over the rows per group, at most
        // ~16 MB of copies and sort buffers alive), then sort each feature of the group in parallel.
        int m = rows?.Length ?? n;
        int group = (int)Math.Clamp((8L << 20) / (8L * m), 1, p);
        var thresholds = new double[p][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var columns = new double[Math.Min(group, p)][];
        var scratch = new double[columns.Length][];
        for (int j = 0; j < columns.Length; j++) (columns[j], scratch[j]) = (new double[m], new double[m]);
        const int chunk = 4096;
        for (int first = 0; first < p; first += group)
        {
            int width = Math.Min(group, p - first);
            Parallel.For(0, (m + chunk - 1) / chunk, parallel, c =>
            {
                for (int k = c * chunk, end = Math.Min(m, (c + 1) * chunk); k < end; k++)
                {
                    var row = x.Row(rows is null ? k : rows[k]).Slice(first, width);
                    for (int j = 0; j < width; j++) columns[j][k] = row[j];
                }
            });
            Parallel.For(0, width, parallel, j =>
            {
                var values = columns[j];
                int count = 0;
                for (int k = 0; k < values.Length; k++)
                    if (!double.IsNaN(values[k])) values[count++] = values[k];
                thresholds[first + j] = categorical[first + j]
                    ? Categories(values.AsSpan(0, count), scratch[j])
                    : FeatureThresholds(values.AsSpan(0, count), maxBins, scratch[j]);
            });
        }
        return new BinMapper(thresholds, maxBins, categorical);
    }

    /// <summary>Thresholds of one feature from its non-missing values (sorted in place).</summary>
    internal static double[] FeatureThresholds(Span<double> values, int maxBins) => FeatureThresholds(values, maxBins, new double[values.Length]);

    /// <summary>The distinct values, ascending (the known categories of a categorical feature).</summary>
    internal static double[] Categories(Span<double> values, double[] scratch)
    {
        if (values.Length == 0) return [];
        RadixSort.Sort(values, scratch);
        var result = new List<double> { values[0] };
        for (int i = 1; i < values.Length; i++) if (values[i] != values[i - 1]) result.Add(values[i]);
        return result.ToArray();
    }

    /// <summary>Same, with a scratch buffer of at least values.Length for the sort.</summary>
    internal static double[] FeatureThresholds(Span<double> values, int maxBins, double[] scratch)
    {
        if (values.Length == 0) return [];
        RadixSort.Sort(values, scratch);
        int distinct = 1;
        for (int i = 1; i < values.Length; i++) if (values[i] != values[i - 1]) distinct++;
        double[] result;
        if (distinct <= maxBins)
        {
            result = new double[distinct - 1];
            int r = 0;
            for (int i = 1; i < values.Length; i++)
                if (values[i] != values[i - 1]) result[r++] = (values[i - 1] + values[i]) * 0.5;
        }
        else
        {
            // numpy.percentile(method="midpoint") at the percentiles linspace(0, 100, maxBins + 1)[1:-1].
            result = new double[maxBins - 1];
            int last = values.Length - 1;
            for (int q = 1; q < maxBins; q++)
            {
                double pct = 100.0 * q / maxBins;
                double index = pct / 100.0 * last;
                int lo = (int)Math.Floor(index);
                double frac = index - lo;
                result[q - 1] = frac == 0 || lo >= last ? values[lo] : 0.5 * (values[lo] + values[lo + 1]);
            }
        }
        for (int i = 0; i < result.Length; i++)
            if (result[i] > double.MaxValue) result[i] = double.MaxValue; // +inf thresholds only for "split on nan"
        return result;
    }

    /// <summary>Where row <paramref name="r"/>'s bin of feature <paramref name="f"/> is in the binned data of n rows:
    /// features are stored in blocks of four, each block row-interleaved (the four bins of a row are adjacent), so
    /// element [(⌊f/4⌋ · n + r) · 4 + f mod 4] is that bin. The last block is padded with bin 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Index(int f, int r, int n) => ((long)(f >> 2) * n + r) * 4 + (f & 3);

    /// <summary>Number of four-feature blocks for <paramref name="p"/> features.</summary>
    public static int Blocks(int p) => (p + 3) >> 2;

    /// <summary>The binned data in the layout of <see cref="Index"/>. O(n · p · log bins), rows in parallel.</summary>
    public byte[] Transform(Matrix x, int threads) => Transform(x, null, threads);

    /// <summary>The binned rows <paramref name="use"/> of x (all rows when null), in that order, in the layout of
    /// <see cref="Index"/>.</summary>
    public byte[] Transform(Matrix x, int[]? use, int threads)
    {
        int n = use?.Length ?? x.Rows, p = x.Columns;
        var binned = new byte[(long)Blocks(p) * 4 * n];
        byte missing = (byte)MissingBin;
        const int chunk = 4096;
        int chunks = (n + chunk - 1) / chunk;
        // Thresholds padded with +∞ to 17 segments of 16 for the two-level vector search (at most 255 bins).
        var padded = new double[p][];
        for (int f = 0; f < p; f++)
        {
            if (Categorical[f] || Thresholds[f].Length > 16 * Segments) continue;
            padded[f] = new double[16 * (Segments + 1)];
            Array.Fill(padded[f], double.PositiveInfinity);
            Thresholds[f].CopyTo(padded[f], 0);
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            int end = Math.Min(n, (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++)
            {
                var row = x.Row(use is null ? i : use[i]);
                for (int f = 0; f < p; f++)
                    binned[Index(f, i, n)] = Categorical[f] ? CategoryBin(row[f], Thresholds[f], missing)
                        : padded[f] is double[] t ? BinOfPadded(row[f], t, missing)
                        : BinOf(row[f], Thresholds[f], missing);
            }
        });
        return binned;
    }

    /// <summary>Bin of a categorical value: its index among the known categories, else the missing bin.</summary>
    internal static byte CategoryBin(double v, double[] categories, byte missing)
    {
        int i = Array.BinarySearch(categories, v);
        return i >= 0 && !double.IsNaN(v) ? (byte)i : missing;
    }

    private const int Segments = 16;

    /// <summary><see cref="BinOf"/> on thresholds padded with +∞ to 17 segments of 16 (at most 256 thresholds): the
    /// segment is the number of segments whose last threshold is below v (16 compares, vectorized), the bin that
    /// segment's start plus the number of its thresholds below v (16 more).</summary>
    internal static byte BinOfPadded(double v, double[] padded, byte missing)
    {
        if (double.IsNaN(v)) return missing;
        if (!Vector256.IsHardwareAccelerated)
        {
            int count = 0;
            foreach (double t in padded) count += t < v ? 1 : 0;
            return (byte)count;
        }
        var vv = Vector256.Create(v);
        ref double t0 = ref MemoryMarshal.GetArrayDataReference(padded);
        // Last threshold of segment j is padded[16j + 15]: gather the 16 of them with strided loads.
        int segment = 0;
        for (int j = 0; j < Segments; j += 4)
        {
            var last = Vector256.Create(Unsafe.Add(ref t0, 16 * j + 15), Unsafe.Add(ref t0, 16 * j + 31),
                Unsafe.Add(ref t0, 16 * j + 47), Unsafe.Add(ref t0, 16 * j + 63));
            segment += BitOperations.PopCount(Vector256.LessThan(last, vv).ExtractMostSignificantBits());
        }
        ref double s0 = ref Unsafe.Add(ref t0, 16 * segment);
        uint below = Vector256.LessThan(Vector256.LoadUnsafe(ref s0), vv).ExtractMostSignificantBits()
            | Vector256.LessThan(Vector256.LoadUnsafe(ref s0, 4), vv).ExtractMostSignificantBits() << 4
            | Vector256.LessThan(Vector256.LoadUnsafe(ref s0, 8), vv).ExtractMostSignificantBits() << 8
            | Vector256.LessThan(Vector256.LoadUnsafe(ref s0, 12), vv).ExtractMostSignificantBits() << 12;
        return (byte)(16 * segment + BitOperations.PopCount(below));
    }

    /// <summary>Bin of one value: the missing bin for NaN, else the number of thresholds strictly below it.</summary>
    internal static byte BinOf(double v, double[] t, byte missing)
    {
        if (double.IsNaN(v)) return missing;
        // Branch-free lower bound (the number of thresholds strictly below v): the answer stays in [lo, lo + len];
        // each step moves lo by half or not with a mask instead of a jump (the outcome is unpredictable).
        int lo = 0, len = t.Length;
        if (len == 0) return 0;
        while (len > 1)
        {
            int half = len >> 1;
            lo += half & -(int)Unsafe.BitCast<bool, byte>(t[lo + half - 1] < v);
            len -= half;
        }
        lo += Unsafe.BitCast<bool, byte>(t[lo] < v);
        return (byte)lo;
    }
}
