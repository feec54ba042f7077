using Fathom.Core;
using Fathom.Data;
using Fathom.Neighbors;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

/// <summary>KNNImputer and MissingIndicator against scikit-learn 1.2.1 (imputers.json).</summary>
public class ImputerTests
{
    private static System.Text.Json.JsonElement Imp(string key) => Reference("Preprocessing", "imputers.json", key);

    /// <summary>Cell (i, j) blanked when (7i + 3j) % mod == 0, as make_transformers.py does.</summary>
    internal static DataFrame Holes(DataFrame x, int mod) => new(x.Columns.Select((c, j) =>
    {
        var v = ((NumericColumn)c).Values.ToArray();
        for (int i = 0; i < v.Length; i++) if ((7 * i + 3 * j) % mod == 0) v[i] = double.NaN;
        return (DataColumn)new NumericColumn(c.Name, v);
    }));

    /// <summary>120 rows of continuous random data (no tied distances; see make_transformers.py).</summary>
    private static DataFrame KnnData => ReadCsv(Path.Combine(Root, "tests", "Fathom.Tests", "Preprocessing", "Reference", "knn_data.csv"));

    [Theory]
    [InlineData("knn_uniform", 5, 5, NeighborWeights.Uniform)]
    [InlineData("knn_distance", 5, 5, NeighborWeights.Distance)]
    [InlineData("knn_3", 3, 3, NeighborWeights.Uniform)]
    [InlineData("knn_7_distance", 3, 7, NeighborWeights.Distance)]
    public void KnnImputerMatchesScikitLearn(string key, int holes, int k, NeighborWeights weights)
    {
        var x = Holes(KnnData, holes);
        var model = new KNNImputer { NNeighbors = k, Weights = weights }.Fit(x);
        AssertFrame(Imp(key), model.Transform(x));
    }

    [Fact]
    public void KnnImputerOnNewRowsSaveLoadAndColumns()
    {
        var x = Holes(KnnData, 5);
        var model = new KNNImputer { NNeighbors = 4 }.Fit(x.Head(60));
        var rest = x.Take(Enumerable.Range(60, 60).ToArray());
        AssertFrame(Imp("knn_unseen"), model.Transform(rest));
        AssertSameFrame(model.Transform(rest), Reload(model).Transform(rest));
        Assert.Equal("c", Assert.Throws<InvalidInputException>(() => model.Transform(x.Drop("c"))).Column);
    }

    [Fact]
    public void RowWithNothingInCommonGetsTheColumnMean()
    {
        var x = new DataFrame([new NumericColumn("a", [1.0, 2, 3, double.NaN]), new NumericColumn("b", [double.NaN, double.NaN, double.NaN, 5])]);
        var z = new KNNImputer { NNeighbors = 2 }.Fit(x).Transform(x);
        Assert.Equal(2.0, ((NumericColumn)z[0])[3]);
        Assert.Equal(5.0, ((NumericColumn)z[1])[0]);
    }

    [Fact]
    public void MissingIndicatorMatchesScikitLearnAndRefusesNewMissingColumns()
    {
        var x = Penguins;
        var v = ((NumericColumn)x[1]).Values.ToArray();
        for (int i = 5; i < 8; i++) v[i] = double.NaN;
        x = x.WithColumn(new NumericColumn(x[1].Name, v));
        var only = new MissingIndicator().Fit(x);
        AssertFrame(Imp("indicator_missing_only"), only.Transform(x));
        AssertFrame(Imp("indicator_all"), new MissingIndicator { Features = MissingFeatures.All }.Fit(x).Transform(x));
        var clean = new DataFrame([new NumericColumn("a", [1.0, 2]), new TextColumn("t", ["u", "v"])]);
        var model = new MissingIndicator().Fit(clean);
        Assert.Empty(model.FeatureNamesOut);
        var dirty = new DataFrame([new NumericColumn("a", [1.0, 2]), new TextColumn("t", ["u", null])]);
        Assert.Equal("t", Assert.Throws<InvalidInputException>(() => model.Transform(dirty)).Column);
        Assert.Empty(new MissingIndicator { ErrorOnNew = false }.Fit(clean).Transform(dirty).Columns);
        AssertSameFrame(only.Transform(x), Reload(only).Transform(x));
    }
}

/// <summary>IterativeImputer with Ridge against scikit-learn 1.2.1's IterativeImputer(estimator=Ridge()).</summary>
public class IterativeImputerTests
{
    private static System.Text.Json.JsonElement Imp(string key) => Reference("Preprocessing", "imputers.json", key);

    private static DataFrame KnnData => ReadCsv(Path.Combine(Root, "tests", "Fathom.Tests", "Preprocessing", "Reference", "knn_data.csv"));

    [Theory]
    [InlineData("iterative_ridge", 3, 10, double.NegativeInfinity, double.PositiveInfinity)]
    [InlineData("iterative_ridge_3", 5, 3, double.NegativeInfinity, double.PositiveInfinity)]
    [InlineData("iterative_clip", 3, 10, 0.0, 5.0)]
    public void MatchesScikitLearnWithRidge(string key, int holes, int maxIter, double lo, double hi)
    {
        var x = ImputerTests.Holes(KnnData, holes);
        var model = new IterativeImputer { MaxIter = maxIter, MinValue = lo, MaxValue = hi }.Fit(x);
        Assert.Equal((int)Values(Imp(key + "_n_iter"))[0], model.Rounds);
        AssertFrame(Imp(key), model.Transform(x), tol: 1e-6);
    }

    [Fact]
    public void NewRowsSaveLoadAndColumns()
    {
        var x = ImputerTests.Holes(KnnData, 3);
        var model = new IterativeImputer().Fit(x.Head(80));
        var rest = x.Take(Enumerable.Range(80, 40).ToArray());
        AssertFrame(Imp("iterative_unseen"), model.Transform(rest), tol: 1e-6);
        AssertSameFrame(model.Transform(rest), Reload(model).Transform(rest));
        Assert.Equal("e", Assert.Throws<InvalidInputException>(() => model.Transform(x.Drop("e"))).Column);
        Assert.Throws<InvalidHyperparameterException>(() => new IterativeImputer { MinValue = 2, MaxValue = 1 }.Fit(x));
    }
}
