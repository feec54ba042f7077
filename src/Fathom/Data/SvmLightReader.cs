using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Data;

/// <summary>
/// Reads the svmlight / libsvm sparse text format, as scikit-learn's <c>load_svmlight_file</c>: one sample per line,
/// <c>label [qid:N] index:value index:value ... [# comment]</c>, fields separated by spaces or tabs. Indices are
/// 1-based unless <see cref="SvmLightOptions.ZeroBased"/>, and must increase strictly within a line; <c>qid</c> is
/// accepted and ignored; text after <c>#</c> and blank lines are skipped. The features go straight into a
/// <see cref="SparseMatrix"/> (12 bytes per non-zero), never a dense matrix. O(file size).
/// </summary>
public static class SvmLightReader
{
    /// <summary>Reads a file.</summary>
    /// <exception cref="DataFormatException">A line cannot be parsed; the message and <see cref="DataFormatException.Line"/>
    /// give the 1-based line number and say what was expected.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static SvmLightData Read(string path, SvmLightOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, options, Path.GetFileName(path));
    }

    /// <summary>Reads svmlight text (for example a <see cref="StringReader"/>).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Index base and column count; null = defaults.</param>
    /// <param name="source">A name for error messages (e.g. the file name).</param>
    /// <exception cref="DataFormatException">A line cannot be parsed (see <see cref="Read(string, SvmLightOptions?)"/>).</exception>
    public static SvmLightData Read(TextReader reader, SvmLightOptions? options = null, string source = "the svmlight data")
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new SvmLightOptions();
        if (options.FeatureCount is < 0)
            throw new ArgumentOutOfRangeException(nameof(options), $"FeatureCount = {options.FeatureCount} must not be negative.");
        var rowPointers = new List<int> { 0 };
        var columns = new List<int>();
        var values = new List<double>();
        var labels = new List<double>();
        int shift = options.ZeroBased ? 0 : 1;
        int maxColumn = -1;
        long lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var text = line.AsSpan();
            int hash = text.IndexOf('#');
            if (hash >= 0) text = text[..hash];
            text = text.Trim();
            if (text.IsEmpty) continue;
            int field = 0;
            int lastColumn = -1;
            while (!text.IsEmpty)
            {
                int end = text.IndexOfAny(' ', '\t');
                var token = end < 0 ? text : text[..end];
                text = end < 0 ? [] : text[end..].TrimStart();
                field++;
                if (field == 1)
                {
                    if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double label) || !double.IsFinite(label))
                        throw Error(source, lineNo, field, token.Contains(',')
                            ? $"the label '{token}' holds commas; multi-label files are not supported"
                            : $"the label '{token}' is not a finite number; each line must start with a numeric label");
                    labels.Add(label);
                    continue;
                }
                int colon = token.IndexOf(':');
                if (colon <= 0 || colon == token.Length - 1)
                    throw Error(source, lineNo, field, $"'{token}' is not an index:value pair");
                var key = token[..colon];
                var valueText = token[(colon + 1)..];
                if (key.Equals("qid", StringComparison.OrdinalIgnoreCase))
                {
                    if (field != 2 || !long.TryParse(valueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                        throw Error(source, lineNo, field, $"'{token}': qid must be an integer right after the label");
                    continue;
                }
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                    throw Error(source, lineNo, field, $"the feature index '{key.ToString()}' is not a non-negative integer");
                int column = index - shift;
                if (column < 0)
                    throw Error(source, lineNo, field, "feature index 0 in a 1-based file; read it with ZeroBased = true (CLI: --zero-based) if its indices start at 0");
                if (column <= lastColumn)
                    throw Error(source, lineNo, field, $"feature index {index} does not increase (the previous index was {lastColumn + shift}); indices must be sorted and unique within a line");
                if (options.FeatureCount is int fc && column >= fc)
                    throw Error(source, lineNo, field, $"feature index {index} is beyond the {fc} features asked for");
                if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                    throw Error(source, lineNo, field, $"the value '{valueText.ToString()}' of feature {index} is not a finite number");
                lastColumn = column;
                if (value != 0.0)
                {
                    columns.Add(column);
                    values.Add(value);
                }
            }
            if (lastColumn > maxColumn) maxColumn = lastColumn;
            rowPointers.Add(values.Count);
        }
        if (labels.Count == 0)
            throw new DataFormatException($"{source} holds no data lines (only blank lines or comments); an svmlight file needs one 'label index:value ...' line per sample.");
        int featureCount = options.FeatureCount ?? maxColumn + 1;
        var x = SparseMatrix.FromCsr(labels.Count, featureCount,
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rowPointers),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(columns),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
        return new SvmLightData(x, labels.ToArray());
    }

    private static DataFormatException Error(string source, long line, int field, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{source}, line {line}, field {field}: {what}."), line, field.ToString(CultureInfo.InvariantCulture));
}
