using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Tests.TestData;
using Fathom.Trees;

namespace Fathom.Tests.Trees;

/// <summary>
/// Trees against scikit-learn 1.2.1 (Reference/make_tree_reference.py). scikit-learn resolves exact ties between
/// equally good splits through random_state, so each case stores every distinct tree seen over 40 seeds; Fathom's
/// tree (ties to the lowest feature index) must equal one of them in structure, thresholds, impurities, values and
/// importances, and its predictions (probabilities for classifiers) must match that variant's to 1e-10.
/// </summary>
public class TreeReferenceTests
{
    private static readonly Lazy<JsonNode> Ref = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Trees", "Reference", "tree_reference.json")))!);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Ref.Value["cases"]!.AsArray()) data.Add(c!["name"]!.GetValue<string>());
        return data;
    }

    private static double[] D(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static int[] I(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void TreeMatchesScikitLearn(string name)
    {
        var c = Ref.Value["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var p = c["params"]!.AsObject();
        double[]? sw = c["sample_weight"] is JsonArray a ? a.Select(v => v!.GetValue<double>()).ToArray() : null;
        bool classifier = c["estimator"]!.GetValue<string>() == "DecisionTreeClassifier";
        var ds = classifier ? TestDatasets.Iris() : TestDatasets.Diabetes();
        var x = ds.X;
        if (sw is not null && sw.Length < x.Rows) x = x.RowRange(0, sw.Length);
        int n = x.Rows;
        int? Int(string key) => p[key]?.GetValue<int>();
        double Dbl(string key) => p[key]?.GetValue<double>() ?? 0.0;

        IReadOnlyList<TreeNode> nodes;
        double[] values, importances, prediction;
        double? accuracy = null;
        PruningPath path;
        if (classifier)
        {
            var est = new DecisionTreeClassifier
            {
                Criterion = p["criterion"]?.GetValue<string>() == "entropy" ? ClassificationCriterion.Entropy : ClassificationCriterion.Gini,
                MaxDepth = Int("max_depth"),
                MinSamplesLeaf = Int("min_samples_leaf") ?? 1,
                MinSamplesSplit = Int("min_samples_split") ?? 2,
                MaxLeafNodes = Int("max_leaf_nodes"),
                MinWeightFractionLeaf = Dbl("min_weight_fraction_leaf"),
                ClassWeight = p["class_weight"] is null ? ClassWeightMode.None : ClassWeightMode.Balanced,
                CcpAlpha = Dbl("ccp_alpha"),
            };
            var y = ds.Target.Take(n).ToArray();
            var m = est.Fit(x, y, sw);
            path = est.CostComplexityPruningPath(x, y, sw);
            nodes = m.Nodes;
            values = Enumerable.Range(0, m.NodeCount).SelectMany(m.NodeValue).ToArray();
            importances = m.FeatureImportances.ToArray();
            prediction = m.PredictProba(x).AsSpan().ToArray();
            var predicted = m.Predict(x);
            accuracy = Enumerable.Range(0, n).Count(i => predicted[i] == y[i]) / (double)n;
        }
        else
        {
            var est = new DecisionTreeRegressor
            {
                Criterion = p["criterion"]?.GetValue<string>() switch
                {
                    "friedman_mse" => RegressionCriterion.FriedmanMse,
                    "poisson" => RegressionCriterion.Poisson,
                    "absolute_error" => RegressionCriterion.AbsoluteError,
                    _ => RegressionCriterion.SquaredError,
                },
                MaxDepth = Int("max_depth"),
                MinSamplesLeaf = Int("min_samples_leaf") ?? 1,
                MaxLeafNodes = Int("max_leaf_nodes"),
                MinImpurityDecrease = Dbl("min_impurity_decrease"),
                CcpAlpha = Dbl("ccp_alpha"),
            };
            var yd = ds.TargetAsDoubles().Take(n).ToArray();
            var m = est.Fit(x, yd, sw);
            path = est.CostComplexityPruningPath(x, yd, sw);
            nodes = m.Nodes;
            values = Enumerable.Range(0, m.NodeCount).Select(m.NodeValue).ToArray();
            importances = m.FeatureImportances.ToArray();
            prediction = m.Predict(x);
        }

        var variants = c["variants"]!.AsArray();
        var match = variants.FirstOrDefault(v => I(v!["feature"]).Select(f => f < 0 ? -1 : f).SequenceEqual(nodes.Select(t => t.Feature))
            && D(v!["threshold"]).Zip(nodes).All(z => z.Second.IsLeaf || z.First == z.Second.Threshold));
        Assert.True(match is not null,
            $"{name}: no scikit-learn variant has Fathom's split features [{string.Join(",", nodes.Select(t => t.Feature))}]");
        AssertClose(D(match!["prediction"]), prediction, 1e-10, "predictions");
        Assert.Equal(I(match["left"]).Select(v => v < 0 ? -1 : v), nodes.Select(t => t.Left));
        Assert.Equal(I(match["right"]).Select(v => v < 0 ? -1 : v), nodes.Select(t => t.Right));
        Assert.Equal(I(match["n_node_samples"]), nodes.Select(t => t.Samples));
        AssertClose(D(match["weighted_n_node_samples"]), nodes.Select(t => t.WeightedSamples).ToArray(), 1e-12, "weighted samples");
        AssertClose(D(match["impurity"]), nodes.Select(t => t.Impurity).ToArray(), 1e-10, "impurity");
        AssertClose(D(match["value"]), values, 1e-10, "node values");
        AssertClose(D(match["importances"]), importances, 1e-10, "feature importances");
        Assert.Equal(match["depth"]!.GetValue<int>(), nodes.Count == 1 ? 0 : Depth(nodes));
        Assert.Equal(match["leaves"]!.GetValue<int>(), nodes.Count(t => t.IsLeaf));
        if (accuracy is double acc) Assert.Equal(match["train_accuracy"]!.GetValue<double>(), acc, 12);
        if (match["ccp_alphas"] is JsonNode alphas)
        {
            // The unpruned tree of the same variant gives the path (the test's own tree is grown the same way).
            AssertClose(D(alphas), path.CcpAlphas.ToArray(), 1e-10, "ccp_alphas");
            AssertClose(D(match["ccp_impurities"]), path.Impurities.ToArray(), 1e-10, "pruning path impurities");
        }
    }

    private static int Depth(IReadOnlyList<TreeNode> nodes)
    {
        var depth = new int[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
            if (!nodes[i].IsLeaf) { depth[nodes[i].Left] = depth[i] + 1; depth[nodes[i].Right] = depth[i] + 1; }
        return depth.Max();
    }

    internal static void AssertClose(double[] expected, double[] actual, double tol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (!(Math.Abs(expected[i] - actual[i]) <= tol * Math.Max(1.0, Math.Abs(expected[i]))))
                Assert.Fail($"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
