namespace Fathom.Ensemble;

/// <summary>How <see cref="VotingClassifier"/> combines its members (scikit-learn's <c>voting</c>).</summary>
public enum VotingMode
{
    /// <summary>Each member votes for its predicted class with its weight; the class of largest total wins (lowest
    /// class index on ties). scikit-learn's default.</summary>
    Hard,

    /// <summary>The weighted mean of the members' class probabilities; its largest entry wins.</summary>
    Soft,
}
