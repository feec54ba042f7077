using System.Globalization;
using System.IO.Compression;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>
/// Loads a bench data file (shared/bench/data/NAME.csv.gz: numeric columns, last column "target") the way
/// make_data.load does: every feature parsed as float32, then widened to double.
/// </summary>
internal static class BenchCsv
{
    public static (Matrix X, double[] Y) Load(string gzPath)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gzPath), CompressionMode.Decompress));
        var header = reader.ReadLine()!.Split(',');
        int target = Array.IndexOf(header, "target");
        int p = header.Length - (target >= 0 ? 1 : 0);
        var values = new List<double>();
        var y = new List<double>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            int col = 0, start = 0;
            for (int i = 0; i <= line.Length; i++)
            {
                if (i < line.Length && line[i] != ',') continue;
                var field = line.AsSpan(start, i - start);
                if (col == target) y.Add(double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture));
                else values.Add(float.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture));
                col++;
                start = i + 1;
            }
        }
        return (new Matrix(values.ToArray(), y.Count, p), y.ToArray());
    }

    /// <summary>Adjusted Rand index of two labelings (as scikit-learn's adjusted_rand_score).</summary>
    public static double AdjustedRand(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var pairs = new Dictionary<(int, int), long>();
        var ca = new Dictionary<int, long>();
        var cb = new Dictionary<int, long>();
        for (int i = 0; i < a.Count; i++)
        {
            pairs[(a[i], b[i])] = pairs.GetValueOrDefault((a[i], b[i])) + 1;
            ca[a[i]] = ca.GetValueOrDefault(a[i]) + 1;
            cb[b[i]] = cb.GetValueOrDefault(b[i]) + 1;
        }
        static double C2(long v) => v * (v - 1) / 2.0;
        double index = pairs.Values.Sum(C2), sa = ca.Values.Sum(C2), sb = cb.Values.Sum(C2), total = C2(a.Count);
        double expected = sa * sb / total, max = 0.5 * (sa + sb);
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }
}
