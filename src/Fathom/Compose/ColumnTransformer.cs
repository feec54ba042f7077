using Fathom.Core;
using Fathom.Data;

namespace Fathom.Compose;

/// <summary>
/// Applies a different transformer to different columns and concatenates the results, like scikit-learn's
/// <c>ColumnTransformer</c>: <c>new ColumnTransformer(new ColumnBranch("num", new StandardScaler(),
/// ColumnSelector.Numeric), new ColumnBranch("cat", new OneHotEncoder(), ColumnSelector.Text))</c>.
/// The output is each branch's output in branch order, then (with <see cref="RemainderHandling.Passthrough"/>)
/// the unselected columns unchanged. Output names are prefixed <c>branch__column</c> and
/// <c>remainder__column</c> when <see cref="VerboseFeatureNamesOut"/> is true (the default, as scikit-learn).
/// A branch whose selector matches no column is skipped (no model, no output). A column may feed several branches.
/// </summary>
public sealed record ColumnTransformer : ITransformer
{
    /// <summary>A column transformer without branches (everything goes to the remainder).</summary>
    public ColumnTransformer() { }

    /// <summary>A column transformer with the given branches.</summary>
    public ColumnTransformer(params ColumnBranch[] transformers)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        Transformers = transformers;
    }

    /// <summary>The branches, in output order.</summary>
    public IReadOnlyList<ColumnBranch> Transformers { get; init; } = [];

    /// <summary>What happens to the columns no branch selects (default drop).</summary>
    [Hyperparameter("What happens to columns no branch selects: drop them, or passthrough (append them unchanged).")]
    public RemainderHandling Remainder { get; init; } = RemainderHandling.Drop;

    /// <summary>Prefix output names with the branch name and "__" (default true).</summary>
    [Hyperparameter("Prefix each output column with its branch name and '__' (e.g. num__age).")]
    public bool VerboseFeatureNamesOut { get; init; } = true;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Selects each branch's columns and fits its transformer on them.</summary>
    /// <exception cref="InvalidHyperparameterException">Bad or repeated branch names; output names that
    /// collide when <see cref="VerboseFeatureNamesOut"/> is false.</exception>
    /// <exception cref="InvalidInputException">No rows; a named column is missing; a branch's own checks.</exception>
    public ColumnTransformerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(x);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in Transformers)
        {
            if (b is null || b.Transformer is null || b.Columns is null)
                throw new InvalidHyperparameterException("transformers", "ColumnTransformer: a branch, its transformer or its column selector is null.");
            if (string.IsNullOrEmpty(b.Name) || b.Name.Contains("__", StringComparison.Ordinal) || b.Name == "remainder")
                throw new InvalidHyperparameterException("transformers",
                    $"ColumnTransformer: branch name '{b.Name}' is not valid; names must be non-empty, must not contain '__' and must not be 'remainder'.");
            if (!seen.Add(b.Name))
                throw new InvalidHyperparameterException("transformers", $"ColumnTransformer: branch name '{b.Name}' is used twice; names must be unique.");
        }
        if (x.RowCount == 0)
            throw new InvalidInputException("ColumnTransformer: the data has no rows; fitting needs at least one row.");

        var used = new HashSet<string>(StringComparer.Ordinal);
        var branches = new List<FittedColumnBranch>();
        foreach (var b in Transformers)
        {
            context?.ThrowIfCancellationRequested();
            var cols = b.Columns.Select(x);
            if (cols.Count == 0)
            {
                context?.Warn($"ColumnTransformer: branch '{b.Name}' selects no columns ({b.Columns}); it is skipped.");
                continue;
            }
            var model = b.Transformer.Fit(x.Select(cols.ToArray()), context);
            branches.Add(new FittedColumnBranch(b.Name, model, cols));
            foreach (var c in cols) used.Add(c);
        }
        var remainder = Remainder == RemainderHandling.Passthrough
            ? x.ColumnNames.Where(n => !used.Contains(n)).ToArray()
            : [];
        foreach (var r in remainder) used.Add(r);
        var inputCols = x.Columns.Where(c => used.Contains(c.Name)).ToArray();
        return new ColumnTransformerModel(this, inputCols.Select(c => c.Name).ToArray(), inputCols.Select(c => c.Kind).ToArray(),
            branches.ToArray(), remainder);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
