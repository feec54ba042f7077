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
        return new OneHotEncoderModel(this, names, kinds, categories, drop);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
