using System.Globalization;
using System.IO.Compression;
using Fathom.Data;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>
/// Loads the benchmark's gzip CSVs with the library's <see cref="CsvReader"/> (numeric columns and a "target"
/// column; every value rounded to float32 and widened, exactly as anchors.py's make_data.load does) and the
/// split files (row,set).
/// </summary>
internal static class BenchCsv
{
    public static (Matrix X, double[] Y) Load(string path)
    {
        var frame = CsvReader.Read(path);
        var target = frame["target"] as NumericColumn
            ?? throw new InvalidDataException($"{path}: the target column is not numeric.");
        var y = target.Values.ToArray();
        var x = frame.Drop("target").ToMatrix();
        // make_data.load parses as float32: the files hold float32 shortest-repr values, so rounding the
        // double parse to float32 gives the identical numbers.
        for (int i = 0; i < y.Length; i++) y[i] = (float)y[i];
        var all = x.AsSpan();
        for (int i = 0; i < all.Length; i++) all[i] = (float)all[i];
        return (x, y);
    }

    /// <summary>The split file: train rows (in order) and test rows (in order).</summary>
    public static (int[] Train, int[] Test) Split(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        reader.ReadLine();
        var train = new List<int>();
        var test = new List<int>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            int comma = line.IndexOf(',', StringComparison.Ordinal);
            int row = int.Parse(line.AsSpan(0, comma), CultureInfo.InvariantCulture);
            (line.AsSpan(comma + 1).SequenceEqual("train") ? train : test).Add(row);
        }
        return (train.ToArray(), test.ToArray());
    }
}
