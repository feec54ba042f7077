using Fathom.Data;

namespace Fathom.Core;

/// <summary>
/// An estimator that learns a transformation of columns (scaling, encoding, imputing). Transformers work on
/// <see cref="DataFrame"/>s so that text and numeric columns flow through the same pipeline; matrix
/// overloads live in <see cref="TransformerExtensions"/>.
/// </summary>
public interface ITransformer : IEstimator
{
    /// <summary>Validates hyperparameters and data, then fits a new model.</summary>
    ITransformerModel Fit(DataFrame x, FitContext? context = null);
}
