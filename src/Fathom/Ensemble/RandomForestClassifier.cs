using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Ensemble;

/// <summary>
/// A random forest of CART classification trees (scikit-learn 1.2's <c>RandomForestClassifier</c>): each tree is
/// grown fully (by default) on a bootstrap sample of the rows, drawing <see cref="Trees.TreeEstimator.MaxFeatures"/> candidate
/// features at every node; the forest's probabilities are the mean of the trees' leaf class fractions.
/// </summary>
/// <remarks>Splits are the best threshold among the drawn features, as a decision tree's. Hyperparameters, threading and
/// determinism: see <see cref="ForestClassifier"/>.</remarks>
public sealed record RandomForestClassifier : ForestClassifier, IClassifier
{
    /// <summary>scikit-learn's defaults: 100 trees, sqrt features per node, bootstrap samples.</summary>
    public RandomForestClassifier() : base(bootstrap: true) { }

    /// <summary>Validates, then grows the forest.</summary>
    /// <param name="x">Features (n × p), finite or NaN (missing).</param>
    /// <param name="y">Class labels; classes without a row are dropped.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies the bootstrap counts).</param>
    /// <param name="context">Cancellation, progress (stage "trees") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range, or oob_score without bootstrap.</exception>
    /// <exception cref="InvalidInputException">Empty data, infinity, length mismatch, bad weights, a single class.</exception>
    public RandomForestClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        var (classes, trees, oob) = FitForest(x, y, sampleWeight, context, randomSplits: false);
        return new RandomForestClassificationModel(this, classes, y.Kind, trees, x.Columns, oob);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
