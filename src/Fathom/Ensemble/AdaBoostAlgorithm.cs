namespace Fathom.Ensemble;

/// <summary>The boosting rule of <see cref="AdaBoostClassifier"/> (scikit-learn 1.2's <c>algorithm</c>).</summary>
public enum AdaBoostAlgorithm
{
    /// <summary>SAMME.R (real AdaBoost, Zhu et al. 2009): each tree contributes (K−1)(log p − mean log p) of its
    /// leaf probabilities and re-weights rows by exp(−lr·(K−1)/K · yᵀ log p). scikit-learn 1.2's default.</summary>
    SammeR,

    /// <summary>SAMME (discrete multi-class AdaBoost): tree m votes for its class with weight
    /// α_m = lr·(log((1−err)/err) + log(K−1)); misclassified rows are multiplied by exp(α_m).</summary>
    Samme,
}
