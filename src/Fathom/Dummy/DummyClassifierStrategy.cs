namespace Fathom.Dummy;

/// <summary>How a <see cref="DummyClassifier"/> predicts, ignoring the features (scikit-learn's <c>strategy</c>).</summary>
public enum DummyClassifierStrategy
{
    /// <summary>Predicts the most frequent (largest total weight) class; probabilities are the class
    /// frequencies seen in training. scikit-learn's default.</summary>
    Prior,

    /// <summary>Predicts the most frequent class; probabilities are 1 for it and 0 for the others.</summary>
    MostFrequent,

    /// <summary>Draws each prediction at random from the training class frequencies; probabilities are
    /// one-hot vectors of the drawn class.</summary>
    Stratified,

    /// <summary>Draws each prediction uniformly at random among the classes; probabilities are 1/k.</summary>
    Uniform,

    /// <summary>Always predicts <see cref="DummyClassifier.Constant"/>, which must be one of the training classes.</summary>
    Constant,
}
