using System.Globalization;
using System.IO.Compression;
using Fathom.Numerics;

namespace Fathom.Bench.Tasks;

/// <summary>
/// A simple loader for the benchmark's gzip CSVs (numeric columns, a "target" column; features and target both parsed as float32 and widened) and split files, used
/// until the library's CsvReader lands. Values are parsed as float32 and widened, exactly as anchors.py's
/// make_data.load does.
/// </summary>
internal static class BenchCsv
{
    public static (Matrix X, double[] Y) Load(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var header = reader.ReadLine()!.Split(',');
        int target = Array.IndexOf(header, "target");
        int p = header.Length - 1;
        var x = new List<double>(1 << 20);
        var y = new List<double>(1 << 16);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            var span = line.AsSpan();
            int col = 0;
            foreach (var range in span.Split(','))
            {
                var field = span[range];
                if (col == target) y.Add(float.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture));
                else x.Add(float.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture));
                col++;
            }
        }
        return (new Matrix(x.ToArray(), y.Count, p), y.ToArray());
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
