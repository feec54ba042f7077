using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Neighbors;

public class KNeighborsTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Neighbors", "knn_reference.json");

    private static readonly Dictionary<string, (Matrix X, string[] Y)> Data = new()
    {
        ["iris.csv"] = LinearTestData.LoadSample("iris.csv"),
        ["digits.csv"] = LinearTestData.LoadSample("digits.csv"),
        ["diabetes.csv"] = LinearTestData.LoadSample("diabetes.csv"),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Ref["cases"]!.AsArray())
        {
            string name = c!["name"]!.GetValue<string>();
            data.Add(name, "brute");
            if (c["metric"]!.GetValue<string>() == "euclidean" && c["file"]!.GetValue<string>() == "iris.csv") data.Add(name, "kd_tree"); // 64-d digits: brute only (speed)
        }
        return data;
    }

    private static int[] Ints(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClassifierMatchesScikitLearn(string name, string algorithm)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, y) = Data[c["file"]!.GetValue<string>()];
        var train = Ints(c["train"]);
        var test = Ints(c["test"]);
        var est = new KNeighborsClassifier
        {
            NNeighbors = c["k"]!.GetValue<int>(),
            Weights = c["weights"]!.GetValue<string>() == "distance" ? NeighborWeights.Distance : NeighborWeights.Uniform,
            Metric = c["metric"]!.GetValue<string>() == "manhattan" ? NeighborMetric.Manhattan : NeighborMetric.Euclidean,
            Algorithm = algorithm == "kd_tree" ? NeighborAlgorithm.KDTree : NeighborAlgorithm.Brute,
        };
        var model = est.Fit(x.SelectRows(train), train.Select(i => y[i]).ToArray());
        var xt = x.SelectRows(test);
        var predicted = model.Predict(xt);
        Assert.Equal(c["predict"]!.AsArray().Select(v => v!.GetValue<string>()), predicted);
        // Rows with a tie at the k-th place (within rounding): scikit-learn's choice among the tied points depends
        // on its heap order and threading, ours keeps the lowest indices; only there may sets and votes differ.
        int k = est.NNeighbors;
        var wider = model.Index.KNeighbors(xt, k + 1);
        bool Tied(int i) => wider.Distances[i, k] <= wider.Distances[i, k - 1] * (1 + 1e-9);
        var auto = c["predict_auto"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
        var proba = LinearTestData.Rows(c["proba"]);
        var mine = model.PredictProba(xt);
        var nb = model.KNeighbors(xt);
        var dist = LinearTestData.Rows(c["distances"]);
        var sets = c["neighbor_sets"]!.AsArray().Select(Ints).ToArray();
        int ties = 0;
        for (int i = 0; i < test.Length; i++)
        {
            for (int j = 0; j < k; j++) Assert.Equal(dist[i][j], nb.Distances[i, j], 1e-9 * Math.Max(1, dist[i][j]));
            for (int j = 1; j < k; j++)
                Assert.True(nb.Distances[i, j - 1] <= nb.Distances[i, j]);
            if (Tied(i)) { ties++; continue; }
            Assert.Equal(sets[i], nb.IndicesOf(i).ToArray().Order());
            Assert.Equal(auto[i], predicted[i]);
            for (int q = 0; q < proba[i].Length; q++)
                Assert.True(Math.Abs(proba[i][q] - mine[i, q]) <= 1e-12, $"proba[{i},{q}] {mine[i, q]:R} vs {proba[i][q]:R}");
        }
        Assert.True(ties <= test.Length * 6 / 10, $"{ties} of {test.Length} rows have a tie at the k-th place");
    }

    public static TheoryData<string> RegressionCases => new(Ref["regression"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void RegressorMatchesScikitLearn(string name)
    {
        var c = Ref["regression"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, t) = Data["diabetes.csv"];
        var y = t.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var train = Ints(c["train"]);
        var test = Ints(c["test"]);
        var expected = LinearTestData.Doubles(c["predict"]);
        foreach (var algorithm in new[] { NeighborAlgorithm.Brute, NeighborAlgorithm.KDTree })
        {
            bool manhattan = c["metric"]!.GetValue<string>() == "manhattan";
            if (manhattan && algorithm == NeighborAlgorithm.KDTree) continue;
            var est = new KNeighborsRegressor
            {
                Weights = c["weights"]!.GetValue<string>() == "distance" ? NeighborWeights.Distance : NeighborWeights.Uniform,
                Metric = manhattan ? NeighborMetric.Manhattan : NeighborMetric.Euclidean,
                Algorithm = algorithm,
            };
            var pred = est.Fit(x.SelectRows(train), train.Select(i => y[i]).ToArray()).Predict(x.SelectRows(test));
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], pred[i], 1e-9 * Math.Abs(expected[i]));
        }
    }

    [Fact]
    public void RadiusQueriesMatchScikitLearn()
    {
        var (x, _) = Data["iris.csv"];
        foreach (var c in Ref["radius"]!.AsArray())
        {
            var train = Ints(c!["train"]);
            var test = Ints(c["test"]);
            var sets = c["neighbor_sets"]!.AsArray().Select(Ints).ToArray();
            bool manhattan = c["metric"]!.GetValue<string>() == "manhattan";
            foreach (var algorithm in manhattan ? new[] { NeighborAlgorithm.Brute } : new[] { NeighborAlgorithm.Brute, NeighborAlgorithm.KDTree })
            {
                var index = NearestNeighbors.Build(x.SelectRows(train), manhattan ? NeighborMetric.Manhattan : NeighborMetric.Euclidean, algorithm);
                var result = index.RadiusNeighbors(x.SelectRows(test), c["radius"]!.GetValue<double>());
                for (int i = 0; i < test.Length; i++)
                {
                    Assert.Equal(sets[i], result.IndicesOf(i).ToArray().Order());
                    var d = result.DistancesOf(i);
                    for (int j = 1; j < d.Length; j++) Assert.True(d[j - 1] <= d[j]);
                    Assert.All(d.ToArray(), v => Assert.True(v <= 0.45));
                }
            }
        }
    }

    [Fact]
    public void NeighborsOfThePointsThemselvesMatchScikitLearn()
    {
        var (x, _) = Data["diabetes.csv"];
        var c = Ref["self_neighbors"]!;
        var sets = c["neighbor_sets"]!.AsArray().Select(Ints).ToArray();
        foreach (var algorithm in new[] { NeighborAlgorithm.Brute, NeighborAlgorithm.KDTree })
        {
            var nb = NearestNeighbors.Build(x, algorithm: algorithm).KNeighborsOfPoints(c["k"]!.GetValue<int>());
            for (int i = 0; i < x.Rows; i++) Assert.Equal(sets[i], nb.IndicesOf(i).ToArray().Order());
        }
        // Duplicates: a point whose copies fill its list loses the first neighbour instead of itself.
        var dup = Matrix.FromRows([[0.0], [0.0], [0.0], [5.0]]);
        var self = NearestNeighbors.Build(dup).KNeighborsOfPoints(1);
        Assert.Equal([1, 0, 1, 0], Enumerable.Range(0, 4).Select(i => self[i, 0])); // as scikit-learn 1.2.1 gives
    }

    [Fact]
    public void TiesKeepTheLowerTrainingIndicesLikeScikitLearn()
    {
        var t = Ref["ties"]!;
        var points = Matrix.FromRows(LinearTestData.Rows(t["points"]));
        var query = Matrix.FromRows([LinearTestData.Doubles(t["query"])]);
        var expected = Ints(t["neighbor_set"]);
        foreach (var algorithm in new[] { NeighborAlgorithm.Brute, NeighborAlgorithm.KDTree })
        {
            var nb = NearestNeighbors.Build(points, algorithm: algorithm).KNeighbors(query, t["k"]!.GetValue<int>());
            Assert.Equal(expected, nb.IndicesOf(0).ToArray()); // sorted by index among equal distances
        }
    }

    [Fact]
    public void KDTreeAndBruteForceAgreeOnRandomData()
    {
        var rng = new RandomSource(4);
        var x = new Matrix(3000, 6);
        var q = new Matrix(200, 6);
        foreach (var m in new[] { x, q })
        {
            var s = m.AsSpan();
            for (int i = 0; i < s.Length; i++) s[i] = Math.Round(rng.NextGaussian() * 4) / 2; // many exact ties
        }
        var brute = NearestNeighbors.Build(x, algorithm: NeighborAlgorithm.Brute).KNeighbors(q, 7);
        var tree = NearestNeighbors.Build(x, algorithm: NeighborAlgorithm.KDTree).KNeighbors(q, 7, threads: 1);
        Assert.Equal(brute.Indices, tree.Indices);
        Assert.Equal(brute.Distances.AsSpan().ToArray(), tree.Distances.AsSpan().ToArray());
    }

    [Fact]
    public void BadInputsGiveClearErrors()
    {
        var (x, y) = Data["iris.csv"];
        var e = Assert.Throws<InvalidHyperparameterException>(() => new KNeighborsClassifier { NNeighbors = 200 }.Fit(x, y));
        Assert.Contains("n_neighbors", e.Message, StringComparison.Ordinal);
        Assert.Contains("150 rows", e.Message, StringComparison.Ordinal);
        Assert.Equal("n_neighbors", e.Parameter);
        Assert.Throws<InvalidHyperparameterException>(() => new KNeighborsClassifier { NNeighbors = 0 }.Fit(x, y));
        Assert.Throws<InvalidHyperparameterException>(() =>
            new KNeighborsClassifier { Metric = NeighborMetric.Manhattan, Algorithm = NeighborAlgorithm.KDTree }.Fit(x, y));
        var model = new KNeighborsClassifier().Fit(x, y);
        var bad = x.RowRange(0, 3).Clone();
        bad[1, 2] = double.NaN;
        Assert.Contains("row 1", Assert.Throws<InvalidInputException>(() => model.Predict(bad)).Message, StringComparison.Ordinal);
        var index = NearestNeighbors.Build(x);
        Assert.Throws<InvalidInputException>(() => index.KNeighbors(x, 151));
        string? warning = null;
        new KNeighborsClassifier().Fit(x, y, Enumerable.Repeat(2.0, 150).ToArray(), new FitContext { Log = m => warning = m });
        Assert.Contains("ignored", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveAndLoadGivesTheSamePredictions()
    {
        var (x, y) = Data["iris.csv"];
        var model = new KNeighborsClassifier { NNeighbors = 3, Weights = NeighborWeights.Distance }.Fit(x, y);
        var back = Assert.IsType<KNeighborsClassifierModel>(ModelFile.Deserialize(ModelFile.Serialize(model)).Model);
        Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), back.PredictProba(x).AsSpan().ToArray());
        Assert.Equal(NeighborAlgorithm.KDTree, back.Index.Algorithm);
    }
}
