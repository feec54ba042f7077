using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>What a fitted regression forest holds (<see cref="RandomForestRegressionModel"/>,
/// <see cref="ExtraTreesRegressionModel"/>): its trees, importances and out-of-bag R². Immutable and thread-safe.</summary>
public abstract class ForestRegressionModel : IRegressionModel, IFeatureImportanceModel
{
    private readonly object _parameters;
    private readonly Tree[] _trees;
    private readonly double[] _importances;

    private protected ForestRegressionModel(object parameters, Tree[] trees, int featureCount, double? oobScore)
    {
        _parameters = parameters;
        _trees = trees;
        FeatureCount = featureCount;
        OobScore = oobScore;
        _importances = ForestCore.Importances(trees, featureCount);
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public abstract string ModelKind { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>The fitted trees (for tests and ensemble internals).</summary>
    internal IReadOnlyList<Tree> Trees => _trees;

    /// <summary>R² of the out-of-bag predictions (each row predicted by the trees that did not see it); null unless
    /// fitted with <see cref="ForestEstimator.OobScore"/>.</summary>
    public double? OobScore { get; }

    /// <summary>Mean of the trees' impurity-based importances, normalized to sum to 1.</summary>
    public IReadOnlyList<double> FeatureImportances => new ReadOnlyCollection<double>(_importances);

    /// <summary>Number of leaves of each tree.</summary>
    public IReadOnlyList<int> LeafCounts => _trees.Select(t => t.LeafCount).ToArray();

    /// <summary>Mean over trees of each row's leaf mean. O(T · depth) per row; rows in parallel.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public double[] Predict(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, GetType().Name, allowMissing: true);
        return ForestCore.Average(_trees, x, 1, Environment.ProcessorCount).AsSpan().ToArray();
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(_parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteDoubles("oob_score", OobScore is double s ? [s] : []);
        Tree.WriteMany(writer, "trees_", _trees);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote after the hyperparameters; <paramref name="what"/> names the
    /// model in error messages ("a random forest").</summary>
    private protected static (Tree[] Trees, int FeatureCount, double? OobScore) ReadForest(ModelReader reader, string what)
    {
        int featureCount = reader.GetInt("feature_count");
        if (featureCount < 1) throw new ModelFormatException($"The model file is damaged: {what} needs at least one feature.");
        var oob = reader.ReadDoubles("oob_score");
        var trees = Tree.ReadMany(reader, "trees_", featureCount, normalize: false, expectedWidth: 1);
        return (trees, featureCount, oob.Length == 1 ? oob[0] : null);
    }
}
