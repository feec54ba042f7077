using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Trees;

/// <summary>
/// A fitted <see cref="DecisionTreeRegressor"/>: the tree's nodes (numbered as scikit-learn numbers them) and the
/// impurity-based feature importances. Immutable and thread-safe.
/// </summary>
public sealed class DecisionTreeRegressionModel : IRegressionModel, IFeatureImportanceModel, ITextExportModel
{
    private readonly double[] _importances;

    internal DecisionTreeRegressionModel(DecisionTreeRegressor parameters, Tree tree, int featureCount)
    {
        Parameters = parameters;
        Tree = tree;
        FeatureCount = featureCount;
        _importances = tree.Importances(featureCount);
    }

    internal Tree Tree { get; }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public DecisionTreeRegressor Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "decision-tree-regressor";

    /// <summary>Impurity-based importances (mean decrease in impurity), one per feature, summing to 1 (all 0 for a
    /// single-leaf tree).</summary>
    public IReadOnlyList<double> FeatureImportances => new ReadOnlyCollection<double>(_importances);

    /// <summary>Length of the longest root-to-leaf path.</summary>
    public int Depth => Tree.Depth;

    /// <summary>Number of leaves.</summary>
    public int LeafCount => Tree.LeafCount;

    /// <summary>Number of nodes, leaves included.</summary>
    public int NodeCount => Tree.NodeCount;

    /// <summary>The nodes, numbered as scikit-learn's <c>tree_</c> arrays.</summary>
    public IReadOnlyList<TreeNode> Nodes => Enumerable.Range(0, Tree.NodeCount).Select(Tree.Node).ToArray();

    /// <summary>Weighted mean (median for absolute_error) training target of node <paramref name="node"/> (scikit-learn's <c>tree_.value[node]</c>).</summary>
    public double NodeValue(int node) => Tree.Value[node];

    /// <summary>Leaf index (into <see cref="Nodes"/>) each row falls into. O(depth) per row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is routed as learned).</exception>
    public int[] Apply(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, nameof(DecisionTreeRegressionModel), allowMissing: true);
        return Tree.Apply(x);
    }

    /// <summary>The weighted mean (median for absolute_error) training target of each row's leaf.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is routed as learned).</exception>
    public double[] Predict(Matrix x) => Array.ConvertAll(Apply(x), leaf => Tree.Value[leaf]);

    /// <summary>The tree as indented text, like scikit-learn's <c>export_text</c> (leaves "|--- value: [152.13]").</summary>
    /// <param name="featureNames">Names of the features; default feature_0, feature_1, …</param>
    /// <param name="decimals">Digits after the point (default 2).</param>
    /// <param name="maxDepth">Deeper branches are shown as "truncated branch of depth d" (default 10).</param>
    public string ExportText(IReadOnlyList<string>? featureNames = null, int decimals = 2, int maxDepth = 10) =>
        Tree.ExportText(TreeInput.Names(featureNames, FeatureCount), null, decimals, maxDepth);

    /// <summary>The tree in Graphviz dot format (one box per node: test, impurity, samples, value).</summary>
    /// <param name="featureNames">Names of the features; default feature_0, feature_1, …</param>
    /// <param name="decimals">Digits after the point (default 3).</param>
    public string ExportGraphviz(IReadOnlyList<string>? featureNames = null, int decimals = 3) =>
        Tree.ExportGraphviz(TreeInput.Names(featureNames, FeatureCount), null,
            Hyperparameters.ToSnakeCase(Parameters.Criterion.ToString()), decimals);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        Tree.WriteMany(writer, "tree_", [Tree]);
    }

    internal static DecisionTreeRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<DecisionTreeRegressor>();
        int featureCount = reader.GetInt("feature_count");
        if (featureCount < 1) throw new ModelFormatException("The model file is damaged: a decision tree needs at least one feature.");
        var trees = Tree.ReadMany(reader, "tree_", featureCount, normalize: false, expectedWidth: 1);
        if (trees.Length != 1) throw new ModelFormatException("The model file is damaged: a decision tree holds one tree.");
        return new DecisionTreeRegressionModel(parameters, trees[0], featureCount);
    }
}
