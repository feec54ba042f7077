namespace Fathom.Linear;

/// <summary>The loss of <see cref="SGDClassifier"/> (scikit-learn's <c>loss</c>), on labels y ∈ {−1, +1} and the score p.</summary>
public enum SgdClassifierLoss
{
    /// <summary>max(0, 1 − y·p): a linear support vector machine.</summary>
    Hinge,

    /// <summary>log(1 + e^{−y·p}): logistic regression (probabilities are the per-class sigmoids).</summary>
    LogLoss,

    /// <summary>(1 − y·p)² clipped at 0 when y·p ≥ 1, −4·y·p when y·p &lt; −1: smooth, tolerant to outliers, gives probabilities.</summary>
    ModifiedHuber,

    /// <summary>max(0, 1 − y·p)².</summary>
    SquaredHinge,

    /// <summary>max(0, −y·p): the perceptron's loss (hinge with threshold 0).</summary>
    Perceptron,
}
