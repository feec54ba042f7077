using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.NaiveBayes;

/// <summary>
/// Bernoulli naive Bayes for binary features (word presence), as scikit-learn's BernoulliNB: features are first
/// binarized (xⱼ &gt; <see cref="Binarize"/> → 1, else 0); per class c, p_cj = (N_cj + α) / (N_c + 2α) with N_cj the
/// weighted count of class-c rows where feature j is 1; log P(c | x) ∝ log π_c + Σⱼ [xⱼ log p_cj + (1 − xⱼ) log(1 − p_cj)],
/// so an absent feature counts as evidence too (unlike the multinomial model).
/// </summary>
/// <remarks>Fit O(n · p · classes) (one GEMM); prediction the same.</remarks>
public sealed record BernoulliNB : IClassifier
{
    /// <summary>Additive smoothing α; values below 1e-10 are raised to 1e-10 as scikit-learn 1.2 does. Default 1.</summary>
    [Hyperparameter("additive (Laplace/Lidstone) smoothing", Min = 0)]
    public double Alpha { get; init; } = 1.0;

    /// <summary>Threshold: values above it become 1, others 0; null when the features are already 0/1. Default 0.</summary>
    [Hyperparameter("threshold for turning features into 0/1 (values above it become 1)", NullMeans = "features are already 0/1")]
    public double? Binarize { get; init; } = 0.0;

    /// <summary>Learn class priors from the class frequencies (true, default) or use uniform priors.</summary>
    [Hyperparameter("learn class priors from the data (else uniform)")]
    public bool FitPrior { get; init; } = true;

    /// <summary>Fixed class priors in sorted class order (summing to 1), or null. Not a command-line parameter.</summary>
    public IReadOnlyList<double>? ClassPrior { get; init; }

    /// <summary>Validates, then fits a new model on the classes present in <paramref name="y"/>.</summary>
    /// <exception cref="InvalidInputException">Empty data, NaN, length mismatch, one class.</exception>
    public BernoulliNBModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (classes, codes) = DiscreteNaiveBayesFit.Prepare(x, y, sampleWeight, nameof(BernoulliNB), nonNegative: false);
        (context ?? FitContext.Default).ThrowIfCancellationRequested();
        var (fc0, cc0) = DiscreteNaiveBayesFit.Empty(classes.Length, x.Columns);
        var (fc, cc) = DiscreteNaiveBayesFit.Accumulate(BinarizeRows(x), codes, sampleWeight, fc0, cc0);
        return BernoulliNBModel.FromCounts(this, classes, y.Kind, fc, cc);
    }

    /// <summary>Starts incremental learning with the list of every class; continue with <see cref="BernoulliNBModel.PartialFit"/>.</summary>
    public BernoulliNBModel PartialFit(Matrix x, ClassLabels y, ClassLabels classes, double[]? sampleWeight = null)
    {
        Hyperparameters.Validate(this);
        NaiveBayesInput.CheckPartialClasses(classes, nameof(BernoulliNB));
        var all = classes.Classes.ToArray();
        var (fc, cc) = DiscreteNaiveBayesFit.Empty(all.Length, x.Columns);
        return BernoulliNBModel.FromCounts(this, all, classes.Kind, fc, cc).PartialFit(x, y, sampleWeight);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);

    /// <summary>The rows with each value replaced by 1 when above <see cref="Binarize"/>, else 0 (the same rows when null).</summary>
    internal Matrix BinarizeRows(Matrix x)
    {
        if (Binarize is not { } threshold) return x;
        var b = new Matrix(x.Rows, x.Columns);
        var src = x.AsSpan();
        var dst = b.AsSpan();
        for (int i = 0; i < src.Length; i++) dst[i] = src[i] > threshold ? 1.0 : 0.0;
        return b;
    }
}
