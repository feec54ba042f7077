namespace Fathom.Linear;

/// <summary>How <see cref="LogisticRegression"/> handles three or more classes (scikit-learn 1.2's <c>multi_class</c>).</summary>
public enum LogisticMultiClass
{
    /// <summary>Binary model for two classes, multinomial (softmax) for more.</summary>
    Auto,

    /// <summary>One-vs-rest: one binary model per class (class c against all others); probabilities are the
    /// per-class sigmoids normalized to sum to 1.</summary>
    Ovr,

    /// <summary>One softmax model over all classes. With two classes the symmetric two-row softmax is fitted and
    /// stored as its second row w (so probabilities are σ(2·z)), as scikit-learn.</summary>
    Multinomial,
}
