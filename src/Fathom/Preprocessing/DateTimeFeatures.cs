using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Turns each date column into numeric calendar features named <c>column_year</c>, <c>column_month</c>
/// (1–12), <c>column_day</c> (1–31), <c>column_day_of_week</c> (Monday = 0 … Sunday = 6, as pandas'
/// <c>dt.dayofweek</c>), <c>column_day_of_year</c> (1–366), and — only for columns where some value at fit
/// has a time of day other than midnight — <c>column_hour</c> and <c>column_minute</c>. A missing date
/// gives NaN in each feature (impute afterwards). Only date columns are accepted. O(n·p).
/// </summary>
public sealed record DateTimeFeatures : ITransformer
{
    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Records each column's name and whether it carries times of day.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a column that is not a date (named).</exception>
    public DateTimeFeaturesModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        FrameInput.CheckFitFrame(x, nameof(DateTimeFeatures));
        int p = x.ColumnCount;
        var names = new string[p];
        var hasTime = new bool[p];
        for (int j = 0; j < p; j++)
        {
            var c = x[j];
            names[j] = c.Name;
            if (c is not DateTimeColumn dc)
                throw new InvalidInputException(
                    $"DateTimeFeatures: column '{c.Name}' is {FrameInput.KindName(c.Kind)}; it takes only date columns.",
                    column: c.Name);
            foreach (var d in dc.Values)
                if (d is DateTime t && t.TimeOfDay != TimeSpan.Zero) { hasTime[j] = true; break; }
        }
        return new DateTimeFeaturesModel(names, hasTime);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
