using Fathom.Core;
using Fathom.Data;
using Fathom.Manifold;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Manifold;

public class IsomapTests
{
    /// <summary>Asserts equality up to one sign per column.</summary>
    private static void EqualUpToColumnSign(Matrix expected, Matrix actual, double tol)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns, actual.Columns);
        for (int c = 0; c < expected.Columns; c++)
        {
            double dot = 0;
            for (int i = 0; i < expected.Rows; i++) dot += expected[i, c] * actual[i, c];
            double sign = dot < 0 ? -1 : 1;
            for (int i = 0; i < expected.Rows; i++)
                Assert.True(Math.Abs(expected[i, c] - sign * actual[i, c]) <= tol * Math.Max(1, Math.Abs(expected[i, c])),
                    $"[{i}, {c}] expected {expected[i, c]} got {sign * actual[i, c]}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void MatchesScikitLearn(int which)
    {
        var r = ManifoldReference.IsomapMdsReference["isomap"]!;
        var x = ManifoldReference.ToMatrix(r["x"]!);
        var c = r["cases"]![which]!;
        var model = new Isomap { NNeighbors = c["n_neighbors"]!.GetValue<int>(), NComponents = c["n_components"]!.GetValue<int>() }.Fit(x);
        EqualUpToColumnSign(ManifoldReference.ToMatrix(c["embedding"]!), model.Embedding, 1e-6);
        var ev = c["eigenvalues"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        for (int t = 0; t < ev.Length; t++) Assert.Equal(ev[t], model.Eigenvalues[t], ev[t] * 1e-9);
        // signs agree too: both flip each eigenvector so its largest entry is positive
        var expectedT = ManifoldReference.ToMatrix(c["transform"]!);
        var z = model.Transform(ManifoldReference.ToMatrix(r["new"]!));
        EqualUpToColumnSign(expectedT, z, 1e-6);
    }

    [Fact]
    public void SavedModelTransformsTheSame()
    {
        var r = ManifoldReference.IsomapMdsReference["isomap"]!;
        var x = ManifoldReference.ToMatrix(r["x"]!);
        var frame = DataFrame.FromMatrix(x);
        var model = new Isomap { NNeighbors = 8 }.Fit(frame);
        var loaded = (IsomapModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        var fresh = DataFrame.FromMatrix(ManifoldReference.ToMatrix(r["new"]!));
        Assert.Equal(model.Transform(fresh).ToMatrix().Storage, loaded.Transform(fresh).ToMatrix().Storage);
        Assert.Equal(new[] { "isomap0", "isomap1" }, model.FeatureNamesOut.ToArray());
    }

    [Fact]
    public void RefitOnPermutedColumnsGivesTheSameEmbedding()
    {
        var x = ManifoldReference.ToMatrix(ManifoldReference.IsomapMdsReference["isomap"]!["x"]!);
        var frame = DataFrame.FromMatrix(x);
        var permuted = frame.Select("x2", "x0", "x1");
        var a = new Isomap { NNeighbors = 8 }.Fit(frame);
        var b = new Isomap { NNeighbors = 8 }.Fit(permuted);
        var ea = a.Embedding;
        var eb = b.Embedding;
        for (int i = 0; i < ea.Storage.Length; i++) Assert.Equal(ea.Storage[i], eb.Storage[i], 1e-9);
        Assert.Equal(a.Transform(frame).ToMatrix().Storage, a.Transform(permuted).ToMatrix().Storage);
    }

    [Fact]
    public void JoinsDisconnectedGraphsAndRejectsBadInput()
    {
        var x = new Matrix(20, 1);
        for (int i = 0; i < 20; i++) x[i, 0] = i < 10 ? i : 1000 + i;
        var warnings = new List<string>();
        var model = new Isomap { NNeighbors = 3, NComponents = 1 }.Fit(x, new FitContext { Log = warnings.Add });
        Assert.Contains("pieces", Assert.Single(warnings), StringComparison.Ordinal);
        // joined at 9 -- 1010 (distance 1001): geodesic from 0 to 19 = 9 + 1001 + 9
        Assert.Equal(1019, model.GeodesicDistances[0, 19], 9);
        Assert.Throws<InvalidHyperparameterException>(() => new Isomap { NNeighbors = 20 }.Fit(x));
        var bad = x.Clone();
        bad[3, 0] = double.NaN;
        Assert.Throws<InvalidInputException>(() => new Isomap().Fit(bad));
    }
}
