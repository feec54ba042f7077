using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Ensemble;

/// <summary>
/// Extremely randomized trees for classification (scikit-learn 1.2's <c>ExtraTreesClassifier</c>): like a random
/// forest, but every candidate feature of a node gets one threshold drawn uniformly between its smallest and largest
/// value in the node, and by default each tree sees all rows (no bootstrap). Probabilities are the mean of the
/// trees' leaf class fractions.
/// </summary>
/// <remarks>Thresholds are drawn from float32 feature values, as scikit-learn. Hyperparameters, threading and
/// determinism: see <see cref="ForestClassifier"/>.</remarks>
public sealed record ExtraTreesClassifier : ForestClassifier, IClassifier
{
    /// <summary>scikit-learn's defaults: 100 trees, sqrt features per node, no bootstrap (every tree sees all rows).</summary>
    public ExtraTreesClassifier() : base(bootstrap: false) { }

    /// <summary>Validates, then grows the forest.</summary>
    /// <param name="x">Features (n × p), finite or NaN (missing).</param>
    /// <param name="y">Class labels; classes without a row are dropped.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies the bootstrap counts).</param>
    /// <param name="context">Cancellation, progress (stage "trees") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range, or oob_score without bootstrap.</exception>
    /// <exception cref="InvalidInputException">Empty data, infinity, length mismatch, bad weights, a single class.</exception>
    public ExtraTreesClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        var (classes, trees, oob) = FitForest(x, y, sampleWeight, context, randomSplits: true);
        return new ExtraTreesClassificationModel(this, classes, y.Kind, trees, x.Columns, oob);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
