using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Cli.Output;
using Fathom.Core;
using Fathom.Data;
using Fathom.Decomposition;

namespace Fathom.Cli.Commands;

/// <summary><c>fathom embed DATA.svm --algo truncated-svd --dims K</c>: the svmlight branch of <see cref="EmbedCommand"/>.
/// The file is read into a sparse matrix and embedded by <see cref="TruncatedSVD"/> without densifying it (no scaling
/// or centring, which would destroy sparsity, as scikit-learn's latent semantic analysis).</summary>
internal static class SparseEmbedding
{
    private const string Algo = "truncated-svd";
    private const string LabelColumn = "label";

    /// <summary>True for the svmlight file extensions (.svm, .svmlight, .libsvm, case-insensitive).</summary>
    public static bool IsSvmLight(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is ".svm" or ".svmlight" or ".libsvm";
    }

    public static int Run(CliConsole console, string dataPath, string? algo, int dims, List<KeyValuePair<string, string>> parameters,
        string[] drop, string[] keep, string? outPath, bool json, bool zeroBased)
    {
        if (algo is not null && algo.Trim().Replace('_', '-').ToLowerInvariant() != Algo)
            throw new InvalidInputException($"'{dataPath}' is svmlight (sparse) data; only --algo {Algo} embeds it without densifying. Use --algo {Algo} or convert the file to CSV.");
        if (drop.Length > 0) throw new InvalidInputException("--drop does not apply to svmlight files: their columns are numbered features.");
        foreach (string k in keep)
            if (k != LabelColumn) throw new InvalidInputException($"--keep {k}: an svmlight file has one column to keep, '{LabelColumn}' (the label at the start of each line).");
        if (dims < 1) throw new InvalidInputException($"--dims {dims} is not valid; give 1 or more.");
        if (json && outPath is null)
            throw new InvalidInputException("--json prints a summary only; add --out FILE.csv to keep the embedding.");
        if (outPath is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(outPath))))
            throw new InvalidInputException($"Cannot write the embedding to '{outPath}': its folder does not exist.");
        if (!File.Exists(dataPath)) throw new InvalidInputException($"Cannot read '{dataPath}': the file does not exist.");
        var data = SvmLightReader.Read(dataPath, new SvmLightOptions { ZeroBased = zeroBased });
        var x = data.X;
        if (dims > Math.Min(x.Rows, x.Columns))
            throw new InvalidInputException($"--dims {dims} is more than the data allows: {x.Rows} rows and {x.Columns} features.");
        var dimsParam = new KeyValuePair<string, string>("n_components", dims.ToString(CultureInfo.InvariantCulture));
        var estimator = Hyperparameters.With(new TruncatedSVD(), [dimsParam, .. parameters]);
        var model = estimator.Fit(x);
        var z = model.Transform(x);
        var embedding = DataFrame.FromMatrix(z, model.FeatureNamesOut);
        var result = keep.Length > 0
            ? new DataFrame([.. embedding.Columns, new NumericColumn(LabelColumn, data.Labels)])
            : embedding;
        if (outPath is not null) CsvWriter.Write(result, outPath);
        var explained = model.ExplainedVarianceRatio;
        if (json)
        {
            var o = new JsonObject
            {
                ["algo"] = Algo,
                ["rows"] = result.RowCount,
                ["features"] = x.Columns,
                ["nonzeros"] = x.NonZeroCount,
                ["dims"] = embedding.ColumnCount,
                ["columns"] = new JsonArray(embedding.ColumnNames.Select(n => (JsonNode)n).ToArray()),
                ["singular_values"] = new JsonArray(model.SingularValues.Select(v => Json.Number(v)).ToArray()),
                ["explained_variance_ratio"] = new JsonArray(explained.Select(v => Json.Number(v)).ToArray()),
                ["out"] = outPath,
            };
            console.Out.WriteLine(Json.Write(o));
            return 0;
        }
        if (outPath is null) CsvWriter.Write(result, console.Out);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Algo}: {x.Rows} rows × {x.Columns} features, {x.NonZeroCount} non-zeros ({x.Density:P2} dense); explained variance ratio {string.Join(", ", explained.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture)))} (total {explained.Sum():0.0000})"));
        if (outPath is not null) console.Error.WriteLine($"wrote {result.RowCount} rows × {result.ColumnCount} columns to {outPath}");
        return 0;
    }
}
