namespace Fathom.Svm;

/// <summary>Loss of <see cref="LinearSVR"/> (scikit-learn's <c>loss</c>).</summary>
public enum LinearSvrLoss
{
    /// <summary>max(0, |y − f| − ε) (the default).</summary>
    EpsilonInsensitive,

    /// <summary>max(0, |y − f| − ε)².</summary>
    SquaredEpsilonInsensitive,
}
