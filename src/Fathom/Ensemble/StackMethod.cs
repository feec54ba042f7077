namespace Fathom.Ensemble;

/// <summary>What a <see cref="StackingClassifier"/> member contributes to the final estimator's input (scikit-learn's
/// <c>stack_method</c>).</summary>
public enum StackMethod
{
    /// <summary>Class probabilities (every Fathom classifier has them; scikit-learn's auto picks predict_proba first).
    /// With two classes only the second class's column is kept (the two are collinear), as scikit-learn.</summary>
    Auto,

    /// <summary>Same as <see cref="Auto"/>: the class probabilities.</summary>
    PredictProba,

    /// <summary>The predicted class index (one column per member).</summary>
    Predict,
}
