using System.Text.Json.Nodes;
using Fathom.Anomaly;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using static Fathom.Tests.Anomaly.AnomalyTestData;

namespace Fathom.Tests.Anomaly;

public class EllipticEnvelopeTests
{
    private static int[] Ints(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    [Fact]
    public void ClearCutDataGivesScikitLearnsSupportLocationAndCovariance()
    {
        // 200 correlated Gaussian rows + 20 far rows: the MCD support is unambiguous, so both random paths end on
        // the same h rows and the estimates agree to rounding.
        var r = Ref["elliptic"]!;
        var x = MatrixOf(r["X"]);
        var model = new EllipticEnvelope().Fit(x);
        Assert.Equal(Ints(r["raw_support"]), model.RawSupport.Select(b => b ? 1 : 0));
        Assert.Equal(Ints(r["support"]), model.Support.Select(b => b ? 1 : 0));
        AssertClose(Doubles(r["raw_location"]), [.. model.RawLocation], 1e-10);
        AssertClose(LinearFlat(r["raw_covariance"]), model.RawCovariance.AsSpan().ToArray(), 1e-10);
        AssertClose(Doubles(r["location"]), [.. model.Location], 1e-10);
        AssertClose(LinearFlat(r["covariance"]), model.Covariance.AsSpan().ToArray(), 1e-10);
        AssertClose(Doubles(r["mahalanobis"]), [.. model.TrainingDistances], 1e-8);
        Assert.Equal(r["envelope_offset"]!.GetValue<double>(), model.Offset, 1e-8);
        AssertClose(Doubles(r["envelope_decision"]), model.DecisionFunction(x), 1e-8);
        Assert.Equal(Ints(r["envelope_predict"]), model.Predict(x));
        Assert.Equal(22, model.Predict(x).Count(v => v == -1)); // contamination 0.1 of 220 rows
    }

    [Fact]
    public void LargeDataTakesTheSubsetPathAndAgreesWithScikitLearnClosely()
    {
        // n = 1800 (1700 Gaussian rows, 100 far ones): subsets of 300 rows, a 1,500-row merge, then all rows. Among
        // 1700 Gaussian rows the raw half-sample is not unique (random paths end on different, equally good halves),
        // so the raw support is compared by overlap; the reweighted estimate and the flags almost coincide.
        var r = Ref["elliptic_large"]!;
        var x = MatrixOf(r["X"]);
        var model = new EllipticEnvelope().Fit(x);
        var raw = Ints(r["raw_support"]);
        Assert.Equal(raw.Sum(), model.RawSupport.Count(b => b));
        Assert.True(Enumerable.Range(0, x.Rows).Count(i => (raw[i] == 1) == model.RawSupport[i]) >= 0.97 * x.Rows);
        Assert.All(Enumerable.Range(1700, 100), i => Assert.False(model.RawSupport[i]));
        var loc = Doubles(r["location"]);
        for (int j = 0; j < 2; j++) Assert.Equal(loc[j], model.Location[j], 0.02);
        var cov = LinearFlat(r["covariance"]);
        var ours = model.Covariance.AsSpan().ToArray();
        for (int j = 0; j < 4; j++) Assert.Equal(cov[j], ours[j], 0.03);
        var expected = Ints(r["envelope_predict"]);
        var predicted = model.Predict(x);
        Assert.True(Enumerable.Range(0, x.Rows).Count(i => expected[i] == predicted[i]) >= 0.99 * x.Rows);
        Assert.All(Enumerable.Range(1700, 100), i => Assert.Equal(-1, predicted[i]));
    }

    [Fact]
    public void OneFeatureUsesTheShortestHalfAsScikitLearn()
    {
        var r = Ref["elliptic_1d"]!;
        var x = MatrixOf(r["X"]);
        var model = new EllipticEnvelope().Fit(x);
        Assert.Equal(Ints(r["raw_support"]), model.RawSupport.Select(b => b ? 1 : 0));
        Assert.Equal(Ints(r["support"]), model.Support.Select(b => b ? 1 : 0));
        AssertClose(Doubles(r["raw_location"]), [.. model.RawLocation], 1e-9);
        AssertClose(Doubles(r["location"]), [.. model.Location], 1e-9);
        AssertClose(LinearFlat(r["covariance"]), model.Covariance.AsSpan().ToArray(), 1e-9);
        Assert.Equal(r["envelope_offset"]!.GetValue<double>(), model.Offset, 1e-7);
        Assert.Equal(Ints(r["envelope_predict"]), model.Predict(x));
    }

    [Fact]
    public void MahalanobisMatchesTheClosedForm()
    {
        var x = MatrixOf(Ref["elliptic"]!["X"]);
        var model = new EllipticEnvelope { Contamination = 0.2, SupportFraction = 0.8 }.Fit(x);
        // (x − μ)ᵀ Σ⁻¹ (x − μ) with Σ⁻¹ from a Cholesky solve.
        var chol = Fathom.LinearAlgebra.CholeskyDecomposition.Decompose(model.Covariance);
        var d = model.Mahalanobis(x);
        for (int i = 0; i < x.Rows; i += 17)
        {
            var c = x.Row(i).ToArray().Select((v, j) => v - model.Location[j]).ToArray();
            var s = chol.Solve(c);
            Assert.Equal(c.Zip(s, (a, b) => a * b).Sum(), d[i], 1e-9);
        }
        Assert.Equal(44, model.Predict(x).Count(v => v == -1));
        var back = (EllipticEnvelopeModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.DecisionFunction(x), back.DecisionFunction(x));
        Assert.Throws<InvalidInputException>(() => model.ScoreSamples(new Matrix(2, 2)));
    }

    private static double[] LinearFlat(JsonNode? node) => node!.AsArray().SelectMany(r => Doubles(r)).ToArray();

    private static void AssertClose(double[] expected, double[] actual, double tol)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * Math.Max(1, Math.Abs(expected[i])), $"entry {i}: {actual[i]:R} vs {expected[i]:R}");
    }
}
