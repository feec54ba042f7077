using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Cli.Output;
using Fathom.Cli.Training;
using Fathom.Core;
using Fathom.Data;

namespace Fathom.Cli.Commands;

/// <summary><c>fathom embed DATA --algo pca|tsne|… --dims 2 [--out emb.csv]</c>: project the rows of a table to a
/// few dimensions (after the same encoding and scaling as <c>fathom cluster</c>). The methods are the catalog's
/// transformers plus t-SNE, which embeds the given rows only (it has no transform of new rows). A DATA file ending in
/// .svm, .svmlight or .libsvm is read as sparse svmlight data and embedded by truncated SVD without densifying it.</summary>
internal static class EmbedCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Argument<string>("DATA")
        {
            Description = "CSV file; every column is used (numbers scaled, text one-hot encoded, dates as calendar features). " +
                "A .svm/.svmlight/.libsvm file is read sparse (never densified) and embedded with truncated-svd.",
        };
        var algo = new Option<string>("--algo", "-a")
        {
            Description = "Method: " + string.Join(", ", Methods()) + ".",
            DefaultValueFactory = _ => "pca",
        };
        var dims = new Option<int>("--dims", "-d") { Description = "Number of output dimensions.", DefaultValueFactory = _ => 2 };
        var param = CommonOptions.Param();
        var drop = CommonOptions.Drop("Columns to leave out (e.g. an id or a label column), repeatable.");
        var keep = new Option<string[]>("--keep") { Description = "Columns copied unchanged beside the embedding in the output (e.g. a label to colour a plot by), repeatable." };
        var outPath = CommonOptions.Out("Write the embedding to this CSV file instead of standard output.");
        var json = CommonOptions.Json();
        var zeroBased = new Option<bool>("--zero-based") { Description = "svmlight input: feature indices start at 0 (default: at 1, as svmlight and libsvm write them)." };
        var cmd = new Command("embed", "Reduce the rows of a CSV or svmlight file to a few dimensions (for plots and downstream models).")
            { data, algo, dims, param, drop, keep, outPath, json, zeroBased };
        cmd.SetAction(parse =>
        {
            string path = parse.GetValue(data)!;
            var parameters = CommonOptions.ParseParams(parse.GetValue(param) ?? []);
            if (SparseEmbedding.IsSvmLight(path))
            {
                bool algoGiven = parse.GetResult(algo) is { Implicit: false };
                return SparseEmbedding.Run(console, path, algoGiven ? parse.GetValue(algo)! : null, parse.GetValue(dims), parameters,
                    parse.GetValue(drop) ?? [], parse.GetValue(keep) ?? [], parse.GetValue(outPath), parse.GetValue(json), parse.GetValue(zeroBased));
            }
            if (parse.GetValue(zeroBased)) throw new InvalidInputException("--zero-based applies to svmlight files (.svm, .svmlight, .libsvm) only.");
            return Run(console, path, parse.GetValue(algo)!, parse.GetValue(dims), parameters,
                parse.GetValue(drop) ?? [], parse.GetValue(keep) ?? [], parse.GetValue(outPath), parse.GetValue(json));
        });
        return cmd;
    }

    private const string Tsne = "tsne";

    private static IEnumerable<string> Methods() =>
        EstimatorCatalog.All.Where(e => e.Task == EstimatorTask.Transform).Select(e => e.Name).Append(Tsne);

    private static int Run(CliConsole console, string dataPath, string algo, int dims, List<KeyValuePair<string, string>> parameters,
        string[] drop, string[] keep, string? outPath, bool json)
    {
        bool tsne = string.Equals(algo.Trim().Replace('_', '-'), Tsne, StringComparison.OrdinalIgnoreCase);
        if (!tsne && !EstimatorCatalog.All.Any(e => e.Task == EstimatorTask.Transform && e.Name == algo.Trim().Replace('_', '-').ToLowerInvariant()))
            throw new InvalidInputException($"Unknown embedding method '{algo}'. Known methods: {string.Join(", ", Methods())}.");
        var entry = tsne ? null : EstimatorCatalog.Find(algo, EstimatorTask.Transform);
        string name = entry?.Name ?? Tsne;
        if (dims < 1) throw new InvalidInputException($"--dims {dims} is not valid; give 1 or more.");
        if (json && outPath is null)
            throw new InvalidInputException("--json prints a summary only; add --out FILE.csv to keep the embedding.");
        if (outPath is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(outPath))))
            throw new InvalidInputException($"Cannot write the embedding to '{outPath}': its folder does not exist.");
        var frame = CommonOptions.ReadCsv(dataPath);
        var kept = keep.Select(k => frame[k]).ToArray();
        var features = frame.Drop([.. drop, .. keep.Except(drop)]);
        if (features.ColumnCount == 0) throw new InvalidInputException("No columns are left to embed.");
        var x = DefaultPreprocessing.Preprocessor(features, scale: true).Fit(features).Transform(features);
        if (dims > Math.Min(x.RowCount, x.ColumnCount))
            throw new InvalidInputException($"--dims {dims} is more than the data allows: {x.RowCount} rows and {x.ColumnCount} features after encoding.");
        DataFrame embedding;
        IReadOnlyList<double>? explained = null;
        Manifold.TSNEResult? tsneResult = null;
        var dimsParam = new KeyValuePair<string, string>("n_components", dims.ToString(CultureInfo.InvariantCulture));
        if (entry is null)
        {
            var estimator = Hyperparameters.With(new Manifold.TSNE(), [dimsParam, .. parameters]);
            tsneResult = estimator.FitTransform(x.ToMatrix());
            embedding = DataFrame.FromMatrix(tsneResult.Embedding, Enumerable.Range(0, dims).Select(i => "tsne" + i.ToString(CultureInfo.InvariantCulture)).ToArray());
        }
        else
        {
            var estimator = (ITransformer)Hyperparameters.With(entry.Create(), [dimsParam, .. parameters]);
            var model = estimator.Fit(x);
            embedding = model is Manifold.UMAPModel umap
                ? DataFrame.FromMatrix(umap.Embedding, umap.FeatureNamesOut) // the fitted layout, not a re-placement
                : model.Transform(x);
            explained = model switch
            {
                Decomposition.PCAModel pca => pca.ExplainedVarianceRatio,
                Decomposition.TruncatedSVDModel svd => svd.ExplainedVarianceRatio,
                _ => null,
            };
        }
        var result = new DataFrame([.. embedding.Columns, .. kept]);
        if (outPath is not null) CsvWriter.Write(result, outPath);
        if (json)
        {
            var o = new JsonObject
            {
                ["algo"] = name,
                ["rows"] = result.RowCount,
                ["dims"] = embedding.ColumnCount,
                ["columns"] = new JsonArray(embedding.ColumnNames.Select(n => (JsonNode)n).ToArray()),
                ["explained_variance_ratio"] = explained is null ? null : new JsonArray(explained.Select(v => Json.Number(v)).ToArray()),
                ["kl_divergence"] = tsneResult is null ? null : Json.Number(tsneResult.KlDivergence),
                ["n_iter"] = tsneResult is null ? null : tsneResult.IterationCount,
                ["out"] = outPath,
            };
            console.Out.WriteLine(Json.Write(o));
            return 0;
        }
        if (outPath is null) CsvWriter.Write(result, console.Out);
        if (explained is not null)
            console.Error.WriteLine($"{name}: explained variance ratio {string.Join(", ", explained.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture)))} (total {explained.Sum():0.0000})");
        if (tsneResult is not null)
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tsne: KL divergence {tsneResult.KlDivergence:0.0000} after {tsneResult.IterationCount + 1} iterations"));
        if (outPath is not null) console.Error.WriteLine($"wrote {result.RowCount} rows × {result.ColumnCount} columns to {outPath}");
        return 0;
    }
}
