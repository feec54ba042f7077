using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Marks missing cells with 0/1 columns, like scikit-learn's <c>MissingIndicator</c>: one numeric column
/// <c>missingindicator_NAME</c> per indicated input column, 1 where the value is missing. With
/// <see cref="MissingFeatures.MissingOnly"/> (default) only columns with a missing value at fit are indicated,
/// and (with <see cref="ErrorOnNew"/>) transform refuses data with missing values in other columns. Works on
/// every column kind (missing = NaN or null). Usually combined with an imputer in a <c>FeatureUnion</c> so a
/// model sees both the filled value and the fact it was missing. O(n·p).
/// </summary>
public sealed record MissingIndicator : ITransformer
{
    /// <summary>Which columns get an indicator (default missing_only).</summary>
    [Hyperparameter("Columns that get an indicator: missing_only (those with missing values at fit) or all.")]
    public MissingFeatures Features { get; init; } = MissingFeatures.MissingOnly;

    /// <summary>With missing_only, fail on missing values in a column that had none at fit (default true).</summary>
    [Hyperparameter("With features = missing_only, refuse data that has missing values in a column that had none at fit.")]
    public bool ErrorOnNew { get; init; } = true;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Finds the columns with missing values.</summary>
    /// <exception cref="InvalidInputException">No rows or columns.</exception>
    public MissingIndicatorModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        FrameInput.CheckFitFrame(x, nameof(MissingIndicator));
        var names = x.ColumnNames.ToArray();
        var kinds = x.Columns.Select(c => c.Kind).ToArray();
        var indicated = Enumerable.Range(0, names.Length)
            .Where(j => Features == MissingFeatures.All || x[j].MissingCount() > 0).ToArray();
        return new MissingIndicatorModel(this, names, kinds, indicated);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
