using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Encodes each categorical column as the index of its category, like scikit-learn's <c>OrdinalEncoder</c>
/// (1.2): categories are the distinct values seen at fit, sorted (numbers numerically, text ordinally, false
/// before true), coded 0, 1, …, k−1 in a numeric column of the same name. A missing value becomes
/// <see cref="EncodedMissingValue"/> (default NaN, as scikit-learn); an unseen category is an error, or
/// <see cref="UnknownValue"/> with <see cref="OrdinalUnknownHandling.UseEncodedValue"/>. Date columns are
/// rejected. Fit is O(n·p + k log k) per column; transform O(n·p).
/// </summary>
public sealed record OrdinalEncoder : ITransformer
{
    /// <summary>What happens to an unseen category (default error, as scikit-learn).</summary>
    [Hyperparameter("What transform does with a category not seen at fit: error, or use_encoded_value (writes unknown_value).")]
    public OrdinalUnknownHandling HandleUnknown { get; init; } = OrdinalUnknownHandling.Error;

    /// <summary>The code of an unseen category with use_encoded_value (default −1; null = NaN).</summary>
    [Hyperparameter("Code written for an unseen category with handle_unknown = use_encoded_value; not a code 0…k−1 in use.", NullMeans = "NaN")]
    public double? UnknownValue { get; init; } = -1;

    /// <summary>The code of a missing value (default null = NaN, as scikit-learn).</summary>
    [Hyperparameter("Code written for a missing value (none keeps it missing, NaN, for a later imputer).", NullMeans = "NaN")]
    public double? EncodedMissingValue { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Learns the categories of each column.</summary>
    /// <exception cref="InvalidHyperparameterException">unknown_value equal to a code in use.</exception>
    /// <exception cref="InvalidInputException">No rows or columns; a date column; an infinite number.</exception>
    public OrdinalEncoderModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        FrameInput.CheckFitFrame(x, nameof(OrdinalEncoder));
        var names = new string[x.ColumnCount];
        var kinds = new ColumnKind[x.ColumnCount];
        var maps = new CategoryMap[x.ColumnCount];
        for (int j = 0; j < maps.Length; j++)
        {
            names[j] = x[j].Name;
            kinds[j] = x[j].Kind;
            maps[j] = CategoryMap.Learn(x[j], nameof(OrdinalEncoder));
            if (HandleUnknown == OrdinalUnknownHandling.UseEncodedValue && UnknownValue is double u
                && u >= 0 && u < maps[j].Categories.Length && u == Math.Floor(u))
                throw new InvalidHyperparameterException("unknown_value",
                    $"OrdinalEncoder: unknown_value = {u} is also the code of category '{maps[j].Categories[(int)u]}' of column '{names[j]}'; use a negative value or NaN.");
        }
        return new OrdinalEncoderModel(this, names, kinds, maps);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
