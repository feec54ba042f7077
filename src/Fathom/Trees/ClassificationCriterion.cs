namespace Fathom.Trees;

/// <summary>How a classification tree measures the impurity of a node (scikit-learn's <c>criterion</c>).</summary>
public enum ClassificationCriterion
{
    /// <summary>Gini impurity 1 − Σₖ pₖ², pₖ the weighted fraction of class k in the node. scikit-learn's default.</summary>
    Gini,

    /// <summary>Shannon entropy −Σₖ pₖ log₂ pₖ (in bits, as scikit-learn).</summary>
    Entropy,

    /// <summary>Alias of <see cref="Entropy"/> (scikit-learn's <c>log_loss</c>); identical trees.</summary>
    LogLoss,
}
