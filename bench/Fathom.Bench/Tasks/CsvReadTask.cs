using System.IO.Compression;
using System.Text.Json.Nodes;
using Fathom.Data;

namespace Fathom.Bench.Tasks;

/// <summary>
/// anchors.py t_csv_read: read flights-3m and higgs_like, each from the decompressed .csv (in a temp folder)
/// and from the .csv.gz; value = MB/s of the uncompressed size; median of up to 3 reads.
/// Fathom always infers dates, so the default read of flights-3m is the equivalent of pandas'
/// "+parse_dates" variant; the plain pandas variant (date left as text) is matched by forcing the date
/// column to text.
/// </summary>
internal sealed class CsvReadTask : IBenchTask
{
    public string Name => "csv_read";

    public void Run(BenchContext context)
    {
        var files = new (string Gz, string? DateColumn)[]
        {
            (context.Data("flights-3m.csv.gz"), "date"),
            (context.BenchData("higgs_like.csv.gz"), null),
        };
        string tmp = Path.Combine(Path.GetTempPath(), "fathom_csv_" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(tmp);
        try
        {
            foreach (var (gz, dateColumn) in files)
            {
                if (!File.Exists(gz))
                {
                    Console.Error.WriteLine($"csv_read: {gz} not found, skipped");
                    continue;
                }
                string plain = Path.Combine(tmp, Path.GetFileName(gz)[..^3]);
                using (var fi = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress))
                using (var fo = File.Create(plain))
                    fi.CopyTo(fo);
                double rawMb = new FileInfo(plain).Length / 1e6;
                foreach (var (path, _) in new[] { (plain, "csv"), (gz, "csv.gz") })
                {
                    var variants = new List<(CsvOptions Options, string Tag, JsonObject Params)>();
                    if (dateColumn is null)
                        variants.Add((CsvOptions.Default, "", new JsonObject { ["file"] = Path.GetFileName(gz) }));
                    else
                    {
                        variants.Add((new CsvOptions { ColumnKinds = new Dictionary<string, ColumnKind> { [dateColumn] = ColumnKind.Text } }, "",
                            new JsonObject { ["file"] = Path.GetFileName(gz), ["date_kind"] = "text (forced)" }));
                        variants.Add((CsvOptions.Default, "+parse_dates",
                            new JsonObject { ["file"] = Path.GetFileName(gz), ["parse_dates"] = $"['{dateColumn}']", ["date_kind"] = "DateTime (inferred)" }));
                    }
                    foreach (var (options, tag, parameters) in variants)
                    {
                        DataFrame? df = null;
                        var (fit, _, runs) = BenchContext.Timed(_ =>
                        {
                            df = null;
                            GC.Collect();
                            GC.WaitForPendingFinalizers();
                            return (BenchContext.Seconds(() => df = CsvReader.Read(path, options)), 0.0);
                        });
                        context.Emit(new BenchResult("csv_read", $"fathom[{Path.GetFileName(path)}{tag}]", fit, null,
                            "MB_per_s_uncompressed", rawMb / fit, parameters, new JsonObject
                            {
                                ["rows"] = df!.RowCount,
                                ["cols"] = df.ColumnCount,
                                ["uncompressed_MB"] = Math.Round(rawMb, 2),
                                ["file_MB"] = Math.Round(new FileInfo(path).Length / 1e6, 2),
                                ["runs"] = runs,
                                ["threads"] = Environment.ProcessorCount,
                                ["note"] = "fit_s = read time; page cache warm after first run",
                            }));
                    }
                }
            }
        }
        finally
        {
            try { Directory.Delete(tmp, recursive: true); } catch (IOException) { }
        }
    }
}
