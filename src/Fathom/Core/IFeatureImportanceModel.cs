namespace Fathom.Core;

/// <summary>A model that scores how much each input feature contributed (impurity decrease or gain for
/// trees and ensembles), normalized to sum to 1. <c>fathom inspect</c> lists them by feature name.</summary>
public interface IFeatureImportanceModel : IModel
{
    /// <summary>One non-negative importance per feature, in feature order, summing to 1 (all 0 when the
    /// model never split).</summary>
    IReadOnlyList<double> FeatureImportances { get; }
}
