using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;

namespace Fathom.FeatureSelection;

/// <summary>
/// Keeps the columns whose importance in a fitted model reaches a threshold, like scikit-learn's
/// <c>SelectFromModel</c>. The <see cref="Estimator"/> (a classifier or regressor) is fitted on all numeric
/// columns; importances are its <c>FeatureImportances</c> or absolute <c>Coefficients</c> (L1 over classes).
/// <see cref="Threshold"/> is <c>"mean"</c> (default), <c>"median"</c>, a scaled one such as <c>"1.25*mean"</c>,
/// or a number; a column is kept when importance ≥ threshold. <see cref="MaxFeatures"/> caps the count (the
/// most important first, ties in column order). O(fit) + O(p log p).
/// </summary>
public sealed record SelectFromModel : IEstimator
{
    /// <summary>The model whose importances decide (no default: must be set).</summary>
    public IEstimator? Estimator { get; init; }

    /// <summary>"mean" (default), "median", "k*mean", "k*median" or a number.</summary>
    [Hyperparameter("Importance a column must reach: mean, median, a scaled one like 1.25*mean, or a number.")]
    public string Threshold { get; init; } = "mean";

    /// <summary>Largest number of columns kept; null = no cap.</summary>
    [Hyperparameter("Largest number of columns kept (the most important).", Min = 0, NullMeans = "no cap")]
    public int? MaxFeatures { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Fits the estimator on all columns and keeps the important ones.</summary>
    /// <param name="x">Numeric columns.</param>
    /// <param name="y">Target: numbers for a regressor, class labels (as numbers) for a classifier.</param>
    /// <param name="context">Passed to the estimator's fit.</param>
    /// <exception cref="InvalidHyperparameterException">No estimator, or one without importances/coefficients; a bad threshold.</exception>
    /// <exception cref="InvalidInputException">Bad data or target.</exception>
    public FeatureSelectionModel Fit(DataFrame x, double[] y, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (Estimator is null)
            throw new InvalidHyperparameterException("estimator", "SelectFromModel: no estimator; give one with coefficients or feature importances (e.g. new Lasso(), new RandomForestClassifier()).");
        var (names, kinds, cols) = SelectionInput.Read(x, y, nameof(SelectFromModel));
        int p = names.Length;
        var model = ModelImportance.FitEstimator(Estimator, ModelImportance.ToMatrix(cols, Enumerable.Range(0, p).ToArray(), x.RowCount), y, context);
        var imp = ModelImportance.Of(model, p, nameof(SelectFromModel));
        double threshold = ParseThreshold(Threshold, imp);
        var support = imp.Select(v => v >= threshold).ToArray();
        if (MaxFeatures is int cap)
        {
            var keep = Enumerable.Range(0, p).OrderByDescending(j => imp[j]).Take(cap).ToHashSet();
            for (int j = 0; j < p; j++) support[j] &= keep.Contains(j);
        }
        return new FeatureSelectionModel("select-from-model", this, names, kinds, support, imp, threshold: threshold);
    }

    /// <summary>Resolves "mean", "median", "k*mean", "k*median" or a number against the importances.</summary>
    internal static double ParseThreshold(string text, double[] imp)
    {
        string t = (text ?? "").Trim().ToLowerInvariant();
        double scale = 1;
        int star = t.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            if (!double.TryParse(t[..star], NumberStyles.Float, CultureInfo.InvariantCulture, out scale))
                throw Bad(text);
            t = t[(star + 1)..].Trim();
        }
        if (t == "mean") return scale * imp.Average();
        if (t == "median")
        {
            var s = (double[])imp.Clone();
            Array.Sort(s);
            return scale * Percentiles.Median(s);
        }
        if (star < 0 && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        throw Bad(text);
    }

    private static InvalidHyperparameterException Bad(string? text) =>
        new("threshold", $"SelectFromModel: threshold = '{text}' is not valid; use mean, median, a scaled one like 1.25*mean, or a number.");
}
