using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.NaiveBayes;

/// <summary>
/// Gaussian naive Bayes, as scikit-learn's GaussianNB: per class c and feature j a normal density with mean θ_cj
/// and variance σ²_cj + ε, where ε = var_smoothing · max_j Var(X_j) (population variance of the fitted batch);
/// log P(c | x) ∝ log π_c − ½ Σⱼ [log(2π σ²_cj) + (xⱼ − θ_cj)² / σ²_cj]. Class priors π are the (weighted) class
/// frequencies unless <see cref="Priors"/> fixes them. <see cref="PartialFit"/> and
/// <see cref="GaussianNBModel.PartialFit"/> learn from chunks with scikit-learn's incremental update of the
/// means and variances (Chan, Golub &amp; LeVeque).
/// </summary>
/// <remarks>Fit costs O(n · p); prediction O(n · p · classes).</remarks>
public sealed record GaussianNB : IClassifier
{
    /// <summary>Share of the largest feature variance added to every variance for stability. Default 1e-9.</summary>
    [Hyperparameter("share of the largest feature variance added to all variances for stability", Min = 0)]
    public double VarSmoothing { get; init; } = 1e-9;

    /// <summary>
    /// Fixed class prior probabilities in the order of the sorted classes (non-negative, summing to 1), or null
    /// (default) to use the class frequencies. Not a command-line parameter (it is a list).
    /// </summary>
    public IReadOnlyList<double>? Priors { get; init; }

    /// <summary>Validates, then fits a new model on all classes present in <paramref name="y"/>.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels, one per row; at least two classes must occur.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation.</param>
    /// <exception cref="InvalidHyperparameterException">Bad var_smoothing or priors.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights, one class.</exception>
    public GaussianNBModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        Check(x, y, sampleWeight);
        (context ?? FitContext.Default).ThrowIfCancellationRequested();
        var (classes, codes) = ClassCodes.Present(y, nameof(GaussianNB));
        var empty = GaussianNBModel.Empty(this, classes, y.Kind, x.Columns, CheckedPriors(classes.Length));
        return empty.Update(x, codes, sampleWeight);
    }

    /// <summary>
    /// Starts incremental learning: fits the first chunk for the full list of <paramref name="classes"/> (every
    /// class later chunks may hold, as scikit-learn's first <c>partial_fit</c> call). Continue with
    /// <see cref="GaussianNBModel.PartialFit"/>.
    /// </summary>
    /// <param name="x">First chunk of features, finite.</param>
    /// <param name="y">Its labels; each must be one of <paramref name="classes"/>.</param>
    /// <param name="classes">All classes, e.g. <c>new[] { 0, 1, 2 }</c> or names (sorted as labels are).</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    public GaussianNBModel PartialFit(Matrix x, ClassLabels y, ClassLabels classes, double[]? sampleWeight = null)
    {
        Hyperparameters.Validate(this);
        NaiveBayesInput.CheckPartialClasses(classes, nameof(GaussianNB));
        Check(x, y, sampleWeight);
        var empty = GaussianNBModel.Empty(this, classes.Classes.ToArray(), classes.Kind, x.Columns, CheckedPriors(classes.ClassCount));
        return empty.Update(x, NaiveBayesInput.Codes(y, empty.Classes, nameof(GaussianNB)), sampleWeight);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    internal static void Check(Matrix x, ClassLabels y, double[]? sampleWeight) =>
        NaiveBayesInput.Check(x, y, sampleWeight, nameof(GaussianNB));

    private double[]? CheckedPriors(int classes) => NaiveBayesInput.Priors(Priors, classes, nameof(GaussianNB), "priors");
}
