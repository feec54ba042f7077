using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Neighbors;

public class NeighborMetricsTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Neighbors", "neighbors_metrics_reference.json");
    private static readonly (Matrix X, string[] Y) Iris = LinearTestData.LoadSample("iris.csv");
    private static readonly Matrix Z = LinearTestData.Standardize(Iris.X);
    private static readonly int[] Train = Ints(Ref["train"]);
    private static readonly int[] Test = Ints(Ref["test"]);

    private static int[] Ints(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
    private static string[] Strings(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    [Theory]
    [InlineData("chebyshev", NeighborMetric.Chebyshev, 2.0)]
    [InlineData("minkowski3", NeighborMetric.Minkowski, 3.0)]
    [InlineData("cosine", NeighborMetric.Cosine, 2.0)]
    public void KNeighborsAndPredictionsEqualScikitLearn(string name, NeighborMetric metric, double p)
    {
        var c = Ref["knn"]![name]!;
        var xtr = Z.SelectRows(Train);
        var xte = Z.SelectRows(Test);
        var index = NearestNeighbors.Build(xtr, metric, p: p);
        Assert.Equal(metric == NeighborMetric.Cosine ? NeighborAlgorithm.Brute : NeighborAlgorithm.BallTree, index.Algorithm); // auto: 120 points in 4-d
        var nb = index.KNeighbors(xte, 7);
        var dist = LinearTestData.Rows(c["distances"]);
        var idx = c["indices"]!.AsArray().Select(Ints).ToArray();
        // Distances always equal; indices wherever the distance is not tied with another candidate (Chebyshev distances
        // of standardized iris tie often; scikit-learn's brute force picks among ties by argpartition order, we by index).
        var wider = index.KNeighbors(xte, 8);
        bool Tied(int i, double d) => Enumerable.Range(0, 8).Count(j => Math.Abs(wider.Distances[i, j] - d) <= 1e-12) > 1;
        int tiedRows = 0;
        for (int i = 0; i < Test.Length; i++)
        {
            bool any = false;
            for (int j = 0; j < 7; j++)
            {
                Assert.Equal(dist[i][j], nb.Distances[i, j], 1e-10);
                if (Tied(i, dist[i][j])) any = true;
                else Assert.Equal(idx[i][j], nb[i, j]);
            }
            if (any) tiedRows++;
        }
        var ytr = Train.Select(i => Iris.Y[i]).ToArray();
        foreach (var (weights, key) in new[] { (NeighborWeights.Uniform, "predict_uniform"), (NeighborWeights.Distance, "predict_distance") })
        {
            var model = new KNeighborsClassifier { NNeighbors = 7, Metric = metric, P = p, Weights = weights }.Fit(xtr, ytr);
            var expected = Strings(c[key]);
            var predicted = model.Predict(xte);
            for (int i = 0; i < Test.Length; i++)
                if (!Tied(i, nb.Distances[i, 6])) Assert.Equal(expected[i], predicted[i]);
        }
        if (metric != NeighborMetric.Chebyshev) Assert.True(tiedRows <= 5, $"{tiedRows} rows with ties"); // iris has duplicate rows
    }

    [Fact]
    public void NanEuclideanEqualsScikitLearnsDistances()
    {
        var xtr = Z.SelectRows(Train);
        var xte = Z.SelectRows(Test);
        foreach (var pair in Ref["nan_train"]!.AsArray()) xtr[pair![0]!.GetValue<int>(), pair[1]!.GetValue<int>()] = double.NaN;
        foreach (var pair in Ref["nan_test"]!.AsArray()) xte[pair![0]!.GetValue<int>(), pair[1]!.GetValue<int>()] = double.NaN;
        var expected = Ref["nan_euclidean"]!.AsArray().Select(r => r!.AsArray().Select(v => v is null ? double.PositiveInfinity : v.GetValue<double>()).ToArray()).ToArray();
        var index = NearestNeighbors.Build(xtr, NeighborMetric.NanEuclidean);
        // scikit-learn expands ‖x − y‖² = ‖x‖² − 2x·y + ‖y‖² (its distances carry an absolute error of about √ε·‖x‖,
        // e.g. 3.3e-8 for identical rows), so squared distances are compared, to 1e-10.
        for (int i = 0; i < xte.Rows; i++)
            for (int j = 0; j < xtr.Rows; j++)
            {
                double d = index.Distance(xte.Row(i), xtr.Row(j));
                if (double.IsPositiveInfinity(expected[i][j])) Assert.True(double.IsPositiveInfinity(d));
                else Assert.Equal(expected[i][j] * expected[i][j], d * d, 1e-10);
            }
        // Neighbours: the k smallest of those distances (ties by index).
        var nb = index.KNeighbors(xte, 5);
        for (int i = 0; i < xte.Rows; i++)
        {
            var order = Enumerable.Range(0, xtr.Rows).OrderBy(j => expected[i][j]).ThenBy(j => j).Take(5).ToArray();
            Assert.Equal(order.Select(j => expected[i][j]), nb.Distances.Row(i).ToArray(), new ToleranceComparer(1e-7));
        }
        var model = new KNeighborsClassifier { Metric = NeighborMetric.NanEuclidean }.Fit(xtr, Train.Select(i => Iris.Y[i]).ToArray());
        Assert.Equal(xte.Rows, model.Predict(xte).Length);
    }

    [Fact]
    public void NaNWithAMetricThatCannotHandleItIsAClearError()
    {
        var x = Z.Clone();
        x[7, 2] = double.NaN;
        var e = Assert.Throws<InvalidInputException>(() => new KNeighborsClassifier().Fit(x, Iris.Y));
        Assert.Contains("row 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("nan_euclidean", e.Message, StringComparison.Ordinal);
        var model = new KNeighborsClassifier().Fit(Z, Iris.Y);
        var q = Z.RowRange(0, 2).Clone();
        q[1, 0] = double.NaN;
        Assert.Contains("nan_euclidean", Assert.Throws<InvalidInputException>(() => model.Predict(q)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidHyperparameterException>(() => NearestNeighbors.Build(Z, NeighborMetric.Cosine, NeighborAlgorithm.KDTree));
        Assert.Throws<InvalidHyperparameterException>(() => new KNeighborsClassifier { P = 0.5 }.Fit(Z, Iris.Y));
    }

    [Theory]
    [InlineData(NeighborWeights.Uniform, "uniform")]
    [InlineData(NeighborWeights.Distance, "distance")]
    public void RadiusEstimatorsEqualScikitLearn(NeighborWeights weights, string name)
    {
        var r = Ref["radius"]!;
        var xtr = Z.SelectRows(Train);
        var xte = Z.SelectRows(Test);
        var ytr = Train.Select(i => Iris.Y[i]).ToArray();
        var model = new RadiusNeighborsClassifier { Radius = 0.8, Weights = weights, OutlierLabel = "most_frequent" }.Fit(xtr, ytr);
        Assert.Equal(Strings(r["predict_" + name]), model.Predict(xte));
        var proba = model.PredictProba(xte);
        var expected = LinearTestData.Rows(r["proba_" + name]);
        for (int i = 0; i < xte.Rows; i++)
            for (int c = 0; c < 3; c++) Assert.Equal(expected[i][c], proba[i, c], 1e-12);
        var reg = new RadiusNeighborsRegressor { Radius = 0.8, Weights = weights }.Fit(xtr.SelectColumns([0, 1, 2]), xtr.Column(3));
        var predicted = reg.Predict(xte.SelectColumns([0, 1, 2]));
        var want = r["regress_" + name]!.AsArray().Select(v => v is null ? double.NaN : v.GetValue<double>()).ToArray();
        for (int i = 0; i < want.Length; i++) Assert.Equal(want[i], predicted[i], 1e-12);
    }

    [Fact]
    public void RowsWithoutNeighboursGetTheOutlierLabelOrAClearError()
    {
        var ytr = Train.Select(i => Iris.Y[i]).ToArray();
        var far = Matrix.FromRows([[10.0, 10, 10, 10]]);
        var none = new RadiusNeighborsClassifier { Radius = 0.8 }.Fit(Z.SelectRows(Train), ytr);
        var e = Assert.Throws<InvalidInputException>(() => none.Predict(far));
        Assert.Contains("outlier_label", e.Message, StringComparison.Ordinal);
        var frequent = new RadiusNeighborsClassifier { Radius = 0.8, OutlierLabel = "most_frequent" }.Fit(Z.SelectRows(Train), ytr);
        Assert.Equal(["setosa"], frequent.Predict(far)); // 40 rows of each class: the first
        var custom = new RadiusNeighborsClassifier { Radius = 0.8, OutlierLabel = "unknown" }.Fit(Z.SelectRows(Train), ytr);
        Assert.Equal(["setosa", "versicolor", "virginica", "unknown"], custom.Classes);
        Assert.Equal(["unknown"], custom.Predict(far));
        Assert.Equal([0, 0, 0, 1.0], custom.PredictProba(far).Row(0).ToArray());
        var back = (RadiusNeighborsClassifierModel)ModelFile.Deserialize(ModelFile.Serialize(custom)).Model;
        Assert.Equal(custom.Predict(Z), back.Predict(Z));
        Assert.True(double.IsNaN(new RadiusNeighborsRegressor { Radius = 0.5 }.Fit(Z, Iris.X.Column(0)).Predict(far)[0]));
    }

    private sealed class ToleranceComparer(double tol) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tol;
        public int GetHashCode(double v) => 0;
    }
}
