using System.CommandLine;
using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Cli.Commands;

/// <summary>Options and helpers shared by the verbs.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of tables." };

    /// <summary>The CSV argument of the table verbs.</summary>
    public static Argument<string> Data() => new("DATA") { Description = "CSV file (.csv or .csv.gz) with a header row." };

    /// <summary><c>--target</c>, required.</summary>
    public static Option<string> Target() => new("--target", "-t") { Description = "Column to predict.", Required = true };

    /// <summary>Repeatable <c>--param key=value</c>.</summary>
    public static Option<string[]> Param(string what = "Hyperparameter") =>
        new("--param", "-p") { Description = $"{what} as key=value (snake_case key), repeatable." };

    /// <summary><c>--test-size</c>, default 0.2.</summary>
    public static Option<double> TestSize(string description) => new("--test-size") { Description = description, DefaultValueFactory = _ => 0.2 };

    /// <summary><c>--seed</c>, default 0.</summary>
    public static Option<int> Seed(string description) => new("--seed") { Description = description, DefaultValueFactory = _ => 0 };

    /// <summary>Repeatable <c>--drop COL</c>.</summary>
    public static Option<string[]> Drop(string description = "Columns to leave out of the features (e.g. a name or an id), repeatable.") =>
        new("--drop") { Description = description };

    /// <summary><c>--out FILE</c>.</summary>
    public static Option<string?> Balance()
    {
        var o = new Option<string?>("--balance")
        {
            Description = "Rebalance the classes of each training set before fitting (never the test rows or validation folds): " +
                          "smote, adasyn, borderline (borderline-SMOTE), over (random over-sampling) or under (random under-sampling).",
        };
        o.AcceptOnlyFromAmong("smote", "adasyn", "borderline", "over", "under");
        return o;
    }

    /// <summary>--out: where to write the result.</summary>
    public static Option<string?> Out(string description) => new("--out", "-o") { Description = description };

    /// <summary>Reads a CSV, turning a missing file into a one-line error.</summary>
    public static DataFrame ReadCsv(string path, CsvOptions? options = null)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"Data file '{path}' does not exist.");
        return CsvReader.Read(path, options);
    }

    /// <summary>Reads a CSV for a trained model: columns the model knows are read with the kinds it was
    /// trained on, so e.g. a category column of digits stays text.</summary>
    public static DataFrame ReadForModel(string path, ModelMetadata metadata)
    {
        var frame = ReadCsv(path);
        if (metadata.InputSchema is null) return frame;
        var missing = metadata.InputSchema.Where(c => !frame.Contains(c.Name)).Select(c => $"'{c.Name}'").ToArray();
        if (missing.Length > 0)
            throw new InvalidInputException(
                $"'{path}' lacks column{(missing.Length == 1 ? "" : "s")} {string.Join(", ", missing)} that the model was trained on; add {(missing.Length == 1 ? "it" : "them")} (empty values are allowed).");
        // Inference may read a column differently from training (digits in a category column, a numeric
        // column with a stray word): read again with the trained kinds forced, so values are interpreted as
        // in training and a cell that does not fit is an error naming its line and column.
        var differ = metadata.InputSchema.Where(c => frame[c.Name].Kind != c.Kind && !AllMissing(frame[c.Name])).ToArray();
        var allMissingMismatch = metadata.InputSchema.Where(c => frame[c.Name].Kind != c.Kind && AllMissing(frame[c.Name])).ToArray();
        if (differ.Length == 0 && allMissingMismatch.Length == 0) return frame;
        var kinds = metadata.InputSchema.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
        return ReadCsv(path, new CsvOptions { ColumnKinds = kinds });
    }

    private static bool AllMissing(DataColumn c) => c.MissingCount() == c.Length;

    /// <summary>Parses repeated <c>--param key=value</c> (a value may also hold several comma-separated pairs).</summary>
    public static List<KeyValuePair<string, string>> ParseParams(IEnumerable<string> raw)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var item in raw)
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == item.Length - 1)
                throw new InvalidHyperparameterException(item, $"--param '{item}' is not of the form key=value (e.g. --param c=0.5).");
            result.Add(new(item[..eq].Trim(), item[(eq + 1)..].Trim()));
        }
        return result;
    }
}
