namespace Fathom.Metrics;

/// <summary>How per-class scores are combined into one number (scikit-learn's <c>average=</c>).</summary>
public enum Averaging
{
    /// <summary>Only the positive class's score (two-class problems).</summary>
    Binary,

    /// <summary>Pool the true/false positives and negatives of all classes, then compute the score once.</summary>
    Micro,

    /// <summary>Unweighted mean of the per-class scores.</summary>
    Macro,

    /// <summary>Mean of the per-class scores weighted by each class's (weighted) number of true rows.</summary>
    Weighted,
}
