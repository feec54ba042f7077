using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Linear;
using Fathom.Preprocessing;

namespace Fathom.Cli.Training;

/// <summary>
/// The preprocessing <c>fathom train</c> builds from the inferred schema (DESIGN.md's command-line
/// contract): numbers and booleans → median imputation + standard scaling (scaling skipped for
/// scale-invariant models); text → most-frequent imputation + one-hot encoding that ignores unknown
/// categories; dates → calendar features + median imputation + scaling.
/// </summary>
internal static class DefaultPreprocessing
{
    /// <remarks>
    /// Numeric columns stay unscaled for models that need non-negative features (counts).
    /// For <see cref="OrdinaryLeastSquares"/> the one-hot encoding drops each column's first category: its design
    /// has an intercept, and a full set of indicator columns would be collinear with it, leaving the coefficient
    /// table without meaning.
    /// </remarks>
    public static Pipeline Build(DataFrame features, IEstimator estimator) =>
        new(("preprocess", Preprocessor(features, scale: !estimator.Tags.IsScaleInvariant && !estimator.Tags.RequiresNonNegativeFeatures,
            dropFirstCategory: estimator is OrdinaryLeastSquares)), ("model", estimator));

    /// <summary>The column transformer alone (for unsupervised verbs, which always scale).</summary>
    public static ColumnTransformer Preprocessor(DataFrame features, bool scale, bool dropFirstCategory = false)
    {
        string[] Of(params ColumnKind[] kinds) => features.Columns.Where(c => kinds.Contains(c.Kind)).Select(c => c.Name).ToArray();
        var branches = new List<ColumnBranch>();

        var numeric = Of(ColumnKind.Numeric, ColumnKind.Boolean);
        if (numeric.Length > 0)
            branches.Add(new ColumnBranch("num", Steps(scale, new SimpleImputer { Strategy = ImputeStrategy.Median }), ColumnSelector.Names(numeric)));

        var text = Of(ColumnKind.Text);
        if (text.Length > 0)
            branches.Add(new ColumnBranch("cat", new Pipeline(
                new SimpleImputer { Strategy = ImputeStrategy.MostFrequent },
                new OneHotEncoder { HandleUnknown = UnknownCategoryHandling.Ignore, Drop = dropFirstCategory ? CategoryDrop.First : CategoryDrop.None }), ColumnSelector.Names(text)));

        var dates = Of(ColumnKind.DateTime);
        if (dates.Length > 0)
            branches.Add(new ColumnBranch("date", Steps(scale, new DateTimeFeatures(), new SimpleImputer { Strategy = ImputeStrategy.Median }),
                ColumnSelector.Names(dates)));

        return new ColumnTransformer(branches.ToArray());
    }

    private static Pipeline Steps(bool scale, params IEstimator[] steps) =>
        new(scale ? [.. steps, new StandardScaler()] : steps);
}
