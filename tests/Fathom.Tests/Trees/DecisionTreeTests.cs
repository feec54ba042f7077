using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;
using Fathom.Trees;

namespace Fathom.Tests.Trees;

public class DecisionTreeTests
{
    private static JsonNode Ref() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Trees", "Reference", "tree_reference.json")))!;

    [Fact]
    public void TextbookWindSplitHasWeightedGiniSixteenThirtyFifths()
    {
        // High wind: 2 yes / 3 no; low wind: 6 yes / 3 no. Gini(high) = 1 − (2/5)² − (3/5)² = 12/25,
        // Gini(low) = 1 − (6/9)² − (3/9)² = 4/9; weighted: 5/14 · 12/25 + 9/14 · 4/9 = 6/35 + 10/35 = 16/35.
        double g = TreeBuilder.WeightedChildImpurity([2, 3], [6, 3], entropy: false);
        Assert.Equal(16.0 / 35.0, g, 15);
        Assert.Equal(12.0 / 25.0, TreeBuilder.ClassImpurity([2, 3], 5, entropy: false), 15);
        // Entropy of a 9 yes / 5 no node (the classic play-tennis root): 0.940 bits.
        Assert.Equal(-(9.0 / 14) * Math.Log2(9.0 / 14) - (5.0 / 14) * Math.Log2(5.0 / 14),
            TreeBuilder.ClassImpurity([9, 5], 14, entropy: true), 14);
    }

    [Fact]
    public void TextbookSplitIsChosenByTheTree()
    {
        // wind (0 = low, 1 = high) with the counts above, plus a useless constant column.
        var rows = new List<double[]>();
        var y = new List<string>();
        void Add(double wind, string label, int count) { for (int i = 0; i < count; i++) { rows.Add([5.0, wind]); y.Add(label); } }
        Add(1, "yes", 2); Add(1, "no", 3); Add(0, "yes", 6); Add(0, "no", 3);
        var m = new DecisionTreeClassifier { MaxDepth = 1 }.Fit(Matrix.FromRows(rows), y.ToArray());
        var root = m.Nodes[0];
        Assert.Equal(1, root.Feature);
        Assert.Equal(0.5, root.Threshold);
        var l = m.Nodes[root.Left];
        var r = m.Nodes[root.Right];
        double weighted = (l.WeightedSamples * l.Impurity + r.WeightedSamples * r.Impurity) / root.WeightedSamples;
        Assert.Equal(16.0 / 35.0, weighted, 15);
        Assert.Equal([0.0, 1.0], m.FeatureImportances);
    }

    [Fact]
    public void ExportTextMatchesScikitLearn()
    {
        var iris = TestDatasets.Iris();
        var m = new DecisionTreeClassifier { MaxDepth = 3 }.Fit(iris.X, iris.Target);
        Assert.Equal(Ref()["export_text"]!["iris_gini_depth3"]!.GetValue<string>(), m.ExportText(iris.FeatureNames));
        Assert.Equal(3, m.Depth);
        Assert.Equal(5, m.LeafCount);
        var d = TestDatasets.Diabetes();
        var r = new DecisionTreeRegressor { MaxDepth = 2 }.Fit(d.X, d.TargetAsDoubles());
        Assert.Equal(Ref()["export_text"]!["diabetes_mse_depth2"]!.GetValue<string>(), r.ExportText(d.FeatureNames));
    }

    [Fact]
    public void GraphvizHasOneBoxPerNodeAndOneEdgePerChild()
    {
        var iris = TestDatasets.Iris();
        var m = new DecisionTreeClassifier { MaxDepth = 2 }.Fit(iris.X, iris.Target);
        string dot = m.ExportGraphviz(iris.FeatureNames);
        Assert.StartsWith("digraph Tree {", dot, StringComparison.Ordinal);
        Assert.Equal(m.NodeCount, dot.Split('\n').Count(l => l.Contains("[label=", StringComparison.Ordinal)));
        Assert.Equal(m.NodeCount - 1, dot.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal)));
        Assert.Contains("petal length (cm) <= 2.450", dot, StringComparison.Ordinal);
        Assert.Contains("value = [50, 50, 50]", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyGivesLeavesAndProbabilitiesAreLeafFractions()
    {
        var iris = TestDatasets.Iris();
        var m = new DecisionTreeClassifier { MaxDepth = 2 }.Fit(iris.X, iris.Target);
        var leaves = m.Apply(iris.X);
        var proba = m.PredictProba(iris.X);
        for (int i = 0; i < leaves.Length; i++)
        {
            Assert.True(m.Nodes[leaves[i]].IsLeaf);
            var v = m.NodeValue(leaves[i]);
            for (int k = 0; k < 3; k++) Assert.Equal(v[k] / v.Sum(), proba[i, k], 15);
        }
    }

    [Fact]
    public void MaxFeaturesDrawsFeaturesFromTheSeed()
    {
        var d = TestDatasets.Diabetes();
        var y = d.TargetAsDoubles();
        var a = new DecisionTreeRegressor { MaxFeatures = "sqrt", Seed = 1 }.Fit(d.X, y);
        var b = new DecisionTreeRegressor { MaxFeatures = "3", Seed = 1 }.Fit(d.X, y); // ⌊√10⌋ = 3
        var c = new DecisionTreeRegressor { MaxFeatures = "sqrt", Seed = 2 }.Fit(d.X, y);
        Assert.Equal(a.Nodes, b.Nodes);
        Assert.NotEqual(a.Nodes.Select(n => n.Feature), c.Nodes.Select(n => n.Feature));
        // Fully grown on distinct rows: every leaf is pure, so training predictions are exact.
        Assert.Equal(y, a.Predict(d.X));
    }

    [Fact]
    public void BadInputsAndParametersGiveClearErrors()
    {
        var iris = TestDatasets.Iris();
        var x = iris.X.Clone();
        x[3, 2] = double.PositiveInfinity; // NaN is a missing value; infinity is rejected
        var e = Assert.Throws<InvalidInputException>(() => new DecisionTreeClassifier().Fit(x, iris.Target));
        Assert.Contains("row 3", e.Message, StringComparison.Ordinal);
        var big = iris.X.Clone();
        big[0, 0] = 1e300;
        Assert.Throws<InvalidInputException>(() => new DecisionTreeClassifier().Fit(big, iris.Target));
        var p = Assert.Throws<InvalidHyperparameterException>(() => new DecisionTreeClassifier { MaxFeatures = "7" }.Fit(iris.X, iris.Target));
        Assert.Equal("max_features", p.Parameter);
        Assert.Throws<InvalidHyperparameterException>(() => new DecisionTreeClassifier { MaxFeatures = "1.5" }.Fit(iris.X, iris.Target));
        Assert.Throws<InvalidHyperparameterException>(() => new DecisionTreeClassifier { MaxDepth = 0 }.Fit(iris.X, iris.Target));
        Assert.Equal("ccp_alpha", Assert.Throws<InvalidHyperparameterException>(() => new DecisionTreeRegressor { CcpAlpha = -1 }.Fit(iris.X, iris.X.Column(0))).Parameter);
        Assert.Throws<InvalidInputException>(() => new DecisionTreeRegressor { Criterion = RegressionCriterion.Poisson }
            .Fit(iris.X, Enumerable.Range(0, 150).Select(i => i - 10.0).ToArray()));
        var m = new DecisionTreeClassifier().Fit(iris.X, iris.Target);
        Assert.Throws<InvalidInputException>(() => m.Predict(x));
    }

    [Fact]
    public void SaveLoadKeepsNodesAndExport()
    {
        var iris = TestDatasets.Iris();
        var m = new DecisionTreeClassifier { MaxLeafNodes = 4, Criterion = ClassificationCriterion.Entropy }.Fit(iris.X, iris.Target);
        var back = (DecisionTreeClassificationModel)ModelFile.Deserialize(ModelFile.Serialize(m)).Model;
        Assert.Equal(m.Nodes, back.Nodes);
        Assert.Equal(m.ExportText(), back.ExportText());
        Assert.Equal(m.Parameters, back.Parameters);
        Assert.Equal(4, back.LeafCount);
    }
}
