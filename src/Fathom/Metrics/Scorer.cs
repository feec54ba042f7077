using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Metrics;

/// <summary>
/// A named metric the command line, cross-validation and searches can call without knowing which one it is
/// (scikit-learn's scorers). The value is the metric itself (a loss stays positive); use
/// <see cref="GreaterIsBetter"/> to compare.
/// </summary>
public sealed class Scorer
{
    private readonly Func<IReadOnlyList<string>, IReadOnlyList<string>?, Matrix?, IReadOnlyList<string>, double[]?, double>? _classify;
    private readonly Func<IReadOnlyList<double>, IReadOnlyList<double>, double[]?, double>? _regress;

    internal Scorer(string name, bool greaterIsBetter, bool needsProbabilities,
        Func<IReadOnlyList<string>, IReadOnlyList<string>?, Matrix?, IReadOnlyList<string>, double[]?, double> classify)
    {
        Name = name;
        GreaterIsBetter = greaterIsBetter;
        NeedsProbabilities = needsProbabilities;
        Task = ScorerTask.Classification;
        _classify = classify;
    }

    internal Scorer(string name, bool greaterIsBetter, Func<IReadOnlyList<double>, IReadOnlyList<double>, double[]?, double> regress)
    {
        Name = name;
        GreaterIsBetter = greaterIsBetter;
        Task = ScorerTask.Regression;
        _regress = regress;
    }

    /// <summary>snake_case name, e.g. <c>f1_macro</c>.</summary>
    public string Name { get; }

    /// <summary>True for scores (accuracy, r2), false for losses and errors (log_loss, rmse, mae).</summary>
    public bool GreaterIsBetter { get; }

    /// <summary>Classification or regression.</summary>
    public ScorerTask Task { get; }

    /// <summary>True when the scorer reads class probabilities (log_loss, roc_auc) rather than predicted labels.</summary>
    public bool NeedsProbabilities { get; }

    /// <summary>
    /// Scores a classification result. <paramref name="predicted"/> is needed by label scorers,
    /// <paramref name="probabilities"/> (columns in the order of <paramref name="classes"/>) by probability scorers;
    /// the other may be null.
    /// </summary>
    /// <exception cref="InvalidOperationException">This is a regression scorer, or the input it needs is null.</exception>
    public double Score(IReadOnlyList<string> yTrue, IReadOnlyList<string>? predicted, Matrix? probabilities,
        IReadOnlyList<string> classes, double[]? sampleWeight = null)
    {
        if (_classify is null) throw new InvalidOperationException($"Scorer '{Name}' scores regressions, not classifications.");
        if (NeedsProbabilities && probabilities is null) throw new InvalidOperationException($"Scorer '{Name}' needs class probabilities.");
        if (!NeedsProbabilities && predicted is null) throw new InvalidOperationException($"Scorer '{Name}' needs predicted labels.");
        return _classify(yTrue, predicted, probabilities, classes, sampleWeight);
    }

    /// <summary>Scores a regression result.</summary>
    /// <exception cref="InvalidOperationException">This is a classification scorer.</exception>
    public double Score(IReadOnlyList<double> yTrue, IReadOnlyList<double> predicted, double[]? sampleWeight = null)
    {
        if (_regress is null) throw new InvalidOperationException($"Scorer '{Name}' scores classifications, not regressions.");
        return _regress(yTrue, predicted, sampleWeight);
    }

    /// <summary>Predicts <paramref name="x"/> with <paramref name="model"/> (labels or probabilities, as needed) and scores against <paramref name="yTrue"/>.</summary>
    public double Score(IClassificationModel model, Matrix x, IReadOnlyList<string> yTrue, double[]? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return NeedsProbabilities
            ? Score(yTrue, null, model.PredictProba(x), model.Classes, sampleWeight)
            : Score(yTrue, model.Predict(x), null, model.Classes, sampleWeight);
    }

    /// <summary>Predicts <paramref name="x"/> with <paramref name="model"/> and scores against <paramref name="yTrue"/>.</summary>
    public double Score(IRegressionModel model, Matrix x, IReadOnlyList<double> yTrue, double[]? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Score(yTrue, model.Predict(x), sampleWeight);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
