using Fathom.Ensemble;
using Fathom.Numerics;
using Fathom.Tests.TestData;
using Fathom.Trees;

namespace Fathom.Tests.Ensemble;

/// <summary>
/// Forest prediction (blocked, branch-free, float thresholds) against a plain reference written here: each tree walked
/// node by node on its learned arrays with the double threshold — left when <c>(float)x ≤ threshold</c>, a NaN to the
/// node's missing side — and the leaf outputs summed in tree order, then divided by the tree count. Results must be
/// identical bit for bit, including values exactly at, just below and just above every threshold.
/// </summary>
public class ForestPredictionTests
{
    private static int ReferenceLeaf(Tree tree, ReadOnlySpan<double> row)
    {
        int node = 0;
        while (tree.Left[node] >= 0)
        {
            float v = (float)row[tree.Feature[node]];
            bool left = float.IsNaN(v) ? tree.MissingLeft[node] : v <= tree.Threshold[node];
            node = left ? tree.Left[node] : tree.Right[node];
        }
        return node;
    }

    private static double[] ReferenceAverage(IReadOnlyList<Tree> trees, Matrix x, int width)
    {
        var result = new double[x.Rows * width];
        for (int i = 0; i < x.Rows; i++)
        {
            foreach (var tree in trees)
            {
                int leaf = ReferenceLeaf(tree, x.Row(i));
                for (int k = 0; k < width; k++) result[i * width + k] += tree.Output[leaf * width + k];
            }
            for (int k = 0; k < width; k++) result[i * width + k] /= trees.Count;
        }
        return result;
    }

    /// <summary>Rows of <paramref name="x"/>, then for every split of every tree (up to a limit) a copy of one row with
    /// the split feature set to the threshold, the nearest doubles and floats around it (finite ones), and NaN.</summary>
    private static Matrix Probes(Matrix x, IReadOnlyList<Tree> trees, int limit)
    {
        var rows = new List<double[]>();
        for (int i = 0; i < x.Rows; i++) rows.Add(x.Row(i).ToArray());
        int added = 0;
        foreach (var tree in trees)
            for (int node = 0; node < tree.NodeCount && added < limit; node++)
            {
                if (tree.Left[node] < 0) continue;
                double t = tree.Threshold[node];
                float tf = (float)t;
                foreach (double v in new[] { t, Math.BitDecrement(t), Math.BitIncrement(t), tf, MathF.BitDecrement(tf), MathF.BitIncrement(tf), double.NaN })
                {
                    if (double.IsInfinity(v)) continue; // threshold +∞ ("missing alone on the right"); infinity is rejected
                    var r = x.Row(added % x.Rows).ToArray();
                    r[tree.Feature[node]] = v;
                    rows.Add(r);
                }
                added++;
            }
        var m = new Matrix(rows.Count, x.Columns);
        for (int i = 0; i < rows.Count; i++) rows[i].CopyTo(m.Row(i));
        return m;
    }

    private static Matrix WithHoles(Matrix x, double fraction, int seed)
    {
        var copy = x.Clone();
        var rng = new Random(seed);
        for (int i = 0; i < copy.Rows; i++)
            for (int j = 0; j < copy.Columns; j++)
                if (rng.NextDouble() < fraction) copy[i, j] = double.NaN;
        return copy;
    }

    [Fact]
    public void ClassificationForestsEqualTheReferenceWalkBitForBit()
    {
        var ds = TestDatasets.LoadCsv("breast_cancer.csv", "target");
        var train = WithHoles(ds.X, 0.1, 1);
        var rf = new RandomForestClassifier { NEstimators = 25, Seed = 2 }.Fit(train, ds.Target);
        var et = new ExtraTreesClassifier { NEstimators = 25, Seed = 2 }.Fit(train, ds.Target);
        var iris = TestDatasets.Iris();
        var rf3 = new RandomForestClassifier { NEstimators = 10, Seed = 1, MaxDepth = 4 }.Fit(iris.X, iris.Target);
        foreach (var (model, x) in new (ForestClassificationModel, Matrix)[] { (rf, train), (et, WithHoles(ds.X, 0.3, 3)), (rf3, iris.X) })
        {
            var probes = Probes(x, model.Trees, 3000);
            Assert.True(probes.Rows > x.Rows + 300);
            var expected = ReferenceAverage(model.Trees, probes, model.Classes.Count);
            Assert.Equal(expected, model.PredictProba(probes).AsSpan().ToArray());
            // The single-row walk (used by trees, AdaBoost and out-of-bag scoring) lands in the same leaves.
            foreach (var tree in model.Trees)
                for (int i = 0; i < probes.Rows; i += 7)
                    Assert.Equal(ReferenceLeaf(tree, probes.Row(i)), tree.Leaf(probes.Row(i)));
        }
    }

    [Fact]
    public void RegressionForestsEqualTheReferenceWalkBitForBit()
    {
        var ds = TestDatasets.Diabetes();
        var y = ds.TargetAsDoubles();
        var train = WithHoles(ds.X, 0.1, 4);
        var rf = new RandomForestRegressor { NEstimators = 20, Seed = 5 }.Fit(train, y);
        var et = new ExtraTreesRegressor { NEstimators = 20, Seed = 5, MaxLeafNodes = 40 }.Fit(ds.X, y);
        foreach (var (model, x) in new (ForestRegressionModel, Matrix)[] { (rf, train), (et, WithHoles(ds.X, 0.2, 6)) })
        {
            var probes = Probes(x, model.Trees, 3000);
            var expected = ReferenceAverage(model.Trees, probes, 1);
            Assert.Equal(expected, model.Predict(probes));
        }
    }

    [Fact]
    public void FloatThresholdIsTheLargestFloatNotAboveTheDouble()
    {
        foreach (double t in new[] { 0.1, -0.1, 1.0, 1e-40, -1e-40, 3.4028235677973366e38, 1e39, double.PositiveInfinity, 2.5, 0.30000001192092896 })
        {
            float f = PackedNode.FloorToSingle(t);
            Assert.True(f <= t);
            Assert.True(float.IsPositiveInfinity(f) || MathF.BitIncrement(f) > t);
        }
    }

    [Fact]
    public void SingleLeafTreesPredictTheirValue()
    {
        // min_samples_split larger than the data: every tree is its root leaf (no packed nodes).
        var iris = TestDatasets.Iris();
        var m = new RandomForestClassifier { NEstimators = 3, MinSamplesSplit = 1000, Bootstrap = false }.Fit(iris.X, iris.Target);
        Assert.Equal(1, m.LeafCounts[0]);
        var p = m.PredictProba(iris.X);
        for (int i = 0; i < 150; i++) Assert.Equal([1 / 3.0, 1 / 3.0, 1 / 3.0], p.Row(i).ToArray());
    }
}
