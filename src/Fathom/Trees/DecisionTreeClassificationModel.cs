using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Trees;

/// <summary>
/// A fitted <see cref="DecisionTreeClassifier"/>: the tree's nodes (numbered as scikit-learn numbers them), the
/// classes and the impurity-based feature importances. Immutable and thread-safe.
/// </summary>
public sealed class DecisionTreeClassificationModel : IClassificationModel, IFeatureImportanceModel, ITextExportModel
{
    private readonly string[] _classes;
    private readonly double[] _importances;

    internal DecisionTreeClassificationModel(DecisionTreeClassifier parameters, string[] classes, LabelKind labelKind, Tree tree, int featureCount)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        Tree = tree;
        FeatureCount = featureCount;
        _importances = tree.Importances(featureCount);
    }

    internal Tree Tree { get; }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public DecisionTreeClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "decision-tree";

    /// <summary>Impurity-based importances (mean decrease in impurity), one per feature, summing to 1 (all 0 for a
    /// single-leaf tree): Σ over the nodes splitting on j of w_t·I_t − w_l·I_l − w_r·I_r, normalized.</summary>
    public IReadOnlyList<double> FeatureImportances => new ReadOnlyCollection<double>(_importances);

    /// <summary>Length of the longest root-to-leaf path (scikit-learn's <c>get_depth()</c>).</summary>
    public int Depth => Tree.Depth;

    /// <summary>Number of leaves (scikit-learn's <c>get_n_leaves()</c>).</summary>
    public int LeafCount => Tree.LeafCount;

    /// <summary>Number of nodes, leaves included.</summary>
    public int NodeCount => Tree.NodeCount;

    /// <summary>The nodes, numbered as scikit-learn's <c>tree_</c> arrays.</summary>
    public IReadOnlyList<TreeNode> Nodes => Enumerable.Range(0, Tree.NodeCount).Select(Tree.Node).ToArray();

    /// <summary>Weighted class totals of the training rows in node <paramref name="node"/> (scikit-learn's <c>tree_.value[node]</c>).</summary>
    public double[] NodeValue(int node) => Tree.Value.AsSpan(node * Tree.ValueWidth, Tree.ValueWidth).ToArray();

    /// <summary>Leaf index (into <see cref="Nodes"/>) each row falls into (scikit-learn's <c>apply</c>). O(depth) per row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is routed as learned).</exception>
    public int[] Apply(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, nameof(DecisionTreeClassificationModel), allowMissing: true);
        return Tree.Apply(x);
    }

    /// <summary>Weighted class fractions of each row's leaf.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is routed as learned).</exception>
    public Matrix PredictProba(Matrix x)
    {
        var leaves = Apply(x);
        int k = _classes.Length;
        var p = new Matrix(x.Rows, k);
        for (int i = 0; i < leaves.Length; i++) Tree.Output.AsSpan(leaves[i] * k, k).CopyTo(p.Row(i));
        return p;
    }

    /// <summary>Index of the class of largest weight in each row's leaf (first one on ties).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is routed as learned).</exception>
    public int[] PredictIndex(Matrix x)
    {
        var leaves = Apply(x);
        int k = _classes.Length;
        var result = new int[leaves.Length];
        for (int i = 0; i < leaves.Length; i++)
        {
            result[i] = Reductions.ArgMax(Tree.Value.AsSpan(leaves[i] * k, k));
        }
        return result;
    }

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is routed as learned).</exception>
    public string[] Predict(Matrix x) => Array.ConvertAll(PredictIndex(x), i => _classes[i]);

    /// <summary>The tree as indented text, like scikit-learn's <c>export_text</c> ("|--- petal_length &lt;= 2.45" …
    /// "|   |--- class: setosa").</summary>
    /// <param name="featureNames">Names of the features; default feature_0, feature_1, …</param>
    /// <param name="decimals">Digits after the point of thresholds (default 2).</param>
    /// <param name="maxDepth">Deeper branches are shown as "truncated branch of depth d" (default 10).</param>
    public string ExportText(IReadOnlyList<string>? featureNames = null, int decimals = 2, int maxDepth = 10) =>
        Tree.ExportText(TreeInput.Names(featureNames, FeatureCount), _classes, decimals, maxDepth);

    /// <summary>The tree in Graphviz dot format (one box per node: test, impurity, samples, class totals, majority class).</summary>
    /// <param name="featureNames">Names of the features; default feature_0, feature_1, …</param>
    /// <param name="decimals">Digits after the point (default 3).</param>
    public string ExportGraphviz(IReadOnlyList<string>? featureNames = null, int decimals = 3) =>
        Tree.ExportGraphviz(TreeInput.Names(featureNames, FeatureCount), _classes,
            Parameters.Criterion == ClassificationCriterion.Gini ? "gini" : "entropy", decimals);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteStrings("classes", _classes);
        Tree.WriteMany(writer, "tree_", [Tree]);
    }

    internal static DecisionTreeClassificationModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<DecisionTreeClassifier>();
        int featureCount = reader.GetInt("feature_count");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a decision tree is not valid.");
        var classes = reader.ReadStrings("classes");
        if (featureCount < 1 || classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a decision tree needs features and at least two named classes.");
        var trees = Tree.ReadMany(reader, "tree_", featureCount, normalize: true, expectedWidth: classes.Length);
        if (trees.Length != 1) throw new ModelFormatException("The model file is damaged: a decision tree holds one tree.");
        return new DecisionTreeClassificationModel(parameters, classes!, kind, trees[0], featureCount);
    }
}
