using Fathom.Numerics;

namespace Fathom.Core;

/// <summary>
/// A fitted outlier detector, with scikit-learn's conventions: <see cref="ScoreSamples"/> is higher for more normal
/// rows; <see cref="DecisionFunction"/> = score − <see cref="Offset"/> is negative for outliers; <see cref="Predict"/>
/// gives −1 for outliers and +1 for inliers.
/// </summary>
public interface IOutlierModel : IModel
{
    /// <summary>The threshold on <see cref="ScoreSamples"/> below which a row is an outlier (scikit-learn's <c>offset_</c>).</summary>
    double Offset { get; }

    /// <summary>Normality score of each row: the lower, the more abnormal.</summary>
    double[] ScoreSamples(Matrix x);

    /// <summary><see cref="ScoreSamples"/> minus <see cref="Offset"/>: negative for outliers.</summary>
    double[] DecisionFunction(Matrix x);

    /// <summary>−1 for outliers (decision &lt; 0), +1 for inliers.</summary>
    int[] Predict(Matrix x);

    /// <summary>
    /// The scores of the training rows as the detector judges them at fit time (scikit-learn's <c>fit_predict</c>
    /// basis): for most detectors <see cref="ScoreSamples"/> of the training data; for local outlier factor, the
    /// leave-self-out <c>negative_outlier_factor_</c>. Null when the model did not keep them.
    /// </summary>
    IReadOnlyList<double>? TrainingScores => null;
}
