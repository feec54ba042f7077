using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.NaiveBayes;

/// <summary>
/// What the fitted discrete naive Bayes models share (<see cref="MultinomialNBModel"/>, <see cref="BernoulliNBModel"/>,
/// <see cref="ComplementNBModel"/>): the weighted per-class feature counts and class counts they were learned from,
/// the smoothed log probabilities derived from them, and prediction through the joint log likelihood. The counts
/// are sufficient statistics, so learning from chunks (<c>PartialFit</c>) equals one fit on all the rows.
/// Immutable and thread-safe.
/// </summary>
public abstract class DiscreteNaiveBayesModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly Matrix _featureCount;
    private readonly double[] _classCount;
    private readonly double[] _classLogPrior;
    private readonly Matrix _featureLogProb;

    /// <summary>Builds the model from its counts and the probabilities derived from them.</summary>
    private protected DiscreteNaiveBayesModel(string[] classes, LabelKind kind, Matrix featureCount, double[] classCount,
        double[] classLogPrior, Matrix featureLogProb)
    {
        _classes = classes;
        LabelKind = kind;
        _featureCount = featureCount;
        _classCount = classCount;
        _classLogPrior = classLogPrior;
        _featureLogProb = featureLogProb;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _featureCount.Columns;

    /// <inheritdoc/>
    public abstract string ModelKind { get; }

    /// <summary>Weighted number of training rows of each class (scikit-learn's <c>class_count_</c>).</summary>
    public IReadOnlyList<double> ClassCount => new ReadOnlyCollection<double>(_classCount);

    /// <summary>Weighted sum of each feature over each class's rows, classes × features (<c>feature_count_</c>), as a copy.</summary>
    public Matrix FeatureCounts => _featureCount.Clone();

    /// <summary>Log prior of each class (<c>class_log_prior_</c>).</summary>
    public IReadOnlyList<double> ClassLogPrior => new ReadOnlyCollection<double>(_classLogPrior);

    /// <summary>Smoothed log probability (or weight) of each feature per class, classes × features (<c>feature_log_prob_</c>), as a copy.</summary>
    public Matrix FeatureLogProb => _featureLogProb.Clone();

    private protected Matrix FeatureLogProbView => _featureLogProb;

    private protected ReadOnlySpan<double> ClassLogPriorView => _classLogPrior;

    private protected string[] ClassArray => _classes;

    /// <summary>
    /// The counts after one more chunk: checks it (feature count, labels among <see cref="Classes"/>, and
    /// non-negativity when <paramref name="nonNegative"/>), then adds its weighted counts to this model's.
    /// </summary>
    private protected (Matrix FeatureCount, double[] ClassCount) AccumulateChunk(Matrix x, ClassLabels y, double[]? sampleWeight,
        string estimator, bool nonNegative)
    {
        NaiveBayesInput.Check(x, y, sampleWeight, estimator);
        InputChecks.FeatureCount(x, FeatureCount, GetType().Name);
        if (nonNegative) NaiveBayesInput.NonNegative(x, estimator);
        var codes = NaiveBayesInput.Codes(y, _classes, estimator);
        return DiscreteNaiveBayesFit.Accumulate(x, codes, sampleWeight, _featureCount, _classCount);
    }

    /// <summary>Unnormalized log posterior of each class (n × classes). O(n · p · classes) through GEMM.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix JointLogLikelihood(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, GetType().Name);
        InputChecks.Finite(x, GetType().Name);
        return ComputeJointLogLikelihood(x);
    }

    /// <summary>The joint log likelihood of checked rows.</summary>
    private protected abstract Matrix ComputeJointLogLikelihood(Matrix x);

    /// <summary>Log class probabilities: the joint log likelihood minus its log-sum-exp per row.</summary>
    public Matrix PredictLogProba(Matrix x)
    {
        var jll = JointLogLikelihood(x);
        Reductions.LogSoftmaxRows(jll);
        return jll;
    }

    /// <summary>Class probabilities (n × classes), rows summing to 1.</summary>
    public Matrix PredictProba(Matrix x)
    {
        var jll = JointLogLikelihood(x);
        Reductions.SoftmaxRows(jll);
        return jll;
    }

    /// <summary>Index of the class with the largest joint log likelihood (ties to the lower index).</summary>
    public int[] PredictIndex(Matrix x) => Reductions.RowArgMax(JointLogLikelihood(x));

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x) => PredictIndex(x).Select(i => _classes[i]).ToArray();

    /// <inheritdoc/>
    public abstract void WriteTo(ModelWriter writer);

    /// <summary>Writes the classes, counts and fixed priors (the derived probabilities are recomputed on reading).</summary>
    private protected void WriteCounts(ModelWriter writer, IReadOnlyList<double>? classPrior)
    {
        writer.SetProperty("has_class_prior", classPrior is not null);
        if (classPrior is not null) writer.WriteDoubles("class_prior", classPrior.ToArray());
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteDoubles("class_count", _classCount);
        writer.WriteMatrix("feature_count", _featureCount);
    }

    /// <summary>Reads what <see cref="WriteCounts"/> wrote, checking the shapes agree.</summary>
    private protected static (string[] Classes, LabelKind Kind, Matrix FeatureCount, double[] ClassCount, double[]? ClassPrior) ReadCounts(ModelReader reader, string kind)
    {
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException($"The model file is damaged: a {kind} model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var labelKind))
            throw new ModelFormatException($"The model file is damaged: the label kind of a {kind} model is not valid.");
        var featureCount = reader.ReadMatrix("feature_count");
        if (featureCount.Rows != classes.Length || featureCount.Columns < 1)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: a {kind} model with {classes.Length} classes has feature counts {featureCount.Rows} x {featureCount.Columns}."));
        var prior = reader.GetBool("has_class_prior") ? reader.ReadDoubles("class_prior", classes.Length) : null;
        return (classes.Select(c => c!).ToArray(), labelKind, featureCount, reader.ReadDoubles("class_count", classes.Length), prior);
    }
}
