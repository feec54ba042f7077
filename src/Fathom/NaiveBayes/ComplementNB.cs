using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.NaiveBayes;

/// <summary>
/// Complement naive Bayes (Rennie et al. 2003), as scikit-learn's ComplementNB, suited to imbalanced text data:
/// each class is described by the counts of all <em>other</em> classes, θ̃_cj = (Σ_{c'≠c} N_c'j + α) / Σⱼ(…), the
/// weights are w_cj = −log θ̃_cj (normalized by Σⱼ log θ̃_cj when <see cref="Norm"/>), and a row goes to the class
/// with the largest Σⱼ xⱼ w_cj. Class priors do not enter the prediction (as in scikit-learn, for two or more classes).
/// </summary>
/// <remarks>Fit O(n · p · classes) (one GEMM); prediction the same. Features must be non-negative.</remarks>
public sealed record ComplementNB : IClassifier
{
    /// <summary>Additive smoothing α; values below 1e-10 are raised to 1e-10 as scikit-learn 1.2 does. Default 1.</summary>
    [Hyperparameter("additive (Laplace/Lidstone) smoothing", Min = 0)]
    public double Alpha { get; init; } = 1.0;

    /// <summary>Only used for the stored class log prior (scikit-learn's <c>fit_prior</c>; default false).</summary>
    [Hyperparameter("learn class priors from the data (stored only; priors do not change predictions)")]
    public bool FitPrior { get; init; }

    /// <summary>Second normalization of the weights (scikit-learn's <c>norm</c>). Default false.</summary>
    [Hyperparameter("normalize the weights a second time (Rennie et al.'s weight normalization)")]
    public bool Norm { get; init; }

    /// <summary>Fixed class priors in sorted class order (summing to 1), or null; stored only. Not a command-line parameter.</summary>
    public IReadOnlyList<double>? ClassPrior { get; init; }

    /// <summary>Takes sample weights; needs non-negative features (the command line leaves numeric columns unscaled).</summary>
    public EstimatorTags Tags => new() { RequiresNonNegativeFeatures = true };

    /// <summary>Validates, then fits a new model on the classes present in <paramref name="y"/>.</summary>
    /// <exception cref="InvalidInputException">Empty data, NaN, negative values (row and column named), length mismatch, one class.</exception>
    public ComplementNBModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (classes, codes) = DiscreteNaiveBayesFit.Prepare(x, y, sampleWeight, nameof(ComplementNB), nonNegative: true);
        (context ?? FitContext.Default).ThrowIfCancellationRequested();
        var (fc0, cc0) = DiscreteNaiveBayesFit.Empty(classes.Length, x.Columns);
        var (fc, cc) = DiscreteNaiveBayesFit.Accumulate(x, codes, sampleWeight, fc0, cc0);
        return ComplementNBModel.FromCounts(this, classes, y.Kind, fc, cc);
    }

    /// <summary>Starts incremental learning with the list of every class; continue with <see cref="ComplementNBModel.PartialFit"/>.</summary>
    public ComplementNBModel PartialFit(Matrix x, ClassLabels y, ClassLabels classes, double[]? sampleWeight = null)
    {
        Hyperparameters.Validate(this);
        NaiveBayesInput.CheckPartialClasses(classes, nameof(ComplementNB));
        var all = classes.Classes.ToArray();
        var (fc, cc) = DiscreteNaiveBayesFit.Empty(all.Length, x.Columns);
        return ComplementNBModel.FromCounts(this, all, classes.Kind, fc, cc).PartialFit(x, y, sampleWeight);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);
}
