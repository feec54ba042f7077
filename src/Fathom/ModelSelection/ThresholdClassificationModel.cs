using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.ModelSelection;

/// <summary>
/// A fitted <see cref="ThresholdTuner"/>: a binary model that predicts the positive class when its probability is
/// at least <see cref="Threshold"/>. Probabilities are the inner model's. Immutable and thread-safe.
/// </summary>
public sealed class ThresholdClassificationModel : IClassificationModel
{
    private readonly double[] _thresholds;
    private readonly double[] _scores;

    internal ThresholdClassificationModel(ThresholdTuner estimator, IClassificationModel inner, int positiveIndex, double threshold,
        double bestScore, double[] thresholds, double[] scores)
    {
        Estimator = estimator;
        Inner = inner;
        PositiveIndex = positiveIndex;
        Threshold = threshold;
        BestScore = bestScore;
        _thresholds = thresholds;
        _scores = scores;
    }

    /// <summary>The settings used (after loading, <see cref="ThresholdTuner.Estimator"/> and <see cref="ThresholdTuner.Cv"/> are defaults).</summary>
    public ThresholdTuner Estimator { get; }

    /// <summary>The inner model, refitted on all rows.</summary>
    public IClassificationModel Inner { get; }

    /// <summary>Index into <see cref="Classes"/> of the positive class.</summary>
    public int PositiveIndex { get; }

    /// <summary>The tuned threshold on P(positive).</summary>
    public double Threshold { get; }

    /// <summary>Mean cross-validated score at <see cref="Threshold"/>.</summary>
    public double BestScore { get; }

    /// <summary>The candidate thresholds tried. A copy.</summary>
    public double[] CandidateThresholds => (double[])_thresholds.Clone();

    /// <summary>Mean cross-validated score of each candidate (before the recall constraint). A copy.</summary>
    public double[] CandidateScores => (double[])_scores.Clone();

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => Inner.Classes;

    /// <inheritdoc/>
    public LabelKind LabelKind => Inner.LabelKind;

    /// <inheritdoc/>
    public int FeatureCount => Inner.FeatureCount;

    /// <inheritdoc/>
    public string ModelKind => "threshold-classifier";

    /// <inheritdoc/>
    public Matrix PredictProba(Matrix x) => Inner.PredictProba(x);

    /// <summary>The positive class where P(positive) ≥ <see cref="Threshold"/>, else the other class.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public int[] PredictIndex(Matrix x)
    {
        var p = Inner.PredictProba(x);
        var idx = new int[p.Rows];
        for (int i = 0; i < idx.Length; i++) idx[i] = p[i, PositiveIndex] >= Threshold ? PositiveIndex : 1 - PositiveIndex;
        return idx;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Estimator);
        writer.WriteModel("inner", Inner);
        writer.WriteDoubles("threshold", [Threshold, BestScore]);
        writer.WriteInts("positive", [PositiveIndex]);
        writer.WriteDoubles("candidate_thresholds", _thresholds);
        writer.WriteDoubles("candidate_scores", _scores);
    }

    /// <summary>Reads a model written by <see cref="WriteTo"/>.</summary>
    internal static ThresholdClassificationModel ReadFrom(ModelReader reader)
    {
        var estimator = reader.ReadHyperparameters<ThresholdTuner>();
        var inner = reader.ReadModel("inner") as IClassificationModel;
        var t = reader.ReadDoubles("threshold", 2);
        int pos = reader.ReadInts("positive", 1)[0];
        var thresholds = reader.ReadDoubles("candidate_thresholds");
        var scores = reader.ReadDoubles("candidate_scores", thresholds.Length);
        if (inner is null || inner.Classes.Count != 2 || pos is < 0 or > 1 || double.IsNaN(t[0]))
            throw new ModelFormatException("The model file is damaged: the threshold classifier is not valid.");
        return new ThresholdClassificationModel(estimator, inner, pos, t[0], t[1], thresholds, scores);
    }
}
