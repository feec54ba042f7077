using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// One-hot encodes columns, like scikit-learn's <c>OneHotEncoder</c>: each column becomes one 0/1 column per
/// category, named <c>column_category</c> (scikit-learn's <c>get_feature_names_out</c>). Categories are the
/// distinct values seen at fit, sorted like scikit-learn sorts them: numbers numerically, text ordinally,
/// false before true. Numeric categories are named by their invariant shortest round-trip text (<c>8</c>,
/// <c>2.5</c>); booleans by <c>False</c>/<c>True</c> (as Python prints them). Date columns are rejected.
/// <para>Differences from scikit-learn, on purpose: <see cref="HandleUnknown"/> defaults to
/// <see cref="UnknownCategoryHandling.Ignore"/> (scikit-learn: error) because a model applied to new data
/// routinely meets new categories; and missing values are not a category — they are skipped at fit, and at
/// transform they are treated like an unknown category (all zeros with ignore, an error with error).
/// Impute first (<see cref="SimpleImputer"/> with most_frequent) when missingness should be encoded.</para>
/// <para>Infrequent categories (scikit-learn 1.2): with <see cref="MinFrequency"/> (a count ≥ 1, or a fraction
/// of the rows below 1) categories seen less often are grouped, and with <see cref="MaxCategories"/> only the
/// max_categories − 1 most frequent are kept (ties keep the later category, as scikit-learn's stable sort);
/// the grouped ones share one output column <c>column_infrequent_sklearn</c>, placed after the column's frequent
/// categories. Not combined with <see cref="Drop"/>.</para>
/// Fit is O(n·p + k log k) per column with k categories; transform O(n·p).
/// </summary>
public sealed record OneHotEncoder : ITransformer
{
    /// <summary>What transform does with an unseen category or a missing value (default ignore).</summary>
    [Hyperparameter("What happens at transform to a category not seen at fit (or a missing value): error, or ignore (all zeros).")]
    public UnknownCategoryHandling HandleUnknown { get; init; } = UnknownCategoryHandling.Ignore;

    /// <summary>Which category of each column to leave out (default none).</summary>
    [Hyperparameter("Which category per column to leave out: none, first, or if_binary (first, only for two-category columns).")]
    public CategoryDrop Drop { get; init; } = CategoryDrop.None;

    /// <summary>Categories seen fewer times than this (a count when ≥ 1, a fraction of the rows when below 1) are
    /// grouped as infrequent; null (default) groups none.</summary>
    [Hyperparameter("Categories seen fewer times than this are grouped into one infrequent column: a count (>= 1) or a fraction of the rows (< 1).", Min = 0, MinExclusive = true, NullMeans = "none")]
    public double? MinFrequency { get; init; }

    /// <summary>Largest number of output columns per input column, counting the infrequent group; null = no cap.</summary>
    [Hyperparameter("Largest number of output columns per input column, including the infrequent group.", Min = 1, NullMeans = "no cap")]
    public int? MaxCategories { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Learns the categories of each column.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a date column (named).</exception>
    public OneHotEncoderModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        FrameInput.CheckFitFrame(x, nameof(OneHotEncoder));
        int p = x.ColumnCount;
        var names = new string[p];
        var kinds = new ColumnKind[p];
        var categories = new string[p][];
        var numericCategories = new double[p][];
        for (int j = 0; j < p; j++)
        {
            var c = x[j];
            names[j] = c.Name;
            kinds[j] = c.Kind;
            switch (c)
            {
                case NumericColumn nc:
                    {
                        var set = new SortedSet<double>();
                        foreach (double d in nc.Values)
                        {
                            if (double.IsNaN(d)) continue;
                            if (double.IsInfinity(d))
                                throw new InvalidInputException($"OneHotEncoder: column '{c.Name}' holds an infinite value; replace it first.", column: c.Name);
                            set.Add(d == 0 ? 0.0 : d); // -0 and 0 are one category
                        }
                        numericCategories[j] = set.ToArray();
                        categories[j] = numericCategories[j].Select(OneHotEncoderModel.FormatNumber).ToArray();
                        break;
                    }
                case BoolColumn bc:
                    {
                        bool f = false, t = false;
                        foreach (var b in bc.Values) { if (b == false) f = true; else if (b == true) t = true; }
                        var cats = new List<string>(2);
                        if (f) cats.Add("False");
                        if (t) cats.Add("True");
                        categories[j] = cats.ToArray();
                        numericCategories[j] = [];
                        break;
                    }
                case TextColumn tc:
                    categories[j] = tc.Categories();
                    numericCategories[j] = [];
                    break;
                default:
                    throw new InvalidInputException(
                        $"OneHotEncoder: column '{c.Name}' is {FrameInput.KindName(c.Kind)}; it encodes text, numeric and boolean columns. Turn dates into numbers first (DateTimeFeatures).",
                        column: c.Name);
            }
            if (categories[j].Length == 0)
                context?.Warn($"OneHotEncoder: column '{c.Name}' has no values at fit; it produces no output columns.");
        }
        var drop = new int[p];
        for (int j = 0; j < p; j++)
            drop[j] = Drop switch
            {
                CategoryDrop.First when categories[j].Length > 0 => 0,
                CategoryDrop.IfBinary when categories[j].Length == 2 => 0,
                _ => -1,
            };
        bool[][]? infrequent = null;
        if (MinFrequency is not null || MaxCategories is not null)
        {
            if (Drop != CategoryDrop.None)
                throw new InvalidHyperparameterException("drop", "OneHotEncoder: drop cannot be combined with min_frequency or max_categories in Fathom; use drop = none.");
            infrequent = new bool[p][];
            for (int j = 0; j < p; j++) infrequent[j] = Infrequent(CategoryCounts(x[j], categories[j]), x.RowCount);
        }
        return new OneHotEncoderModel(this, names, kinds, categories, drop, infrequent);
    }

    private static int[] CategoryCounts(DataColumn c, string[] categories)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < categories.Length; k++) index[categories[k]] = k;
        var counts = new int[categories.Length];
        for (int i = 0; i < c.Length; i++)
        {
            string? key = c switch
            {
                NumericColumn nc => double.IsNaN(nc[i]) ? null : OneHotEncoderModel.FormatNumber(nc[i] == 0 ? 0.0 : nc[i]),
                BoolColumn bc => bc[i] is bool b ? (b ? "True" : "False") : null,
                _ => ((TextColumn)c)[i],
            };
            if (key is not null && index.TryGetValue(key, out int k)) counts[k]++;
        }
        return counts;
    }

    /// <summary>scikit-learn 1.2's <c>_identify_infrequent</c>: below min_frequency, then beyond the
    /// max_categories − 1 most frequent (stable ascending sort of the counts, so ties keep later categories).</summary>
    private bool[] Infrequent(int[] counts, int rows)
    {
        int k = counts.Length;
        var mask = new bool[k];
        if (MinFrequency is double mf)
        {
            double limit = mf >= 1 ? mf : mf * rows;
            for (int c = 0; c < k; c++) mask[c] = counts[c] < limit;
        }
        int current = k - mask.Count(b => b) + 1;
        if (MaxCategories is int max && max < current)
        {
            int frequent = max - 1;
            var ascending = Enumerable.Range(0, k).OrderBy(c => counts[c]).ToArray(); // stable
            foreach (int c in ascending.Take(k - frequent)) mask[c] = true;
        }
        return mask;
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
