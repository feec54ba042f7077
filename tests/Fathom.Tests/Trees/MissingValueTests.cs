using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Tests.Trees;

/// <summary>
/// Missing values (NaN) in tree features, with scikit-learn 1.3's semantics (scikit-learn 1.2.1, installed here,
/// rejects NaN in trees, so the expected splits are worked out by hand or by an independent brute-force search).
/// </summary>
public class MissingValueTests
{
    private static Matrix Col(params double[] v)
    {
        var x = new Matrix(v.Length, 1);
        for (int i = 0; i < v.Length; i++) x[i, 0] = v[i];
        return x;
    }

    [Fact]
    public void MissingRowsGoToTheSideThatLowersImpurity()
    {
        // Hand-worked: NaN rows have y = 0 like x ∈ {1, 2}. Sending them left at x <= 2.5 makes both children pure
        // (SSE 0); sending them right leaves SSE 2·(10−5)² + 2·(0−5)² = 100 on the right.
        var x = Col(1, 2, 3, 4, double.NaN, double.NaN);
        var y = new[] { 0.0, 0, 10, 10, 0, 0 };
        var m = new DecisionTreeRegressor { MaxDepth = 1 }.Fit(x, y);
        var root = m.Nodes[0];
        Assert.Equal(0, root.Feature);
        Assert.Equal(2.5, root.Threshold);
        Assert.True(root.MissingGoesLeft);
        Assert.Equal([0.0, 10.0, 0.0, 0.0], m.Predict(Col(double.NaN, 5, 2, -1)));
        Assert.Equal(4, m.Nodes[root.Left].Samples);
    }

    [Fact]
    public void MissingAloneOnTheRightUsesAnInfiniteThreshold()
    {
        // Hand-worked: only "non-missing left, missing right" separates y perfectly; scikit-learn stores threshold +inf.
        var x = Col(1, 2, 3, double.NaN, double.NaN);
        var y = new[] { 0.0, 0, 0, 5, 5 };
        var m = new DecisionTreeRegressor { MaxDepth = 1 }.Fit(x, y);
        Assert.Equal(double.PositiveInfinity, m.Nodes[0].Threshold);
        Assert.False(m.Nodes[0].MissingGoesLeft);
        Assert.Equal([5.0, 0.0, 0.0], m.Predict(Col(double.NaN, 100, -100)));
    }

    [Fact]
    public void WithoutMissingAtTrainingNaNGoesToTheLargerChild()
    {
        // Split at 3.5: left keeps 3 rows, right 2 → NaN goes left. Mirrored data → NaN goes right.
        var a = new DecisionTreeRegressor { MaxDepth = 1 }.Fit(Col(1, 2, 3, 4, 5), [0.0, 0, 0, 10, 10]);
        Assert.True(a.Nodes[0].MissingGoesLeft);
        Assert.Equal([0.0], a.Predict(Col(double.NaN)));
        var b = new DecisionTreeRegressor { MaxDepth = 1 }.Fit(Col(1, 2, 3, 4, 5), [0.0, 0, 10, 10, 10]);
        Assert.False(b.Nodes[0].MissingGoesLeft);
        Assert.Equal([10.0], b.Predict(Col(double.NaN)));
        // Equal sizes: ties go right (scikit-learn: missing_go_to_left = n_left > n_right).
        var c = new DecisionTreeRegressor { MaxDepth = 1 }.Fit(Col(1, 2, 3, 4), [0.0, 0, 10, 10]);
        Assert.False(c.Nodes[0].MissingGoesLeft);
    }

    [Fact]
    public void ClassifierRoutesMissingLikeTheirClass()
    {
        // Class b has x missing or large; sending NaN right at x <= 2.5 gives pure children.
        var x = Col(1, 2, 3, 4, double.NaN, double.NaN, double.NaN);
        ClassLabels y = new[] { "a", "a", "b", "b", "b", "b", "b" };
        var m = new DecisionTreeClassifier { MaxDepth = 1 }.Fit(x, y);
        Assert.Equal(2.5, m.Nodes[0].Threshold);
        Assert.False(m.Nodes[0].MissingGoesLeft);
        Assert.Equal(["b", "a", "b"], m.Predict(Col(double.NaN, 0, 9)));
        // Missing with class a instead: they must go left.
        ClassLabels y2 = new[] { "a", "a", "b", "b", "a", "a", "a" };
        var m2 = new DecisionTreeClassifier { MaxDepth = 1 }.Fit(x, y2);
        Assert.True(m2.Nodes[0].MissingGoesLeft);
        Assert.Equal(["a", "b"], m2.Predict(Col(double.NaN, 9)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RootSplitEqualsBruteForce(int seed)
    {
        // Independent answer: every (feature, threshold, missing side) and the +inf split, scored by the weighted SSE
        // of the children, computed directly; the lowest wins (ties are unlikely with continuous targets).
        var rng = new Random(seed);
        int n = 40, p = 3;
        var x = new Matrix(n, p);
        var y = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++) x[i, j] = rng.NextDouble() < 0.25 ? double.NaN : Math.Round(rng.NextDouble() * 20);
            y[i] = rng.NextDouble() * 10 + (double.IsNaN(x[i, 1]) ? 7 : 0);
            w[i] = 1 + rng.Next(3);
        }
        var m = new DecisionTreeRegressor { MaxDepth = 1 }.Fit(x, y, w);
        double bestSse = double.PositiveInfinity;
        (int F, double T, bool Left) best = default;
        for (int j = 0; j < p; j++)
        {
            var values = Enumerable.Range(0, n).Select(i => x[i, j]).Where(v => !double.IsNaN(v)).Distinct().Order().ToArray();
            var thresholds = values.Zip(values.Skip(1), (a, b) => (a + b) / 2).Append(double.PositiveInfinity);
            foreach (double t in thresholds)
                foreach (bool missLeft in new[] { false, true })
                {
                    if (double.IsPositiveInfinity(t) && missLeft) continue;
                    bool Left(int i) => double.IsNaN(x[i, j]) ? missLeft : x[i, j] <= t;
                    double sse = Sse(Enumerable.Range(0, n).Where(Left)) + Sse(Enumerable.Range(0, n).Where(i => !Left(i)));
                    if (sse < bestSse - 1e-9) { bestSse = sse; best = (j, t, missLeft); }
                }
        }
        double Sse(IEnumerable<int> rows)
        {
            var r = rows.ToArray();
            if (r.Length == 0) return double.PositiveInfinity;
            double sw = r.Sum(i => w[i]), mean = r.Sum(i => w[i] * y[i]) / sw;
            return r.Sum(i => w[i] * (y[i] - mean) * (y[i] - mean));
        }
        var root = m.Nodes[0];
        Assert.Equal(best.F, root.Feature);
        Assert.Equal(best.T, root.Threshold, 5);
        bool anyMissing = Enumerable.Range(0, n).Any(i => double.IsNaN(x[i, best.F]));
        if (anyMissing) Assert.Equal(best.Left, root.MissingGoesLeft);
        // The children's impurities follow from the routing.
        var leftRows = Enumerable.Range(0, n).Where(i => double.IsNaN(x[i, root.Feature]) ? root.MissingGoesLeft : x[i, root.Feature] <= root.Threshold).ToArray();
        Assert.Equal(leftRows.Length, m.Nodes[root.Left].Samples);
    }

    [Fact]
    public void MissingRoutingSurvivesSaveAndLoad()
    {
        var x = Col(1, 2, 3, 4, double.NaN, double.NaN);
        var m = new DecisionTreeRegressor { MaxDepth = 1 }.Fit(x, [0.0, 0, 10, 10, 0, 0]);
        var back = (DecisionTreeRegressionModel)ModelFile.Deserialize(ModelFile.Serialize(m)).Model;
        Assert.True(back.Nodes[0].MissingGoesLeft);
        Assert.Equal(m.Predict(Col(double.NaN, 3)), back.Predict(Col(double.NaN, 3)));
    }

    [Fact]
    public void InfinityIsStillRejected()
    {
        var m = new DecisionTreeRegressor().Fit(Col(1, 2, 3), [1.0, 2, 3]);
        var e = Assert.Throws<InvalidInputException>(() => m.Predict(Col(double.NegativeInfinity)));
        Assert.Contains("row 0", e.Message, StringComparison.Ordinal);
    }
}
