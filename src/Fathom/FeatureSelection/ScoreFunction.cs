namespace Fathom.FeatureSelection;

/// <summary>The univariate test <see cref="SelectKBest"/> and <see cref="SelectPercentile"/> score features with.</summary>
public enum ScoreFunction
{
    /// <summary>One-way ANOVA F between the classes (classification; scikit-learn's <c>f_classif</c>).</summary>
    FClassif,

    /// <summary>F test of the correlation with a numeric target (regression; <c>f_regression</c>).</summary>
    FRegression,

    /// <summary>χ² of non-negative features against the classes (classification; <c>chi2</c>).</summary>
    Chi2,

    /// <summary>k-NN mutual information with the classes (<c>mutual_info_classif</c>, k = 3; no p-values).</summary>
    MutualInfoClassif,

    /// <summary>k-NN mutual information with a numeric target (<c>mutual_info_regression</c>, k = 3; no p-values).</summary>
    MutualInfoRegression,
}
