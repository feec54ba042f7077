using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Cli.Output;
using Fathom.Cli.Training;
using Fathom.Cluster;
using Fathom.Core;
using Fathom.Data;
using Fathom.Metrics;
using Fathom.Numerics;
using Spectre.Console;

namespace Fathom.Cli.Commands;

/// <summary><c>fathom cluster DATA --algo kmeans|gmm|dbscan|hdbscan|optics|agglomerative [--k N|auto] [...]</c>: cluster the rows of a table and
/// report cluster sizes with the silhouette and Davies–Bouldin scores.</summary>
internal static class ClusterCommand
{
    /// <summary>Rows the silhouette is computed on at most (a seeded sample beyond that; it costs O(n²)).</summary>
    internal const int SilhouetteRows = 10_000;

    public static Command Create(CliConsole console)
    {
        var data = new Argument<string>("DATA") { Description = "CSV file; every column is used (numbers scaled, text one-hot encoded, dates as calendar features)." };
        var algo = new Option<string>("--algo", "-a")
        {
            Description = "Algorithm: " + string.Join(", ", EstimatorCatalog.All.Where(e => e.Task == EstimatorTask.Clustering).Select(e => e.Name)) + ".",
            DefaultValueFactory = _ => "kmeans",
        };
        var k = new Option<string?>("--k") { Description = "Number of clusters (kmeans, gmm, agglomerative), or 'auto' to try 2..10, report the inertia and silhouette curves and keep the best silhouette." };
        var param = CommonOptions.Param();
        var drop = CommonOptions.Drop("Columns to leave out (e.g. an id or a label column), repeatable.");
        var seed = CommonOptions.Seed("Seed for the algorithm and the silhouette sample.");
        var outPath = CommonOptions.Out("Write one cluster label per input row to this CSV file (-1 = noise).");
        var json = CommonOptions.Json();
        var cmd = new Command("cluster", "Group the rows of a CSV file and report cluster sizes and quality scores.") { data, algo, k, param, drop, seed, outPath, json };
        cmd.SetAction(parse => Run(console, parse.GetValue(data)!, parse.GetValue(algo)!, parse.GetValue(k),
            CommonOptions.ParseParams(parse.GetValue(param) ?? []), parse.GetValue(drop) ?? [], parse.GetValue(seed), parse.GetValue(outPath), parse.GetValue(json)));
        return cmd;
    }

    private static int Run(CliConsole console, string dataPath, string algo, string? k, List<KeyValuePair<string, string>> parameters,
        string[] drop, int seed, string? outPath, bool json)
    {
        if (outPath is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(outPath))))
            throw new InvalidInputException($"Cannot write labels to '{outPath}': its folder does not exist.");
        var entry = EstimatorCatalog.Find(algo, EstimatorTask.Clustering);
        var frame = CommonOptions.ReadCsv(dataPath);
        if (drop.Length > 0) frame = frame.Drop(drop);
        if (frame.ColumnCount == 0) throw new InvalidInputException("No columns are left to cluster on.");
        var x = DefaultPreprocessing.Preprocessor(frame, scale: true).Fit(frame).Transform(frame).ToMatrix();

        var baseEstimator = entry.Create();
        bool hasSeed = Hyperparameters.Describe(baseEstimator.GetType()).Any(h => h.Key == "seed");
        if (hasSeed && !parameters.Any(p => Hyperparameters.ToSnakeCase(p.Key) == "seed"))
            parameters.Add(new("seed", seed.ToString(CultureInfo.InvariantCulture)));

        ClusterCountResult? search = null;
        var sw = Stopwatch.StartNew();
        IClusteringModel model;
        string? kKey = Hyperparameters.Describe(baseEstimator.GetType()).Select(h => h.Key).FirstOrDefault(key => key is "clusters" or "components");
        if (k is not null && kKey is null)
            throw new InvalidInputException($"--k applies to {string.Join(", ", KAlgorithms())}; {entry.Name} finds the number of clusters itself (tune it with --param).");
        if (string.Equals(k, "auto", StringComparison.OrdinalIgnoreCase))
        {
            if (x.Rows < 3) throw new InvalidInputException($"--k auto needs at least 3 rows; the file has {x.Rows}.");
            var est = (IClusterer)Hyperparameters.With(baseEstimator, parameters);
            if (kKey == "clusters" && est is AgglomerativeClustering { DistanceThreshold: not null })
                throw new InvalidInputException("--k auto cannot be combined with --param distance_threshold=…; leave one out.");
            search = ClusterCountSelection.Evaluate(est, x, 2, 10, seed, SilhouetteRows);
            model = search.BestBySilhouette.Model;
        }
        else
        {
            if (k is not null)
            {
                if (!int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out int kk))
                    throw new InvalidInputException($"--k '{k}' is not a number of clusters or 'auto'.");
                parameters.Add(new(kKey!, kk.ToString(CultureInfo.InvariantCulture)));
            }
            model = ((IClusterer)Hyperparameters.With(baseEstimator, parameters)).Fit(x);
        }
        double seconds = sw.Elapsed.TotalSeconds;

        var labels = model.Labels;
        var sizes = labels.Where(l => l >= 0).GroupBy(l => l).OrderBy(g => g.Key).Select(g => (Cluster: g.Key, Rows: g.Count())).ToArray();
        int noise = labels.Count(l => l < 0);
        var scores = Scores(x, labels, seed);

        if (outPath is not null)
            CsvWriter.Write(new DataFrame([new NumericColumn("cluster", labels.Select(l => (double)l).ToArray())]), outPath);

        if (json)
        {
            var o = new JsonObject
            {
                ["algo"] = entry.Name,
                ["rows"] = x.Rows,
                ["clusters"] = sizes.Length,
                ["sizes"] = new JsonObject(sizes.Select(s => KeyValuePair.Create(s.Cluster.ToString(CultureInfo.InvariantCulture), (JsonNode?)s.Rows))),
                ["noise"] = noise,
                ["metrics"] = new JsonObject { ["silhouette"] = Json.Number(scores.Silhouette), ["davies_bouldin"] = Json.Number(scores.DaviesBouldin) },
                ["fit_seconds"] = Math.Round(seconds, 4),
            };
            if (search is not null)
            {
                o["k_search"] = new JsonArray(search.Candidates.Select(s => (JsonNode)new JsonObject { ["k"] = s.K, ["inertia"] = Json.Number(s.Inertia), ["silhouette"] = Json.Number(s.Silhouette) }).ToArray());
                o["k_best_silhouette"] = search.BestSilhouetteK;
                o["k_elbow"] = search.ElbowK;
            }
            console.Out.WriteLine(Json.Write(o));
            return 0;
        }
        var h = console.Human;
        h.MarkupLine($"[bold]{Markup.Escape(entry.Name)}[/] on [bold]{Markup.Escape(Path.GetFileName(dataPath))}[/]: {x.Rows} rows, {x.Columns} features after encoding, fit {Format.Seconds(seconds)}");
        if (search is not null)
        {
            var st = new Table().Border(TableBorder.Rounded).Title("choosing k: best silhouette wins");
            st.AddColumn(new TableColumn("k").RightAligned());
            st.AddColumn(new TableColumn("inertia").RightAligned());
            st.AddColumn(new TableColumn("silhouette").RightAligned());
            st.AddColumn(new TableColumn(""));
            foreach (var s in search.Candidates)
                st.AddRow(s.K.ToString(CultureInfo.InvariantCulture), s.Inertia.ToString("0.###", CultureInfo.InvariantCulture), Format.Metric(s.Silhouette),
                    string.Join(", ", new[] { s.K == search.BestSilhouetteK ? "best silhouette" : null, s.K == search.ElbowK ? "inertia elbow" : null }.Where(v => v is not null)));
            h.Write(st);
        }
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn(new TableColumn("cluster").RightAligned());
        t.AddColumn(new TableColumn("rows").RightAligned());
        t.AddColumn(new TableColumn("share").RightAligned());
        foreach (var (cluster, rows) in sizes) t.AddRow(cluster.ToString(CultureInfo.InvariantCulture), rows.ToString(CultureInfo.InvariantCulture), $"{100.0 * rows / x.Rows:0.0} %");
        if (noise > 0) t.AddRow("noise", noise.ToString(CultureInfo.InvariantCulture), $"{100.0 * noise / x.Rows:0.0} %");
        h.Write(t);
        h.MarkupLine($"silhouette {Format.Metric(scores.Silhouette)} (−1…1, higher is better), Davies–Bouldin {Format.Metric(scores.DaviesBouldin)} (lower is better)"
                     + (noise > 0 ? ", both without the noise rows" : "") + (scores.Sampled ? $"; silhouette on a sample of {SilhouetteRows} rows" : ""));
        if (outPath is not null) h.MarkupLine($"labels written to [bold]{Markup.Escape(outPath)}[/]");
        return 0;
    }

    /// <summary>Clustering algorithms that take a number of clusters (--k).</summary>
    private static IEnumerable<string> KAlgorithms() =>
        EstimatorCatalog.All.Where(e => e.Task == EstimatorTask.Clustering && Hyperparameters.Describe(e.EstimatorType).Any(h => h.Key is "clusters" or "components"))
            .Select(e => e.Name);

    /// <summary>Silhouette and Davies–Bouldin over the non-noise rows; NaN when fewer than two clusters remain.
    /// The silhouette uses a seeded sample of at most <see cref="SilhouetteRows"/> rows.</summary>
    internal static (double Silhouette, double DaviesBouldin, bool Sampled) Scores(Matrix x, IReadOnlyList<int> labels, int seed)
    {
        var keep = Enumerable.Range(0, labels.Count).Where(i => labels[i] >= 0).ToArray();
        int clusters = keep.Select(i => labels[i]).Distinct().Count();
        if (clusters < 2 || clusters > keep.Length - 1) return (double.NaN, double.NaN, false);
        var xs = x.SelectRows(keep);
        var ls = keep.Select(i => labels[i]).ToArray();
        double db = ClusteringMetrics.DaviesBouldin(xs, ls);
        bool sampled = keep.Length > SilhouetteRows;
        if (sampled)
        {
            var pick = new RandomSource(seed).Permutation(keep.Length)[..SilhouetteRows];
            xs = xs.SelectRows(pick);
            ls = pick.Select(i => ls[i]).ToArray();
            if (ls.Distinct().Count() < 2) return (double.NaN, db, true);
        }
        return (ClusteringMetrics.Silhouette(xs, ls), db, sampled);
    }
}
