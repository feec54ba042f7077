namespace Fathom.Svm;

/// <summary>Shape of a multiclass <see cref="SVCModel.DecisionFunction"/> (scikit-learn's <c>decision_function_shape</c>).</summary>
public enum SvmDecisionShape
{
    /// <summary>One column per class: one-vs-one votes plus a confidence in (−⅓, ⅓) that breaks ties (the default).</summary>
    Ovr,

    /// <summary>One column per pair of classes (a, b), a &lt; b, in order (0,1), (0,2), …; positive favours a.</summary>
    Ovo,
}
