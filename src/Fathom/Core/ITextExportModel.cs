namespace Fathom.Core;

/// <summary>A model that can describe itself as indented text (a decision tree's rules, as scikit-learn's
/// <c>export_text</c>). <c>fathom inspect</c> prints it.</summary>
public interface ITextExportModel : IModel
{
    /// <summary>The model as indented text.</summary>
    /// <param name="featureNames">Names of the features in order; null names them <c>feature_0, …</c>.</param>
    /// <param name="decimals">Digits after the decimal point for thresholds and values.</param>
    /// <param name="maxDepth">Deeper levels are summarized as truncated branches.</param>
    string ExportText(IReadOnlyList<string>? featureNames = null, int decimals = 2, int maxDepth = 10);
}
