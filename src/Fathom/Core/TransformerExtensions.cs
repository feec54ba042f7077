using Fathom.Data;
using Fathom.Numerics;

namespace Fathom.Core;

/// <summary>Matrix conveniences for transformers: columns are named <c>x0, x1, …</c>.</summary>
public static class TransformerExtensions
{
    /// <summary>Fits <paramref name="transformer"/> on a numeric matrix.</summary>
    public static ITransformerModel Fit(this ITransformer transformer, Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return transformer.Fit(DataFrame.FromMatrix(x), context);
    }

    /// <summary>Transforms a numeric matrix with a model fitted on a matrix, returning a matrix.</summary>
    public static Matrix Transform(this ITransformerModel model, Matrix x)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        var names = x.Columns == model.FeatureNamesIn.Count ? model.FeatureNamesIn : null;
        return model.Transform(DataFrame.FromMatrix(x, names)).ToMatrix();
    }
}
