using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.NaiveBayes;

/// <summary>
/// Multinomial naive Bayes for counts (word counts, tf-idf), as scikit-learn's MultinomialNB: per class c the
/// smoothed feature probabilities θ_cj = (N_cj + α) / (N_c + α·p), with N_cj the weighted sum of feature j over the
/// rows of class c; log P(c | x) ∝ log π_c + Σⱼ xⱼ log θ_cj.
/// </summary>
/// <remarks>Fit O(n · p · classes) (one GEMM); prediction the same. Features must be non-negative.</remarks>
public sealed record MultinomialNB : IClassifier
{
    /// <summary>Additive (Laplace/Lidstone) smoothing α; values below 1e-10 are raised to 1e-10 as scikit-learn 1.2 does. Default 1.</summary>
    [Hyperparameter("additive (Laplace/Lidstone) smoothing", Min = 0)]
    public double Alpha { get; init; } = 1.0;

    /// <summary>Learn class priors from the class frequencies (true, default) or use uniform priors.</summary>
    [Hyperparameter("learn class priors from the data (else uniform)")]
    public bool FitPrior { get; init; } = true;

    /// <summary>Fixed class priors in sorted class order (summing to 1), or null. Not a command-line parameter.</summary>
    public IReadOnlyList<double>? ClassPrior { get; init; }

    /// <summary>Takes sample weights; needs non-negative features (the command line leaves numeric columns unscaled).</summary>
    public EstimatorTags Tags => new() { RequiresNonNegativeFeatures = true };

    /// <summary>Validates, then fits a new model on the classes present in <paramref name="y"/>.</summary>
    /// <exception cref="InvalidInputException">Empty data, NaN, negative values (row and column named), length mismatch, one class.</exception>
    public MultinomialNBModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (classes, codes) = DiscreteNaiveBayesFit.Prepare(x, y, sampleWeight, nameof(MultinomialNB), nonNegative: true);
        (context ?? FitContext.Default).ThrowIfCancellationRequested();
        var (fc0, cc0) = DiscreteNaiveBayesFit.Empty(classes.Length, x.Columns);
        var (fc, cc) = DiscreteNaiveBayesFit.Accumulate(x, codes, sampleWeight, fc0, cc0);
        return MultinomialNBModel.FromCounts(this, classes, y.Kind, fc, cc);
    }

    /// <summary>Starts incremental learning with the list of every class (as scikit-learn's first <c>partial_fit</c>); continue with <see cref="MultinomialNBModel.PartialFit"/>.</summary>
    public MultinomialNBModel PartialFit(Matrix x, ClassLabels y, ClassLabels classes, double[]? sampleWeight = null)
    {
        Hyperparameters.Validate(this);
        NaiveBayesInput.CheckPartialClasses(classes, nameof(MultinomialNB));
        var all = classes.Classes.ToArray();
        var (fc, cc) = DiscreteNaiveBayesFit.Empty(all.Length, x.Columns);
        return MultinomialNBModel.FromCounts(this, all, classes.Kind, fc, cc).PartialFit(x, y, sampleWeight);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);
}
