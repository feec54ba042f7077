using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Thresholds numeric columns to 0/1, like scikit-learn's <c>Binarizer</c>: <c>z = 1 if x &gt; threshold else
/// 0</c>. Nothing is learned; fitting records the columns. Missing values are rejected. Transform is O(n·p).
/// </summary>
public sealed record Binarizer : ITransformer
{
    /// <summary>Values strictly above it become 1 (default 0).</summary>
    [Hyperparameter("Values strictly above this threshold become 1, the rest 0.")]
    public double Threshold { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsScaleInvariant = false };

    /// <summary>Records the columns.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; a missing or infinite value.</exception>
    public BinarizerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, _) = NumericColumns.ReadFit(x, nameof(Binarizer), allowMissing: false);
        return new BinarizerModel(this, names, kinds);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
