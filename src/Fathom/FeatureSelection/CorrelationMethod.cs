namespace Fathom.FeatureSelection;

/// <summary>Which correlation <see cref="CorrelationFilter"/> measures.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's linear correlation.</summary>
    Pearson,

    /// <summary>Spearman's rank correlation (Pearson on average ranks).</summary>
    Spearman,
}
