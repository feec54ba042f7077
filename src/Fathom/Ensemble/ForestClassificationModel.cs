using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>What a fitted classification forest holds (<see cref="RandomForestClassificationModel"/>,
/// <see cref="ExtraTreesClassificationModel"/>): its trees, classes, importances and out-of-bag score.
/// Immutable and thread-safe.</summary>
public abstract class ForestClassificationModel : IClassificationModel, IFeatureImportanceModel
{
    private readonly object _parameters;
    private readonly string[] _classes;
    private readonly Tree[] _trees;
    private readonly double[] _importances;

    private protected ForestClassificationModel(object parameters, string[] classes, LabelKind labelKind, Tree[] trees,
        int featureCount, double? oobScore)
    {
        _parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        _trees = trees;
        FeatureCount = featureCount;
        OobScore = oobScore;
        _importances = ForestCore.Importances(trees, featureCount);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public abstract string ModelKind { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>The fitted trees (for tests and ensemble internals).</summary>
    internal IReadOnlyList<Tree> Trees => _trees;

    /// <summary>Accuracy of the out-of-bag predictions (each row scored by the trees that did not see it); null unless
    /// fitted with <see cref="ForestEstimator.OobScore"/>.</summary>
    public double? OobScore { get; }

    /// <summary>Mean of the trees' impurity-based importances, normalized to sum to 1.</summary>
    public IReadOnlyList<double> FeatureImportances => new ReadOnlyCollection<double>(_importances);

    /// <summary>Number of leaves of each tree.</summary>
    public IReadOnlyList<int> LeafCounts => _trees.Select(t => t.LeafCount).ToArray();

    /// <summary>Mean over trees of the leaf class fractions. O(T · depth) per row; rows in parallel.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public Matrix PredictProba(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, GetType().Name, allowMissing: true);
        return ForestCore.Average(_trees, x, _classes.Length, Environment.ProcessorCount);
    }

    /// <summary>Index of the most probable class of each row (first one on ties).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public int[] PredictIndex(Matrix x)
    {
        return Reductions.RowArgMax(PredictProba(x));
    }

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public string[] Predict(Matrix x) => Array.ConvertAll(PredictIndex(x), i => _classes[i]);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(_parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteStrings("classes", _classes);
        writer.WriteDoubles("oob_score", OobScore is double s ? [s] : []);
        Tree.WriteMany(writer, "trees_", _trees);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote after the hyperparameters; <paramref name="what"/> names the
    /// model in error messages ("a random forest").</summary>
    private protected static (string[] Classes, LabelKind Kind, Tree[] Trees, int FeatureCount, double? OobScore) ReadForest(
        ModelReader reader, string what)
    {
        int featureCount = reader.GetInt("feature_count");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException($"The model file is damaged: the label kind of {what} is not valid.");
        var classes = reader.ReadStrings("classes");
        if (featureCount < 1 || classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException($"The model file is damaged: {what} needs features and at least two named classes.");
        var oob = reader.ReadDoubles("oob_score");
        var trees = Tree.ReadMany(reader, "trees_", featureCount, normalize: true, expectedWidth: classes.Length);
        string[] names = classes!;
        return (names, kind, trees, featureCount, oob.Length == 1 ? oob[0] : null);
    }
}
