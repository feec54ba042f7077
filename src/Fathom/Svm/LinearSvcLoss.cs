namespace Fathom.Svm;

/// <summary>Loss of <see cref="LinearSVC"/> (scikit-learn's <c>loss</c>).</summary>
public enum LinearSvcLoss
{
    /// <summary>max(0, 1 − y·f)² (the default).</summary>
    SquaredHinge,

    /// <summary>max(0, 1 − y·f), the standard SVM loss.</summary>
    Hinge,
}
