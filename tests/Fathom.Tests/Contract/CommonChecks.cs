using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Persistence;

namespace Fathom.Tests.Contract;

/// <summary>
/// The common estimator checks (scikit-learn's <c>check_estimator</c> is the model), run on every estimator
/// <see cref="EstimatorCatalog"/> discovers: each estimator × check is its own test case. Exemptions live
/// in <see cref="ContractExemptions"/> with their reasons.
/// </summary>
public class CommonChecks
{
    public static TheoryData<string, string> Estimators() => EstimatorCatalog.All();

    private static bool Exempt(string type, string check) => ContractExemptions.Reason(type, check) is not null;

    [Theory]
    [MemberData(nameof(Estimators))]
    public void DefaultConstructible(string type, string family)
    {
        if (Exempt(type, nameof(DefaultConstructible))) return;
        var t = EstimatorCatalog.TypeOf(type);
        Assert.True(t.IsSealed, $"{type} should be sealed (estimators are sealed records or classes).");
        if (!EstimatorCatalog.HasFactory(type))
            Assert.True(t.GetConstructor(Type.EmptyTypes) is not null,
                $"{type} has no parameterless constructor; give defaults or add it to EstimatorCatalog.Factories.");
        var est = EstimatorCatalog.Create(type, Family.Get(family));
        Assert.IsType(t, est);
        Hyperparameters.Validate(est); // the defaults are valid
        foreach (var h in Hyperparameters.Describe(t))
            Assert.False(string.IsNullOrWhiteSpace(h.Doc), $"{type}.{h.Name} has no meaning in its [Hyperparameter].");
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void FitLeavesHyperparametersAndInputsUnchanged(string type, string family)
    {
        if (Exempt(type, nameof(FitLeavesHyperparametersAndInputsUnchanged))) return;
        var f = Family.Get(family);
        var est = EstimatorCatalog.Create(type, f);
        var before = Snapshot(est);
        var data = f.Data(type);
        var original = data.Copy();
        double[]? w = f.HasWeights && Family.Tags(est).SupportsSampleWeight ? Enumerable.Range(0, data.X.Rows).Select(i => 1.0 + i % 3).ToArray() : null;
        var wCopy = w?.ToArray();
        f.Fit(est, data, w);
        Assert.Equal(before, Snapshot(est));
        Assert.Equal(original.X.AsSpan().ToArray(), data.X.AsSpan().ToArray());
        Assert.Equal(original.Classes, data.Classes);
        Assert.Equal(original.Target, data.Target);
        Assert.Equal(wCopy, w);
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void SameSeedGivesIdenticalModel(string type, string family)
    {
        if (Exempt(type, nameof(SameSeedGivesIdenticalModel))) return;
        var f = Family.Get(family);
        var data = f.Data(type);
        var a = f.Fit(EstimatorCatalog.WithSeed(EstimatorCatalog.Create(type, f), 42), data);
        var b = f.Fit(EstimatorCatalog.WithSeed(EstimatorCatalog.Create(type, f), 42), data);
        AssertBits(f.Output(a, data.X), f.Output(b, data.X), "same seed, same data");
        var ea = ModelFileSurgery.Unzip(ModelFile.Serialize(a));
        var eb = ModelFileSurgery.Unzip(ModelFile.Serialize(b));
        Assert.Equal(ea.Keys.Order(), eb.Keys.Order());
        foreach (var k in ea.Keys.Where(k => k.StartsWith("data/", StringComparison.Ordinal)))
            Assert.True(ea[k].AsSpan().SequenceEqual(eb[k]), $"data entry {k} differs between two fits with the same seed");
        Assert.Equal(ModelNode(ea), ModelNode(eb));
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void WrongFeatureCountThrows(string type, string family)
    {
        if (Exempt(type, nameof(WrongFeatureCountThrows))) return;
        var f = Family.Get(family);
        if (!f.HasPredict) return;
        var data = f.Data(type);
        var model = f.Fit(EstimatorCatalog.Create(type, f), data);
        Assert.Equal(3, model.FeatureCount);
        if (f is TransformerFamily)
        {
            // Transformers find columns by name: a missing column is the error (extra ones are allowed).
            var frame = TransformerFamily.Frame(TransformerFamily.FittedBy(model), data.X).Drop("x1");
            Assert.Throws<InvalidInputException>(() => ((ITransformerModel)model).Transform(frame));
            return;
        }
        foreach (int columns in new[] { 2, 4 })
        {
            var e = Assert.Throws<InvalidInputException>(() => f.Output(model, new Matrix(5, columns)));
            Assert.Contains(columns.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void NaNInXRejectedUnlessTagged(string type, string family)
    {
        if (Exempt(type, nameof(NaNInXRejectedUnlessTagged))) return;
        var f = Family.Get(family);
        var est = EstimatorCatalog.Create(type, f);
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity })
        {
            var data = f.Data(type).Copy();
            data.X[7, 1] = bad;
            if (Family.Tags(est).AllowsMissingValues)
            {
                if (double.IsNaN(bad)) f.Fit(est, data); // must be accepted
            }
            else
            {
                Assert.Throws<InvalidInputException>(() => f.Fit(est, data));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void EmptyDataRejected(string type, string family)
    {
        if (Exempt(type, nameof(EmptyDataRejected))) return;
        var f = Family.Get(family);
        var empty = new ContractData(new Matrix(0, 3), [], []);
        Assert.Throws<InvalidInputException>(() => f.Fit(EstimatorCatalog.Create(type, f), empty));
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void UnitWeightsEqualNoWeights(string type, string family)
    {
        if (Exempt(type, nameof(UnitWeightsEqualNoWeights))) return;
        var f = Family.Get(family);
        var est = EstimatorCatalog.WithSeed(EstimatorCatalog.Create(type, f), 7);
        if (!f.HasWeights || !Family.Tags(est).SupportsSampleWeight) return;
        var data = f.Data(type);
        var none = f.Output(f.Fit(est, data), data.X);
        var unit = f.Output(f.Fit(est, data, Enumerable.Repeat(1.0, data.X.Rows).ToArray()), data.X);
        AssertClose(none, unit, 1e-6, "unit weights vs no weights");
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void IntegerWeightsEqualRepeatedRows(string type, string family)
    {
        if (Exempt(type, nameof(IntegerWeightsEqualRepeatedRows))) return;
        var f = Family.Get(family);
        var est = EstimatorCatalog.WithSeed(EstimatorCatalog.Create(type, f), 7);
        if (!f.HasWeights || !Family.Tags(est).SupportsSampleWeight) return;
        var data = f.Data(type);
        var w = TestData.Synthetic.IntWeights(data.X.Rows, 3, seed: 5);
        var rows = Enumerable.Range(0, w.Length).SelectMany(i => Enumerable.Repeat(i, w[i])).ToArray();
        var weighted = f.Output(f.Fit(est, data, w.Select(v => (double)v).ToArray()), data.X);
        var repeatedModel = f.Fit(est, data.Take(rows));
        if (!f.HasPredict)
        {
            // Clusterers: the label of each original row (its first copy) must give the same partition;
            // cluster numbers may differ.
            var labels = f.Output(repeatedModel, data.X);
            var first = Enumerable.Range(0, w.Length).Select(i => Array.IndexOf(rows, i)).ToArray();
            AssertSamePartition(weighted, first.Select(j => labels[j]).ToArray());
            return;
        }
        var repeated = f.Output(repeatedModel, data.X);
        AssertClose(weighted, repeated, 1e-6, "integer weights vs repeated rows");
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void SaveLoadGivesIdenticalOutputs(string type, string family)
    {
        if (Exempt(type, nameof(SaveLoadGivesIdenticalOutputs))) return;
        var f = Family.Get(family);
        var data = f.Data(type);
        var model = f.Fit(EstimatorCatalog.Create(type, f), data);
        Assert.True(ModelKinds.IsKnown(model.ModelKind), $"model kind '{model.ModelKind}' is not on the ModelKinds allow-list");
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", model.ModelKind);
        var back = ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        TransformerFamily.SameInputAs(back, model);
        Assert.Equal(model.GetType(), back.GetType());
        Assert.Equal(model.FeatureCount, back.FeatureCount);
        AssertBits(f.Output(model, data.X), f.Output(back, data.X), "after save and load");
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void ConcurrentPredictMatchesSequential(string type, string family)
    {
        if (Exempt(type, nameof(ConcurrentPredictMatchesSequential))) return;
        var f = Family.Get(family);
        if (!f.HasPredict) return;
        var data = f.Data(type);
        var model = f.Fit(EstimatorCatalog.Create(type, f), data);
        var expected = f.Output(model, data.X);
        const int threads = 8;
        var results = new double[threads][][];
        var errors = new Exception?[threads];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                results[t] = Enumerable.Range(0, 5).Select(_ => f.Output(model, data.X)).ToArray();
            }
            catch (Exception e) { errors[t] = e; }
        })).ToArray();
        foreach (var w in workers) w.Start();
        foreach (var w in workers) w.Join();
        Assert.All(errors, e => Assert.Null(e));
        foreach (var perThread in results)
            foreach (var r in perThread)
                AssertBits(expected, r, "concurrent predict");
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void OneRowPredictBehaves(string type, string family)
    {
        if (Exempt(type, nameof(OneRowPredictBehaves))) return;
        var f = Family.Get(family);
        if (!f.HasPredict) return;
        var data = f.Data(type);
        var model = f.Fit(EstimatorCatalog.Create(type, f), data);
        var one = f.Output(model, data.X.RowRange(4, 1));
        Assert.NotEmpty(one);
        Assert.All(one, v => Assert.False(double.IsNaN(v), "1-row output has NaN"));
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void OneFeatureDataBehaves(string type, string family)
    {
        if (Exempt(type, nameof(OneFeatureDataBehaves))) return;
        var f = Family.Get(family);
        var data = f.Data(type, columns: 1);
        var model = f.Fit(EstimatorCatalog.Create(type, f), data);
        Assert.Equal(1, model.FeatureCount);
        var output = f.Output(model, data.X);
        Assert.NotEmpty(output);
        Assert.All(output, v => Assert.False(double.IsNaN(v), "1-feature output has NaN"));
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void ConstantFeatureBehaves(string type, string family)
    {
        if (Exempt(type, nameof(ConstantFeatureBehaves))) return;
        var f = Family.Get(family);
        var data = f.Data(type).Copy();
        for (int i = 0; i < data.X.Rows; i++) data.X[i, 1] = 5.0;
        var model = f.Fit(EstimatorCatalog.Create(type, f), data);
        var output = f.Output(model, data.X);
        Assert.All(output, v => Assert.True(double.IsFinite(v), "output with a constant feature is not finite"));
    }

    internal static IReadOnlyDictionary<string, string> Snapshot(object estimator) =>
        Hyperparameters.GetValues(estimator).ToDictionary(kv => kv.Key, kv => HyperparameterInfo.FormatValue(kv.Value));

    private static string ModelNode(Dictionary<string, byte[]> entries) =>
        JsonNode.Parse(entries["manifest.json"])!["model"]!.ToJsonString();

    internal static void AssertBits(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                Assert.Fail($"{what}: output {i} is {actual[i]:R}, expected {expected[i]:R} bit for bit");
    }

    internal static void AssertSamePartition(double[] a, double[] b)
    {
        Assert.Equal(a.Length, b.Length);
        var ab = new Dictionary<double, double>();
        var ba = new Dictionary<double, double>();
        for (int i = 0; i < a.Length; i++)
        {
            if (ab.TryGetValue(a[i], out var mapped) && mapped != b[i] || ba.TryGetValue(b[i], out var back) && back != a[i])
                Assert.Fail($"row {i}: clusters differ beyond a renumbering");
            ab[a[i]] = b[i];
            ba[b[i]] = a[i];
        }
    }

    internal static void AssertClose(double[] expected, double[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double a = expected[i], b = actual[i];
            if (a.Equals(b)) continue;
            if (!(Math.Abs(a - b) <= relative * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)))))
                Assert.Fail($"{what}: output {i} is {b:R}, expected {a:R} (relative tolerance {relative})");
        }
    }
}
