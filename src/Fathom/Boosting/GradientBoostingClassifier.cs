using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Boosting;

/// <summary>
/// Histogram gradient boosting for classification (scikit-learn 1.2's <c>HistGradientBoostingClassifier</c>): the
/// features are binned once into at most <see cref="GradientBoostingEstimator.MaxBins"/> quantile bins plus a bin for missing values, then
/// each iteration grows one regression tree (one per class with more than two classes) leaf-wise on the gradients
/// and hessians of the log-loss (binary: sigmoid; multiclass: softmax).
/// </summary>
/// <remarks>
/// <para>Defaults are scikit-learn's except <see cref="GradientBoostingEstimator.EarlyStopping"/>, which is off (scikit-learn's "auto" turns
/// it on above 10,000 rows); turn it on to hold out <see cref="GradientBoostingEstimator.ValidationFraction"/> of the rows and stop when
/// the validation loss stalls.</para>
/// <para>Missing values (NaN) are allowed: at each split they go to the side that gains more (learned); when a
/// feature had no missing value in training, they follow the child with more rows.</para>
/// <para>Cost: binning O(n·p·log bins) once, then per tree O(n·p) for the root histogram plus the smaller child
/// of each split (the larger is parent − smaller). Features are processed in parallel on up to
/// <see cref="FitContext.ThreadCount"/> threads; the model is bit-identical whatever the thread count.</para>
/// </remarks>
public sealed record GradientBoostingClassifier : GradientBoostingEstimator, IClassifier
{
    /// <summary>Validates, then boosts.</summary>
    /// <param name="x">Features (n × p); NaN marks a missing value.</param>
    /// <param name="y">Class labels; classes without a row are dropped.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (scales gradients and hessians; min_samples_leaf counts rows).</param>
    /// <param name="context">Cancellation, progress (stage "iterations") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, length mismatch, bad weights, a single class.</exception>
    public GradientBoostingClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(GradientBoostingClassifier);
        ArgumentNullException.ThrowIfNull(y);
        BoostingInput.CheckFit(x, y.Count, sampleWeight, who);
        context ??= FitContext.Default;
        var (classes, codes) = ClassCodes.Present(y, who);
        IBoostingLoss loss = classes.Length == 2 ? new BinaryLogLoss() : new MultinomialLoss(classes.Length);
        var settings = Settings(x, classes.Length, who);
        var ensemble = BoostingCore.Fit(x, Array.ConvertAll(codes, c => (double)c), sampleWeight, loss, settings, classes.Length, context, who);
        return new GradientBoostingClassificationModel(this, classes, y.Kind, ensemble);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
