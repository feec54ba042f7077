using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Compose;

/// <summary>
/// A fitted <see cref="ColumnTransformer"/>. It records the input columns it was fitted on (those some branch
/// or the passthrough remainder used) with their kinds. Transform looks them up BY NAME: extra columns and
/// another order are fine; a missing column, or one whose kind changed (text where numeric was fitted), is an
/// <see cref="InvalidInputException"/> naming it. A column that is entirely missing is accepted whatever its
/// kind. Immutable and thread-safe.
/// </summary>
public sealed class ColumnTransformerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly FittedColumnBranch[] _branches;
    private readonly string[] _remainder;
    private readonly string[] _namesOut;

    internal ColumnTransformerModel(ColumnTransformer options, string[] names, ColumnKind[] kinds, FittedColumnBranch[] branches, string[] remainder)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _branches = branches;
        _remainder = remainder;
        bool verbose = options.VerboseFeatureNamesOut;
        var outNames = new List<string>();
        foreach (var b in branches)
            foreach (var n in b.Model.FeatureNamesOut) outNames.Add(verbose ? b.Name + "__" + n : n);
        foreach (var r in remainder) outNames.Add(verbose ? "remainder__" + r : r);
        var dup = outNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new InvalidHyperparameterException("verbose_feature_names_out",
                $"ColumnTransformer: output column name '{dup.Key}' would appear more than once; set verbose_feature_names_out = true so names get their branch prefix.");
        _namesOut = outNames.ToArray();
    }

    /// <summary>The hyperparameters it was fitted with (its <see cref="ColumnTransformer.Transformers"/> are
    /// the unfitted branches; empty after loading from a file).</summary>
    public ColumnTransformer Options { get; }

    /// <summary>The fitted branches, in output order (skipped branches are absent).</summary>
    public IReadOnlyList<FittedColumnBranch> Branches => _branches;

    /// <summary>The columns passed through unchanged (empty unless remainder = passthrough).</summary>
    public IReadOnlyList<string> RemainderColumns => _remainder;

    /// <summary>Kind of each input column at fit, aligned with <see cref="FeatureNamesIn"/>.</summary>
    public IReadOnlyList<ColumnKind> FeatureKindsIn => _kinds;

    /// <summary>The input columns used (by some branch or the remainder), in the fit frame's order.</summary>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _namesOut;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "column-transformer";

    /// <summary>Runs each branch on its columns and concatenates the outputs (then the remainder).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or a branch rejects its data.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = FrameInput.Resolve(x, _names, _kinds, "ColumnTransformer");
        var input = new DataFrame(cols);
        var outCols = new List<DataColumn>(_namesOut.Length);
        foreach (var b in _branches)
        {
            var o = b.Model.Transform(input.Select(b.Columns.ToArray()));
            if (o.ColumnCount != b.Model.FeatureNamesOut.Count)
                throw new InvalidOperationException($"Branch '{b.Name}' returned {o.ColumnCount} columns where its model names {b.Model.FeatureNamesOut.Count}.");
            foreach (var c in o.Columns) outCols.Add(c.Rename(_namesOut[outCols.Count]));
        }
        foreach (var r in _remainder) outCols.Add(input[r].Rename(_namesOut[outCols.Count]));
        return new DataFrame(outCols);
    }

    /// <summary>
    /// The input schema for a model file's metadata: each input column's name and kind, and for text columns
    /// the categories a <see cref="OneHotEncoderModel"/> in its branch learned (looked up through nested
    /// pipelines and column transformers; null when no encoder reads the column).
    /// </summary>
    public IReadOnlyList<ColumnSchema> InputSchema() =>
        _names.Select((n, j) => new ColumnSchema(n, _kinds[j], _kinds[j] == ColumnKind.Text ? CategoriesOf(n) : null)).ToArray();

    private IReadOnlyList<string>? CategoriesOf(string column)
    {
        foreach (var b in _branches)
            if (b.Columns.Contains(column) && FindCategories(b.Model, column) is { } found) return found;
        return null;
    }

    private static IReadOnlyList<string>? FindCategories(ITransformerModel model, string column)
    {
        switch (model)
        {
            case OneHotEncoderModel enc:
                {
                    int j = enc.FeatureNamesIn.ToList().IndexOf(column);
                    return j >= 0 ? enc.Categories[j] : null;
                }
            case ColumnTransformerModel ct:
                return ct.CategoriesOf(column);
            case PipelineModel p:
                foreach (var t in p.Transformers)
                {
                    if (FindCategories(t, column) is { } found) return found;
                    if (!t.FeatureNamesOut.Contains(column)) return null; // the column is renamed or consumed here
                }
                return null;
            default:
                return null;
        }
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteStrings("branch_names", _branches.Select(b => b.Name).ToArray());
        writer.WriteInts("branch_column_counts", _branches.Select(b => b.Columns.Count).ToArray());
        writer.WriteStrings("branch_columns", _branches.SelectMany(b => b.Columns).ToArray());
        writer.WriteStrings("remainder", _remainder);
        for (int k = 0; k < _branches.Length; k++) writer.WriteModel("branch" + k, _branches[k].Model);
        writer.SetProperty("branch_count", JsonValue.Create(_branches.Length));
    }

    internal static ColumnTransformerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<ColumnTransformer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int count = reader.GetInt("branch_count");
        if (count < 0) throw new ModelFormatException("The model file is damaged or was not written by Fathom: a negative branch count.");
        var branchNames = FrameInput.NonNull(reader.ReadStrings("branch_names", count), "branch_names");
        var colCounts = reader.ReadInts("branch_column_counts", count);
        var flat = FrameInput.NonNull(reader.ReadStrings("branch_columns", colCounts.Sum()), "branch_columns");
        var remainder = FrameInput.NonNull(reader.ReadStrings("remainder"), "remainder");
        var known = new HashSet<string>(names, StringComparer.Ordinal);
        var branches = new FittedColumnBranch[count];
        int at = 0;
        for (int k = 0; k < count; k++)
        {
            if (colCounts[k] < 0) throw new ModelFormatException("The model file is damaged or was not written by Fathom: a negative column count.");
            var cols = flat[at..(at + colCounts[k])];
            at += colCounts[k];
            if (cols.Any(c => !known.Contains(c)) || remainder.Any(c => !known.Contains(c)))
                throw new ModelFormatException("The model file is damaged or was not written by Fathom: a branch uses a column outside the input schema.");
            branches[k] = new FittedColumnBranch(branchNames[k], reader.ReadModel<ITransformerModel>("branch" + k), cols);
        }
        try { return new ColumnTransformerModel(options, names, kinds, branches, remainder); }
        catch (InvalidHyperparameterException e)
        {
            throw new ModelFormatException($"The model file is damaged or was not written by Fathom: {e.Message}", e);
        }
    }
}
