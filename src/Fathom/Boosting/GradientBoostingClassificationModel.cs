using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Boosting;

/// <summary>A fitted <see cref="GradientBoostingClassifier"/>: baseline, trees, classes and gain importances.
/// Immutable and thread-safe. Prediction cost O(iterations · K · depth) per row; rows in parallel.</summary>
public sealed class GradientBoostingClassificationModel : IClassificationModel, IFeatureImportanceModel
{
    private readonly string[] _classes;
    private readonly BoostedEnsemble _ensemble;

    /// <summary>The fitted trees (for tests and tools inside the library).</summary>
    internal BoostedEnsemble Ensemble => _ensemble;
    private readonly double[] _importances;

    internal GradientBoostingClassificationModel(GradientBoostingClassifier parameters, string[] classes, LabelKind labelKind, BoostedEnsemble ensemble)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        _ensemble = ensemble;
        _importances = ensemble.Importances();
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public GradientBoostingClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _ensemble.FeatureCount;

    /// <inheritdoc/>
    public string ModelKind => "gradient-boosting";

    /// <summary>Boosting iterations done (scikit-learn's <c>n_iter_</c>; fewer than max_iter after early stopping).</summary>
    public int Iterations => _ensemble.Iterations;

    /// <summary>Number of trees: iterations × (1 for two classes, else the class count).</summary>
    public int TreeCount => _ensemble.Trees.Length;

    /// <summary>Raw prediction before any tree (log-odds of the prior, or centred log-priors per class).</summary>
    public IReadOnlyList<double> Baseline => new ReadOnlyCollection<double>(_ensemble.Baseline);

    /// <summary>Total split gain of each feature over all trees, normalized to sum 1 (all zero if no tree split).</summary>
    public IReadOnlyList<double> FeatureImportances => new ReadOnlyCollection<double>(_importances);

    /// <summary>Validation scores (−loss) at the baseline and after each iteration; empty without early stopping.</summary>
    public IReadOnlyList<double> ValidationScores => _ensemble.ValidationScores ?? [];

    /// <summary>Number of leaves of each tree, in fitting order.</summary>
    public IReadOnlyList<int> LeafCounts => _ensemble.Trees.Select(t => t.LeafCount).ToArray();

    /// <summary>Raw scores: n × 1 log-odds of the second class for two classes, else n × K softmax inputs.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public Matrix DecisionFunction(Matrix x)
    {
        BoostingInput.CheckPredict(x, FeatureCount, nameof(GradientBoostingClassificationModel));
        return _ensemble.Raw(x, _ensemble.Iterations);
    }

    /// <summary>Class probabilities (sigmoid or softmax of the raw scores), one column per class.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public Matrix PredictProba(Matrix x) => Probabilities(DecisionFunction(x));

    /// <summary>Index of the most probable class of each row (first one on ties).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public int[] PredictIndex(Matrix x) => Reductions.RowArgMax(PredictProba(x));

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public string[] Predict(Matrix x) => Array.ConvertAll(PredictIndex(x), i => _classes[i]);

    /// <summary>Class probabilities after each iteration 1, 2, … (scikit-learn's <c>staged_predict_proba</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public IEnumerable<Matrix> StagedPredictProba(Matrix x)
    {
        BoostingInput.CheckPredict(x, FeatureCount, nameof(GradientBoostingClassificationModel));
        return _ensemble.StagedRaw(x).Select(Probabilities);
    }

    /// <summary>Predicted class names after each iteration 1, 2, … (scikit-learn's <c>staged_predict</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public IEnumerable<string[]> StagedPredict(Matrix x) =>
        StagedPredictProba(x).Select(p => Array.ConvertAll(Reductions.RowArgMax(p), i => _classes[i]));

    private Matrix Probabilities(Matrix raw)
    {
        var p = new Matrix(raw.Rows, _classes.Length);
        var loss = _ensemble.TreesPerIteration == 1 ? (IBoostingLoss)new BinaryLogLoss() : new MultinomialLoss(_classes.Length);
        for (int i = 0; i < raw.Rows; i++) loss.InverseLink(raw.Row(i), p.Row(i));
        return p;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteStrings("classes", _classes);
        _ensemble.WriteTo(writer);
    }

    internal static GradientBoostingClassificationModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<GradientBoostingClassifier>();
        int featureCount = reader.GetInt("feature_count");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a gradient boosting model is not valid.");
        var classes = reader.ReadStrings("classes");
        if (featureCount < 1 || classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a gradient boosting classifier needs features and at least two named classes.");
        var ensemble = BoostedEnsemble.ReadFrom(reader, featureCount, classes.Length == 2 ? 1 : classes.Length);
        return new GradientBoostingClassificationModel(parameters, classes!, kind, ensemble);
    }
}
