using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Scales each ROW to unit norm, like scikit-learn's <c>Normalizer</c>: <c>z = x / ‖x‖</c> with the l1, l2
/// (default) or max norm over the row's columns. A row of zeros stays zeros. Nothing is learned: fitting only
/// records the columns (so a transform on other columns is an error). Missing values are rejected (impute
/// first). Transform is O(n·p).
/// </summary>
public sealed record Normalizer : ITransformer
{
    /// <summary>The row norm (default l2).</summary>
    [Hyperparameter("Norm each row is divided by: l1, l2 or max (largest absolute value).")]
    public NormKind Norm { get; init; } = NormKind.L2;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Records the columns.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; a missing or infinite value.</exception>
    public NormalizerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, _) = NumericColumns.ReadFit(x, nameof(Normalizer), allowMissing: false);
        return new NormalizerModel(this, names, kinds);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
